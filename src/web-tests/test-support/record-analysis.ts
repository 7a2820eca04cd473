/**
 * A finished analysis of a linked repository, written into a running server's SQLite database:
 * for browser stories about a learner (who may link https:// URLs only) whose repository must
 * have a report, while the tests have no network to clone from. The report is real: the
 * analyzer's, of a fixture API committed to a temp git repository. Analysing through the job queue is
 * covered by the repositories and shared-profile stories.
 */
import { join } from "node:path";
import { analyze } from "../../analyzer/analyze.js";
import { files as expressApi } from "../../analyzer/test-support/fixtures/node-express-api.js";
import { makeRepo } from "../../analyzer/test-support/make-repo.js";
import { SQLITE_FILE } from "../../config.js";
import { loadRoadmap } from "../../content/content-loader.js";
import { openDatabase } from "../../store/database.js";
import { storeFinishedReport } from "../../store/test-support/finished-analysis.js";

/** Records a done analysis of the fixture API for the repository; returns its id and score. */
export async function recordFinishedAnalysis(
  dataDir: string,
  repositoryId: string,
): Promise<{ analysisId: string; score: number }> {
  const repo = makeRepo(expressApi);
  const report = await analyze(repo.dir, loadRoadmap().checks).finally(() => repo.cleanup());
  const store = openDatabase({ kind: "sqlite", file: join(dataDir, SQLITE_FILE) });
  try {
    const repository = await store.db
      .selectFrom("repositories")
      .select(["id", "owner_id"])
      .where("id", "=", repositoryId)
      .executeTakeFirstOrThrow();
    const analysisId = await storeFinishedReport(store.db, repository, report);
    return { analysisId, score: report.score };
  } finally {
    await store.close();
  }
}

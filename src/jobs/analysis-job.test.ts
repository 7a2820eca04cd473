import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoadmap } from "../content/content-loader.js";
import { systemClock } from "../services/clock.js";
import { analysesRepository, queuedAnalysis } from "../store/analyses.repository.js";
import type { Store } from "../store/database.js";
import { newId } from "../store/ids.js";
import { repositoriesRepository } from "../store/repositories.repository.js";
import { openTestStore, TEST_DIALECTS } from "../store/test-support/test-databases.js";
import { insertTestUser } from "../store/test-support/test-users.js";
import { analysisJobHandler, type AnalyzeFunction } from "./analysis-job.js";

const roadmap = loadRoadmap();

describe.each(TEST_DIALECTS)("an analysis job on %s", (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(dialect));
  });
  afterAll(async () => {
    await cleanup();
  });

  async function analysisInQueue(): Promise<string> {
    const now = new Date().toISOString();
    const ownerId = (await insertTestUser(store)).id;
    const repositoryId = newId();
    await repositoriesRepository(store.db, store.dialect).create({
      id: repositoryId,
      owner_id: ownerId,
      kind: "url",
      location: `https://git.example/learner/${repositoryId}`,
      created_at: now,
    });
    const queued = queuedAnalysis({ id: repositoryId, owner_id: ownerId }, null, new Date());
    await analysesRepository(store.db).create(queued);
    return queued.id;
  }

  it("fails an analysis that runs out of time and tells the analyzer to stop", async () => {
    const analysisId = await analysisInQueue();
    let stopped: unknown;
    // an analysis that would never finish on its own: it ends only when told to stop
    const endless: AnalyzeFunction = (_input, _checks, options) =>
      new Promise((_, reject) => {
        options.signal?.addEventListener("abort", () => {
          stopped = options.signal?.reason;
          reject(new Error("stopped"));
        });
      });
    const handle = analysisJobHandler({
      analyses: analysesRepository(store.db),
      repositories: repositoriesRepository(store.db, store.dialect),
      roadmap,
      clock: systemClock,
      limits: { attempts: 3, timeoutMs: 50, retryDelayMs: 10 },
      log: () => undefined,
      analyze: endless,
    });

    await handle(analysisId);

    const row = await analysesRepository(store.db).findById(analysisId);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row?.error).toBe("the analysis took longer than its 50 ms limit");
    expect(stopped).toBeInstanceOf(Error);
    expect((stopped as Error).message).toBe(row?.error);
  });
});

/**
 * A finished analysis as the analysis jobs store it (repository row, analysis row with its
 * report, verified skills), written straight to the tables, for tests about reading evidence.
 * The report holds only the parts career evidence reads: check verdicts, signals and git facts.
 */
import type { Kysely } from "kysely";
import type { EvidenceReport } from "../../analyzer/report.js";
import type { Check } from "../../content/content.schema.js";
import { analysesRepository, queuedAnalysis } from "../analyses.repository.js";
import type { Database } from "../database.types.js";
import { newId } from "../ids.js";

export interface FinishedAnalysis {
  readonly ownerId: string;
  /** all checks of the roadmap; those named in `passing` pass, the others fail */
  readonly checks: readonly Check[];
  readonly passing: readonly string[];
  readonly verifiedSkills?: readonly string[];
  readonly trueSignals?: readonly string[];
  readonly location?: string;
}

export async function insertFinishedAnalysis(
  db: Kysely<Database>,
  analysis: FinishedAnalysis,
): Promise<{ analysisId: string; repositoryId: string; location: string }> {
  const now = new Date().toISOString();
  const repositoryId = newId();
  const analysisId = newId();
  const location = analysis.location ?? `https://git.example/learner/${repositoryId}`;
  await db
    .insertInto("repositories")
    .values({
      id: repositoryId,
      owner_id: analysis.ownerId,
      kind: "url",
      location,
      created_at: now,
    })
    .execute();
  const report = {
    checks: analysis.checks.map((c) => ({
      id: c.id,
      verdict: analysis.passing.includes(c.id) ? "pass" : "fail",
    })),
    signals: Object.fromEntries(
      (analysis.trueSignals ?? []).map((id) => [id, { value: true, evidence: [] }]),
    ),
    git: { commits: 40 },
  };
  await db
    .insertInto("analyses")
    .values({
      id: analysisId,
      repository_id: repositoryId,
      owner_id: analysis.ownerId,
      commit_sha: "a".repeat(40),
      status: "done",
      progress: 100,
      phase: "done",
      attempts: 1,
      error: null,
      report: JSON.stringify(report),
      score: 80,
      reused_from: null,
      created_at: now,
      started_at: now,
      finished_at: now,
      run_after: now,
      locked_until: null,
    })
    .execute();
  for (const skillId of analysis.verifiedSkills ?? []) {
    await db
      .insertInto("verified_skills")
      .values({
        repository_id: repositoryId,
        skill_id: skillId,
        user_id: analysis.ownerId,
        analysis_id: analysisId,
        evidence: "[]",
        verified_at: now,
      })
      .execute();
  }
  return { analysisId, repositoryId, location };
}

/**
 * Stores a real `report` (the analyzer's) as the finished analysis of a linked repository, through
 * the analyses repository's own steps (a running attempt, then complete), without the job queue.
 */
export async function storeFinishedReport(
  db: Kysely<Database>,
  repository: { readonly id: string; readonly owner_id: string },
  report: EvidenceReport,
): Promise<string> {
  const analyses = analysesRepository(db);
  const now = new Date();
  const at = now.toISOString();
  const row = await analyses.create({
    ...queuedAnalysis(repository, null, now),
    status: "running",
    phase: "starting",
    attempts: 1,
    started_at: at,
  });
  const result = {
    commit: report.repository.commit,
    report: JSON.stringify(report),
    score: report.score,
  };
  await analyses.complete(row.id, result, [], at);
  return row.id;
}

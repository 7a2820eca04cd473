/**
 * All SQL about analyses: their life cycle (queued → running → done | failed, with retries), the
 * reuse of a stored report, and the two queries that make the table a job queue for the
 * in-process (SQLite) worker pool: claim the next due job under a lease, and extend the lease.
 */
import type { Kysely } from "kysely";
import type { AnalysisRow, Database, RepositoryRow, VerifiedSkillRow } from "./database.types.js";
import { newId } from "./ids.js";
import type { PageQuery } from "./users.repository.js";

/** A new analysis of `repository`, waiting for its first attempt; `commit` when known already. */
export function queuedAnalysis(
  repository: Pick<RepositoryRow, "id" | "owner_id">,
  commit: string | null,
  now: Date,
): AnalysisRow {
  const at = now.toISOString();
  return {
    id: newId(now.getTime()),
    repository_id: repository.id,
    owner_id: repository.owner_id,
    commit_sha: commit,
    status: "queued",
    progress: 0,
    phase: "queued",
    attempts: 0,
    error: null,
    report: null,
    score: null,
    reused_from: null,
    created_at: at,
    started_at: null,
    finished_at: null,
    run_after: at,
    locked_until: null,
  };
}

export interface AnalysisResult {
  readonly commit: string | null;
  /** the EvidenceReport as JSON text */
  readonly report: string;
  readonly score: number;
}

export interface AnalysesRepository {
  create(row: AnalysisRow): Promise<AnalysisRow>;
  findById(id: string): Promise<AnalysisRow | undefined>;
  /** newest first; `after` is the id of the last analysis of the previous page */
  listForRepository(repositoryId: string, page: PageQuery): Promise<AnalysisRow[]>;
  /** a queued or running analysis of the repository, if there is one */
  findActive(repositoryId: string): Promise<AnalysisRow | undefined>;
  /** the newest finished analysis of this repository at this commit, with its report */
  findReusable(repositoryId: string, commit: string): Promise<AnalysisRow | undefined>;
  /**
   * Marks a queued (or abandoned running) analysis as running and counts the attempt; undefined
   * when it is gone or already finished, so a duplicate delivery does no work.
   */
  start(id: string, now: string): Promise<AnalysisRow | undefined>;
  /**
   * SQLite queue: takes the oldest due job (queued, or running with an expired lease) and puts
   * it under a lease; the handler then counts the attempt with start()
   */
  claimNext(now: string, leaseUntil: string): Promise<AnalysisRow | undefined>;
  /** SQLite queue: the worker is alive; keep the job for longer */
  extendLease(id: string, leaseUntil: string): Promise<void>;
  setProgress(id: string, progress: number, phase: string): Promise<void>;
  /**
   * Stores the report and, in the same transaction, replaces the repository's verified skills
   * with the ones this analysis proved — unless a newer analysis of the repository already
   * finished, whose verdict stands.
   */
  complete(
    id: string,
    result: AnalysisResult,
    verified: readonly VerifiedSkillRow[],
    now: string,
  ): Promise<void>;
  /** back to the queue with the error that stopped this attempt, not before `runAfter` */
  retryLater(id: string, error: string, runAfter: string): Promise<void>;
  fail(id: string, error: string, now: string): Promise<void>;
}

export function analysesRepository(db: Kysely<Database>): AnalysesRepository {
  return {
    create: (row) => db.insertInto("analyses").values(row).returningAll().executeTakeFirstOrThrow(),
    findById: (id) => db.selectFrom("analyses").selectAll().where("id", "=", id).executeTakeFirst(),
    listForRepository: (repositoryId, { after, limit }) => {
      let query = db
        .selectFrom("analyses")
        .selectAll()
        .where("repository_id", "=", repositoryId)
        .orderBy("id", "desc")
        .limit(limit);
      if (after !== undefined) query = query.where("id", "<", after);
      return query.execute();
    },
    findActive: (repositoryId) =>
      db
        .selectFrom("analyses")
        .selectAll()
        .where("repository_id", "=", repositoryId)
        .where("status", "in", ["queued", "running"])
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst(),
    findReusable: (repositoryId, commit) =>
      db
        .selectFrom("analyses")
        .selectAll()
        .where("repository_id", "=", repositoryId)
        .where("commit_sha", "=", commit)
        .where("status", "=", "done")
        .where("report", "is not", null)
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst(),
    start: (id, now) =>
      db
        .updateTable("analyses")
        .set((eb) => ({
          status: "running",
          attempts: eb("attempts", "+", 1),
          started_at: now,
          progress: 0,
          phase: "starting",
        }))
        .where("id", "=", id)
        .where("status", "in", ["queued", "running"])
        .returningAll()
        .executeTakeFirst(),
    claimNext: (now, leaseUntil) =>
      db
        .updateTable("analyses")
        .set({ status: "running", locked_until: leaseUntil })
        .where("id", "=", (eb) =>
          eb
            .selectFrom("analyses")
            .select("id")
            .where((w) =>
              w.or([
                w.and([w("status", "=", "queued"), w("run_after", "<=", now)]),
                w.and([w("status", "=", "running"), w("locked_until", "<", now)]),
              ]),
            )
            .orderBy("id")
            .limit(1),
        )
        .returningAll()
        .executeTakeFirst(),
    async extendLease(id, leaseUntil) {
      await db
        .updateTable("analyses")
        .set({ locked_until: leaseUntil })
        .where("id", "=", id)
        .where("status", "=", "running")
        .execute();
    },
    async setProgress(id, progress, phase) {
      await db
        .updateTable("analyses")
        .set({ progress, phase })
        .where("id", "=", id)
        .where("status", "=", "running")
        .execute();
    },
    complete: (id, result, verified, now) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable("analyses")
          .set({
            status: "done",
            progress: 100,
            phase: "done",
            error: null,
            commit_sha: result.commit,
            report: result.report,
            score: result.score,
            finished_at: now,
            locked_until: null,
          })
          .where("id", "=", id)
          .returning(["repository_id"])
          .executeTakeFirst();
        if (!row) return;
        const newer = await trx
          .selectFrom("analyses")
          .select("id")
          .where("repository_id", "=", row.repository_id)
          .where("status", "=", "done")
          .where("id", ">", id)
          .limit(1)
          .executeTakeFirst();
        if (newer) return;
        await trx
          .deleteFrom("verified_skills")
          .where("repository_id", "=", row.repository_id)
          .execute();
        if (verified.length > 0)
          await trx
            .insertInto("verified_skills")
            .values([...verified])
            .execute();
      }),
    async retryLater(id, error, runAfter) {
      await db
        .updateTable("analyses")
        .set({
          status: "queued",
          phase: "waiting to retry",
          error,
          run_after: runAfter,
          locked_until: null,
        })
        .where("id", "=", id)
        .execute();
    },
    async fail(id, error, now) {
      await db
        .updateTable("analyses")
        .set({ status: "failed", phase: "failed", error, finished_at: now, locked_until: null })
        .where("id", "=", id)
        .execute();
    },
  };
}

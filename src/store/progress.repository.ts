/** All SQL about a learner's progress per skill and its history. */
import type { Kysely, Transaction } from "kysely";
import { newId } from "./ids.js";
import type {
  Database,
  ProgressHistoryRow,
  ProgressRow,
  ProgressStatus,
} from "./database.types.js";
import type { PageQuery } from "./users.repository.js";

export interface ProgressChange {
  readonly skillId: string;
  readonly status: ProgressStatus;
  readonly note: string;
  /** only meaningful with status done; omitted: false (a skill finished on this day) */
  readonly knownBeforeStart?: boolean;
}

export interface ProgressRepository {
  /** every row of the learner (bounded by the roadmap's skills), for the plan */
  listForUser(userId: string): Promise<ProgressRow[]>;
  /** a page ordered by skill id; `after` is the last skill id of the previous page */
  page(userId: string, page: PageQuery): Promise<ProgressRow[]>;
  /**
   * Writes every change and its history entry in ONE transaction: either all rows change or none
   * do. A history entry is written only when the status actually changes.
   */
  apply(userId: string, changes: readonly ProgressChange[], now: string): Promise<ProgressRow[]>;
  /** newest first; `after` is the id of the last entry of the previous page */
  history(userId: string, page: PageQuery): Promise<ProgressHistoryRow[]>;
}

export function progressRepository(db: Kysely<Database>): ProgressRepository {
  return {
    listForUser: (userId) =>
      db
        .selectFrom("progress")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("skill_id")
        .execute(),
    page: (userId, { after, limit }) => {
      let query = db
        .selectFrom("progress")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("skill_id")
        .limit(limit);
      if (after !== undefined) query = query.where("skill_id", ">", after);
      return query.execute();
    },
    apply: (userId, changes, now) =>
      db.transaction().execute((trx) => applyProgressChanges(trx, userId, changes, now)),
    history: (userId, { after, limit }) => {
      let query = db
        .selectFrom("progress_history")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("id", "desc")
        .limit(limit);
      if (after !== undefined) query = query.where("id", "<", after);
      return query.execute();
    },
  };
}

/**
 * The writes of `apply`, inside a transaction the caller already holds, so another aggregate
 * (an earned certification marking its skills done) changes progress in the same transaction.
 */
export async function applyProgressChanges(
  trx: Transaction<Database>,
  userId: string,
  changes: readonly ProgressChange[],
  now: string,
): Promise<ProgressRow[]> {
  const rows: ProgressRow[] = [];
  const at = Date.parse(now);
  for (const change of changes) {
    const before = await trx
      .selectFrom("progress")
      .select(["status", "updated_at", "known_before_start"])
      .where("user_id", "=", userId)
      .where("skill_id", "=", change.skillId)
      .executeTakeFirst();
    // a flag on any other status would make a pending skill look known to whoever reads it
    const known = change.status === "done" && change.knownBeforeStart === true ? 1 : 0;
    // updated_at is when the status last changed (the plan reads it as the day a skill
    // was finished), so editing only the note leaves it alone; turning a known skill into one
    // finished now (or back) changes what the plan reads, so it moves the date too
    const since =
      before?.status === change.status && before.known_before_start === known
        ? before.updated_at
        : now;
    const row = await trx
      .insertInto("progress")
      .values({
        user_id: userId,
        skill_id: change.skillId,
        status: change.status,
        note: change.note,
        updated_at: since,
        known_before_start: known,
      })
      .onConflict((oc) =>
        oc.columns(["user_id", "skill_id"]).doUpdateSet({
          status: change.status,
          note: change.note,
          updated_at: since,
          known_before_start: known,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    rows.push(row);
    if (before?.status !== change.status) {
      await trx
        .insertInto("progress_history")
        .values({
          id: newId(at),
          user_id: userId,
          skill_id: change.skillId,
          from_status: before?.status ?? null,
          to_status: change.status,
          changed_at: now,
        })
        .execute();
    }
  }
  return rows;
}

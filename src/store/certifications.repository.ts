/** All SQL about a learner's certifications from the catalogue. */
import type { Kysely } from "kysely";
import type { Database, UserCertificationRow } from "./database.types.js";
import { applyProgressChanges } from "./progress.repository.js";

export interface CertificationsRepository {
  listFor(userIds: readonly string[]): Promise<UserCertificationRow[]>;
  find(userId: string, certificationId: string): Promise<UserCertificationRow | undefined>;
  /**
   * Insert or replace the row and, in the SAME transaction, mark `skillsDone` done in the
   * learner's progress (keeping notes, writing history): an earned certification and the skills
   * it proves never disagree, even if one write fails.
   */
  save(
    row: UserCertificationRow,
    skillsDone: readonly string[],
  ): Promise<{ certification: UserCertificationRow; markedDone: readonly string[] }>;
  /** false when there was no such row */
  remove(userId: string, certificationId: string): Promise<boolean>;
}

export function certificationsRepository(db: Kysely<Database>): CertificationsRepository {
  return {
    listFor: async (userIds) =>
      userIds.length === 0
        ? []
        : db
            .selectFrom("user_certifications")
            .selectAll()
            .where("user_id", "in", userIds)
            .orderBy("user_id")
            .orderBy("certification_id")
            .execute(),
    find: (userId, certificationId) =>
      db
        .selectFrom("user_certifications")
        .selectAll()
        .where("user_id", "=", userId)
        .where("certification_id", "=", certificationId)
        .executeTakeFirst(),
    save: (row, skillsDone) =>
      db.transaction().execute(async (trx) => {
        const user_id = row.user_id;
        const certification = await trx
          .insertInto("user_certifications")
          .values(row)
          .onConflict((oc) =>
            oc.columns(["user_id", "certification_id"]).doUpdateSet({
              status: row.status,
              target_date: row.target_date,
              started_on: row.started_on,
              earned_on: row.earned_on,
              credential_url: row.credential_url,
              updated_at: row.updated_at,
            }),
          )
          .returningAll()
          .executeTakeFirstOrThrow();
        const current =
          skillsDone.length === 0
            ? []
            : await trx
                .selectFrom("progress")
                .select(["skill_id", "status", "note"])
                .where("user_id", "=", user_id)
                .where("skill_id", "in", skillsDone)
                .execute();
        const byId = new Map(current.map((p) => [p.skill_id, p]));
        // skills already done stay untouched: no history entry, no moved date
        const changes = skillsDone
          .filter((skillId) => byId.get(skillId)?.status !== "done")
          .map((skillId) => ({
            skillId,
            status: "done" as const,
            note: byId.get(skillId)?.note ?? "",
          }));
        await applyProgressChanges(trx, user_id, changes, row.updated_at);
        return { certification, markedDone: changes.map((c) => c.skillId) };
      }),
    async remove(userId, certificationId) {
      const result = await db
        .deleteFrom("user_certifications")
        .where("user_id", "=", userId)
        .where("certification_id", "=", certificationId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

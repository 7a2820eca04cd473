/** All SQL about mentor endorsements of a learner's skills. */
import type { Kysely } from "kysely";
import type { DialectRules } from "./dialect.js";
import type { Database, EndorsementRow, UserRow } from "./database.types.js";
import type { PageQuery } from "./users.repository.js";

export type EndorsementWithMentor = EndorsementRow & {
  readonly mentor: Pick<UserRow, "id" | "display_name">;
};

export interface EndorsementsRepository {
  /** null when this mentor already endorsed this skill of this learner */
  create(row: EndorsementRow): Promise<EndorsementRow | null>;
  /** with the endorsing mentor's name */
  find(id: string): Promise<EndorsementWithMentor | undefined>;
  /** newest first; `after` is the id of the last row of the previous page */
  page(
    learnerId: string,
    options: { readonly includeHidden: boolean },
    page: PageQuery,
  ): Promise<EndorsementWithMentor[]>;
  /** every visible (not hidden) endorsement of these learners, for readiness and search */
  visibleFor(learnerIds: readonly string[]): Promise<EndorsementWithMentor[]>;
  setHidden(id: string, hiddenAt: string | null): Promise<EndorsementRow | undefined>;
}

export function endorsementsRepository(
  db: Kysely<Database>,
  dialect: DialectRules,
): EndorsementsRepository {
  const withMentor = () =>
    db
      .selectFrom("endorsements")
      .innerJoin("users", "users.id", "endorsements.mentor_id")
      .selectAll("endorsements")
      .select("users.display_name as mentor_name");
  return {
    async create(row) {
      try {
        return await db
          .insertInto("endorsements")
          .values(row)
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (error) {
        if (dialect.isUniqueViolation(error)) return null;
        throw error;
      }
    },
    async find(id) {
      const row = await withMentor().where("endorsements.id", "=", id).executeTakeFirst();
      return row && splitMentor(row);
    },
    async page(learnerId, { includeHidden }, { after, limit }) {
      let query = withMentor()
        .where("endorsements.learner_id", "=", learnerId)
        .orderBy("endorsements.id", "desc")
        .limit(limit);
      if (!includeHidden) query = query.where("endorsements.hidden_at", "is", null);
      if (after !== undefined) query = query.where("endorsements.id", "<", after);
      return (await query.execute()).map(splitMentor);
    },
    visibleFor: async (learnerIds) =>
      learnerIds.length === 0
        ? []
        : (
            await withMentor()
              .where("endorsements.learner_id", "in", learnerIds)
              .where("endorsements.hidden_at", "is", null)
              .orderBy("endorsements.id")
              .execute()
          ).map(splitMentor),
    setHidden: (id, hiddenAt) =>
      db
        .updateTable("endorsements")
        .set({ hidden_at: hiddenAt })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst(),
  };
}

function splitMentor({
  mentor_name,
  ...row
}: EndorsementRow & { mentor_name: string }): EndorsementWithMentor {
  return { ...row, mentor: { id: row.mentor_id, display_name: mentor_name } };
}

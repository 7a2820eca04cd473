/** All SQL about mentor grants: a learner letting a mentor see their profile and progress. */
import type { Kysely } from "kysely";
import type { DialectRules } from "./dialect.js";
import type { Database, GrantRow, UserRow } from "./database.types.js";
import type { PageQuery } from "./users.repository.js";

export interface GrantWithUser {
  readonly grant: GrantRow;
  /** the other side: the mentor when listing a learner's grants, the learner for a mentor */
  readonly user: Pick<UserRow, "id" | "email" | "display_name">;
}

export interface GrantsRepository {
  /** false when the grant already existed */
  create(grant: GrantRow): Promise<boolean>;
  /** false when there was no such grant */
  remove(learnerId: string, mentorId: string): Promise<boolean>;
  exists(learnerId: string, mentorId: string): Promise<boolean>;
  /** the mentors a learner granted, ordered by mentor id */
  listForLearner(learnerId: string, page: PageQuery): Promise<GrantWithUser[]>;
  /** the learners who granted a mentor, ordered by learner id */
  listForMentor(mentorId: string, page: PageQuery): Promise<GrantWithUser[]>;
}

export function grantsRepository(db: Kysely<Database>, dialect: DialectRules): GrantsRepository {
  return {
    async create(grant) {
      try {
        await db.insertInto("grants").values(grant).execute();
        return true;
      } catch (error) {
        if (dialect.isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async remove(learnerId, mentorId) {
      const result = await db
        .deleteFrom("grants")
        .where("learner_id", "=", learnerId)
        .where("mentor_id", "=", mentorId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async exists(learnerId, mentorId) {
      const row = await db
        .selectFrom("grants")
        .select("learner_id")
        .where("learner_id", "=", learnerId)
        .where("mentor_id", "=", mentorId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async listForLearner(learnerId, { after, limit }) {
      let query = db
        .selectFrom("grants")
        .innerJoin("users", "users.id", "grants.mentor_id")
        .select([
          "grants.learner_id",
          "grants.mentor_id",
          "grants.created_at",
          "users.id",
          "users.email",
          "users.display_name",
        ])
        .where("grants.learner_id", "=", learnerId)
        .orderBy("grants.mentor_id")
        .limit(limit);
      if (after !== undefined) query = query.where("grants.mentor_id", ">", after);
      return (await query.execute()).map(split);
    },
    async listForMentor(mentorId, { after, limit }) {
      let query = db
        .selectFrom("grants")
        .innerJoin("users", "users.id", "grants.learner_id")
        .select([
          "grants.learner_id",
          "grants.mentor_id",
          "grants.created_at",
          "users.id",
          "users.email",
          "users.display_name",
        ])
        .where("grants.mentor_id", "=", mentorId)
        .orderBy("grants.learner_id")
        .limit(limit);
      if (after !== undefined) query = query.where("grants.learner_id", ">", after);
      return (await query.execute()).map(split);
    },
  };
}

function split(row: GrantRow & Pick<UserRow, "id" | "email" | "display_name">): GrantWithUser {
  return {
    grant: { learner_id: row.learner_id, mentor_id: row.mentor_id, created_at: row.created_at },
    user: { id: row.id, email: row.email, display_name: row.display_name },
  };
}

/** All SQL about the repositories a learner links for analysis. */
import type { Kysely } from "kysely";
import type { DialectRules } from "./dialect.js";
import type { Database, RepositoryRow } from "./database.types.js";
import type { PageQuery } from "./users.repository.js";

export interface RepositoriesRepository {
  /** null when the owner already linked this location (the unique index decides) */
  create(row: RepositoryRow): Promise<RepositoryRow | null>;
  findById(id: string): Promise<RepositoryRow | undefined>;
  /** the owner's repositories ordered by id (when they were linked) */
  listForOwner(ownerId: string, page: PageQuery): Promise<RepositoryRow[]>;
  /** removes the repository with its analyses and verified skills; false when there was none */
  remove(id: string): Promise<boolean>;
}

export function repositoriesRepository(
  db: Kysely<Database>,
  dialect: DialectRules,
): RepositoriesRepository {
  return {
    async create(row) {
      try {
        return await db
          .insertInto("repositories")
          .values(row)
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (error) {
        if (dialect.isUniqueViolation(error)) return null;
        throw error;
      }
    },
    findById: (id) =>
      db.selectFrom("repositories").selectAll().where("id", "=", id).executeTakeFirst(),
    listForOwner: (ownerId, { after, limit }) => {
      let query = db
        .selectFrom("repositories")
        .selectAll()
        .where("owner_id", "=", ownerId)
        .orderBy("id")
        .limit(limit);
      if (after !== undefined) query = query.where("id", ">", after);
      return query.execute();
    },
    async remove(id) {
      // the foreign keys cascade to analyses and verified skills
      const result = await db.deleteFrom("repositories").where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

/** All SQL about user accounts. */
import type { Kysely } from "kysely";
import type { DialectRules } from "./dialect.js";
import type { Database, NewUserRow, Role, UserRow } from "./database.types.js";

export interface PageQuery {
  /** the id of the last row of the previous page */
  readonly after?: string;
  readonly limit: number;
}

export interface UsersRepository {
  /** null when the email is already taken (the unique index decides, so races are safe) */
  create(user: NewUserRow): Promise<UserRow | null>;
  findById(id: string): Promise<UserRow | undefined>;
  findByEmail(email: string): Promise<UserRow | undefined>;
  /** ordered by id (creation time), at most `limit` rows after `after` */
  list(page: PageQuery): Promise<UserRow[]>;
  /** setting `disabled_at` also revokes the user's refresh tokens, in one transaction */
  update(
    id: string,
    changes: { role?: Role; disabled_at?: string | null },
  ): Promise<UserRow | undefined>;
}

export function usersRepository(db: Kysely<Database>, dialect: DialectRules): UsersRepository {
  return {
    async create(user) {
      try {
        return await db.insertInto("users").values(user).returningAll().executeTakeFirstOrThrow();
      } catch (error) {
        if (dialect.isUniqueViolation(error)) return null;
        throw error;
      }
    },
    findById: (id) => db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst(),
    findByEmail: (email) =>
      db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst(),
    list: ({ after, limit }) => {
      let query = db.selectFrom("users").selectAll().orderBy("id").limit(limit);
      if (after !== undefined) query = query.where("id", ">", after);
      return query.execute();
    },
    update: (id, changes) =>
      db.transaction().execute(async (trx) => {
        const user = await trx
          .updateTable("users")
          .set(changes)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst();
        // disabling ends every session in the same transaction: never a disabled account with
        // live refresh tokens, nor revoked tokens on an account that stayed enabled
        if (user && typeof changes.disabled_at === "string") {
          await trx
            .updateTable("refresh_tokens")
            .set({ revoked_at: changes.disabled_at })
            .where("user_id", "=", id)
            .where("revoked_at", "is", null)
            .execute();
        }
        return user;
      }),
  };
}

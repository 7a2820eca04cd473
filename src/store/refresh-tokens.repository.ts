/** All SQL about refresh tokens: issuing, rotating (single use) and revoking whole families. */
import type { Kysely } from "kysely";
import type { Database, RefreshTokenRow } from "./database.types.js";

export interface NewRefreshToken {
  readonly id: string;
  readonly userId: string;
  readonly familyId: string;
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** The successor joins the previous token's user and family. */
export type Successor = Omit<NewRefreshToken, "userId" | "familyId">;

export type RotateOutcome =
  | { readonly kind: "rotated"; readonly previous: RefreshTokenRow }
  /** no token with that hash */
  | { readonly kind: "unknown" }
  /** the token was already used or revoked: its family is now revoked */
  | { readonly kind: "reused"; readonly previous: RefreshTokenRow };

export interface RefreshTokensRepository {
  insert(token: NewRefreshToken): Promise<void>;
  /**
   * Marks the token with `tokenHash` used and stores its successor, in one transaction. When the
   * token had been used or revoked before, nothing is issued and the whole family is revoked.
   * Expiry is the service's rule: it reads `previous` and decides.
   */
  rotate(tokenHash: string, successor: Successor, now: string): Promise<RotateOutcome>;
  findByHash(tokenHash: string): Promise<RefreshTokenRow | undefined>;
  revokeFamily(familyId: string, now: string): Promise<void>;
}

export function refreshTokensRepository(db: Kysely<Database>): RefreshTokensRepository {
  const toRow = (token: NewRefreshToken) => ({
    id: token.id,
    user_id: token.userId,
    family_id: token.familyId,
    token_hash: token.tokenHash,
    created_at: token.createdAt,
    expires_at: token.expiresAt,
    used_at: null,
    revoked_at: null,
  });
  return {
    async insert(token) {
      await db.insertInto("refresh_tokens").values(toRow(token)).execute();
    },
    rotate: (tokenHash, successor, now) =>
      db.transaction().execute(async (trx): Promise<RotateOutcome> => {
        const previous = await trx
          .selectFrom("refresh_tokens")
          .selectAll()
          .where("token_hash", "=", tokenHash)
          .executeTakeFirst();
        if (!previous) return { kind: "unknown" };
        // The conditional update is the single-use check: of two concurrent refreshes with the
        // same token, only one sees a row updated.
        const claimed = await trx
          .updateTable("refresh_tokens")
          .set({ used_at: now })
          .where("id", "=", previous.id)
          .where("used_at", "is", null)
          .where("revoked_at", "is", null)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) {
          await trx
            .updateTable("refresh_tokens")
            .set({ revoked_at: now })
            .where("family_id", "=", previous.family_id)
            .where("revoked_at", "is", null)
            .execute();
          return { kind: "reused", previous };
        }
        await trx
          .insertInto("refresh_tokens")
          .values(toRow({ ...successor, userId: previous.user_id, familyId: previous.family_id }))
          .execute();
        return { kind: "rotated", previous };
      }),
    findByHash: (tokenHash) =>
      db
        .selectFrom("refresh_tokens")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst(),
    async revokeFamily(familyId, now) {
      await db
        .updateTable("refresh_tokens")
        .set({ revoked_at: now })
        .where("family_id", "=", familyId)
        .where("revoked_at", "is", null)
        .execute();
    },
  };
}

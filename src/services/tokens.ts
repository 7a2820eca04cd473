/**
 * Access and refresh tokens.
 * - Access tokens are short-lived JWTs (HS256, 15 minutes) naming the user; the API still checks
 *   the account on each request (through a cache every change clears: read-cache.ts), so disabling
 *   an account or changing a role takes effect at once.
 * - Refresh tokens are opaque random strings; only their sha256 is stored (refresh-tokens table).
 */
import { createHash, randomBytes } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";
import { DevladderError } from "../errors.js";

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 30;
const ISSUER = "devladder";

export interface AccessTokens {
  issue(userId: string, now: Date): Promise<string>;
  /** the user id in a valid, unexpired token; throws `unauthorized` otherwise */
  verify(token: string, now: Date): Promise<string>;
}

/**
 * Verified tokens are remembered until they expire: checking the HMAC through WebCrypto costs
 * ~170 µs, several times everything else a typical authenticated read does. Only tokens that
 * passed full verification enter the cache, and only until their own `exp`; the size bound keeps
 * memory flat under many users (the oldest entries go first).
 */
const VERIFIED_CACHE_SIZE = 10_000;

export function accessTokens(secret: string): AccessTokens {
  const key = new TextEncoder().encode(secret);
  const verified = new Map<string, { readonly userId: string; readonly expiresAt: number }>();
  const remember = (token: string, userId: string, expiresAt: number) => {
    if (verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = verified.keys().next();
      if (!oldest.done) verified.delete(oldest.value);
    }
    verified.set(token, { userId, expiresAt });
  };
  return {
    issue: (userId, now) => {
      const issuedAt = Math.floor(now.getTime() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ACCESS_TOKEN_SECONDS)
        .sign(key);
    },
    verify: async (token, now) => {
      const known = verified.get(token);
      if (known !== undefined) {
        if (now.getTime() < known.expiresAt) return known.userId;
        verified.delete(token);
      }
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ["HS256"],
          issuer: ISSUER,
          currentDate: now,
        });
        if (typeof payload.sub !== "string") throw new Error("token has no subject");
        if (typeof payload.exp === "number") remember(token, payload.sub, payload.exp * 1000);
        return payload.sub;
      } catch (error) {
        throw new DevladderError("unauthorized", "the access token is invalid or expired", [], {
          cause: error,
        });
      }
    },
  };
}

export function newRefreshToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashRefreshToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Password hashing with scrypt (node:crypto; no native dependency). Each hash carries its own
 * salt and cost parameters — `scrypt$N$r$p$salt$hash` — so the cost can be raised later and old
 * hashes still verify. Comparison is constant-time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface ScryptCost {
  /** CPU/memory cost, a power of two */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** 2^15 with r=8 is ~32 MiB and tens of milliseconds per hash: OWASP's scrypt baseline or above. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    // scrypt needs 128 * N * r bytes; the default limit (32 MiB) is exactly too small at 2^15.
    maxmem: 256 * cost.N * cost.r,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export function scryptHasher(cost: ScryptCost = DEFAULT_SCRYPT_COST): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, cost);
      return [
        "scrypt",
        cost.N,
        cost.r,
        cost.p,
        salt.toString("base64"),
        key.toString("base64"),
      ].join("$");
    },
    async verify(password, stored) {
      const parts = stored.split("$");
      const [scheme, n, r, p, salt, key] = parts;
      if (parts.length !== 6 || scheme !== "scrypt" || !salt || !key) return false;
      const expected = Buffer.from(key, "base64");
      const actual = await derive(password, Buffer.from(salt, "base64"), {
        N: Number(n),
        r: Number(r),
        p: Number(p),
      });
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}

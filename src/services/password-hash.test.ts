import { describe, expect, it } from "vitest";
import { scryptHasher } from "./password-hash.js";

const hasher = scryptHasher({ N: 1024, r: 8, p: 1 });

describe("scrypt password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hasher.hash("correct horse battery");
    expect(await hasher.verify("correct horse battery", stored)).toBe(true);
    expect(await hasher.verify("correct horse batterY", stored)).toBe(false);
  });

  it("salts every hash and keeps its cost parameters with it", async () => {
    const a = await hasher.hash("same password");
    const b = await hasher.hash("same password");
    expect(a).not.toBe(b);
    expect(a.startsWith("scrypt$1024$8$1$")).toBe(true);
    // a hasher with another default cost still verifies hashes made with the old one
    expect(await scryptHasher({ N: 2048, r: 8, p: 1 }).verify("same password", a)).toBe(true);
  });

  it("refuses a malformed stored hash instead of throwing", async () => {
    expect(await hasher.verify("x", "not-a-hash")).toBe(false);
  });
});

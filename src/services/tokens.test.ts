import { describe, expect, it } from "vitest";
import { DevladderError } from "../errors.js";
import { ACCESS_TOKEN_SECONDS, accessTokens, hashRefreshToken, newRefreshToken } from "./tokens.js";

const SECRET = "a-test-secret-that-is-long-enough-for-hs256";

describe("access tokens", () => {
  it("verifies a token it issued and names its user", async () => {
    const tokens = accessTokens(SECRET);
    const now = new Date("2026-11-24T10:00:00Z");
    const token = await tokens.issue("user-1", now);
    expect(await tokens.verify(token, now)).toBe("user-1");
  });

  it("refuses a token once it has expired, also after it was verified before", async () => {
    const tokens = accessTokens(SECRET);
    const now = new Date("2026-11-24T10:00:00Z");
    const token = await tokens.issue("user-1", now);
    expect(await tokens.verify(token, now)).toBe("user-1");
    const later = new Date(now.getTime() + (ACCESS_TOKEN_SECONDS + 1) * 1000);
    await expect(tokens.verify(token, later)).rejects.toThrow(DevladderError);
  });

  it("refuses a token signed with another secret or altered", async () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const foreign = await accessTokens("another-secret-that-is-long-enough-too").issue(
      "user-1",
      now,
    );
    const tokens = accessTokens(SECRET);
    await expect(tokens.verify(foreign, now)).rejects.toMatchObject({ code: "unauthorized" });
    const token = await tokens.issue("user-1", now);
    const altered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    await expect(tokens.verify(altered, now)).rejects.toMatchObject({ code: "unauthorized" });
  });
});

describe("refresh tokens", () => {
  it("are random and stored only as a sha256 hash", () => {
    const token = newRefreshToken();
    expect(token).not.toBe(newRefreshToken());
    expect(hashRefreshToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(token)).not.toContain(token);
  });
});

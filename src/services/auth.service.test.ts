import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { refreshTokensRepository } from "../store/refresh-tokens.repository.js";
import { TEST_DIALECTS, openTestStore } from "../store/test-support/test-databases.js";
import { usersRepository } from "../store/users.repository.js";
import { authService, type AuthService } from "./auth.service.js";
import type { Clock } from "./clock.js";
import { scryptHasher } from "./password-hash.js";
import { REFRESH_TOKEN_DAYS, accessTokens } from "./tokens.js";

describe.each(TEST_DIALECTS)("auth service on %s", (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let auth: AuthService;
  let now = new Date("2026-11-24T10:00:00.000Z");
  const clock: Clock = { now: () => now };
  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(dialect));
    auth = authService({
      users: usersRepository(store.db, store.dialect),
      refreshTokens: refreshTokensRepository(store.db),
      passwords: scryptHasher({ N: 1024, r: 8, p: 1 }),
      accessTokens: accessTokens("a-test-secret-that-is-long-enough-for-hs256"),
      clock,
    });
  });
  afterAll(async () => {
    await cleanup();
  });

  const signUp = async (email: string) => {
    await auth.register({
      email,
      password: "long enough password",
      displayName: "T",
      role: "learner",
    });
    return auth.login(email, "long enough password");
  };

  it("refuses a refresh token after its lifetime and ends its family", async () => {
    now = new Date("2026-11-24T10:00:00.000Z");
    const session = await signUp(`expiry-${dialect}@example.test`);
    now = new Date(now.getTime() + (REFRESH_TOKEN_DAYS * 86_400 + 1) * 1000);
    await expect(auth.refresh(session.refreshToken)).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("refuses an access token once it has expired", async () => {
    now = new Date("2026-11-24T10:00:00.000Z");
    const session = await signUp(`access-${dialect}@example.test`);
    expect((await auth.authenticate(session.accessToken)).role).toBe("learner");
    now = new Date(now.getTime() + 16 * 60 * 1000);
    await expect(auth.authenticate(session.accessToken)).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("lets only one of two concurrent refreshes with the same token succeed", async () => {
    now = new Date("2026-11-24T10:00:00.000Z");
    const session = await signUp(`race-${dialect}@example.test`);
    const results = await Promise.allSettled([
      auth.refresh(session.refreshToken),
      auth.refresh(session.refreshToken),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

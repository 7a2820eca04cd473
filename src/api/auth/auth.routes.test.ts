import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp } from "../test-support/test-app.js";

describe.each(TEST_DIALECTS)("auth routes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect, { authRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const register = (email: string, password = "a long enough password") =>
    call(t.app, {
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { email, password, displayName: "Ada" },
    });
  const login = (email: string, password: string) =>
    call(t.app, { method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  const refresh = (refreshToken: string) =>
    call(t.app, { method: "POST", url: "/api/v1/auth/refresh", payload: { refreshToken } });

  it("registers, logs in and answers /me with the account but no password hash", async () => {
    const email = `ada-${dialect}@example.test`;
    expect((await register(email)).status).toBe(202);
    const session = await login(email.toUpperCase(), "a long enough password");
    expect(session.status).toBe(200);
    const { accessToken } = session.body as { accessToken: string };
    const me = await call(t.app, {
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email, role: "learner", displayName: "Ada", disabled: false });
    expect(me.text).not.toContain("scrypt");
  });

  it("answers a taken email exactly like a new one, so registration reveals nothing", async () => {
    const email = `taken-${dialect}@example.test`;
    const first = await register(email);
    const second = await register(email, "another long password");
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    // and the original password still works: the second registration changed nothing
    expect((await login(email, "a long enough password")).status).toBe(200);
    expect((await login(email, "another long password")).status).toBe(401);
  });

  it("gives the same 401 for an unknown email and a wrong password", async () => {
    const user = await t.makeUser();
    const unknown = await login(`nobody-${dialect}@example.test`, "whatever password");
    const wrong = await login(user.email, "not the password");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect((unknown.body as { detail: string }).detail).toBe(
      (wrong.body as { detail: string }).detail,
    );
  });

  it("rotates refresh tokens: each works once and returns a new one", async () => {
    const user = await t.makeUser();
    const first = await refresh(user.refreshToken);
    expect(first.status).toBe(200);
    const next = (first.body as { refreshToken: string }).refreshToken;
    expect(next).not.toBe(user.refreshToken);
    expect((await refresh(next)).status).toBe(200);
  });

  it("revokes the whole family when a used refresh token is presented again", async () => {
    const user = await t.makeUser();
    const rotated = await refresh(user.refreshToken);
    const newer = (rotated.body as { refreshToken: string }).refreshToken;
    // an attacker replays the stolen, already-used token
    const replay = await refresh(user.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.headers["content-type"]).toContain("application/problem+json");
    // the legitimate holder's newer token has been revoked with its family
    expect((await refresh(newer)).status).toBe(401);
    // a separate login is a separate family and still works
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it("ends the session on logout", async () => {
    const user = await t.makeUser();
    const out = await call(t.app, {
      method: "POST",
      url: "/api/v1/auth/logout",
      payload: { refreshToken: user.refreshToken },
    });
    expect(out.status).toBe(204);
    expect((await refresh(user.refreshToken)).status).toBe(401);
  });

  it("refuses /me without a token or with a forged one", async () => {
    expect((await call(t.app, { method: "GET", url: "/api/v1/auth/me" })).status).toBe(401);
    const forged = await call(t.app, {
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" },
    });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ code: "unauthorized", status: 401 });
  });

  it("lists every invalid registration field with what it accepts", async () => {
    const response = await call(t.app, {
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { email: "not-an-email", password: "short", role: "admin", extra: 1 },
    });
    expect(response.status).toBe(400);
    const body = response.body as { code: string; errors: { where: string; accepted?: string }[] };
    expect(body.code).toBe("invalid_input");
    const where = body.errors.map((e) => e.where).sort();
    expect(where).toEqual(
      ["body.displayName", "body.email", "body.extra", "body.password", "body.role"].sort(),
    );
    expect(body.errors.find((e) => e.where === "body.role")?.accepted).toBe(
      "one of: learner, mentor, recruiter",
    );
  });
});

describe("auth rate limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp("sqlite", { authRateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("answers 429 problem+json once a client exceeds the login limit", async () => {
    const attempt = () =>
      call(t.app, {
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "x@example.test", password: "wrong password" },
      });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.headers["content-type"]).toContain("application/problem+json");
    expect(limited.body).toMatchObject({ code: "rate_limited", status: 429 });
  });
});

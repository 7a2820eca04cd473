/**
 * The web app's API client against the real API over a real port (SQLite): sessions, refresh
 * token rotation, and problem+json errors as the pages receive them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../api/server.js";
import { openTestApp, type TestApp } from "../api/test-support/test-app.js";
import { createApiClient } from "../../web/src/api/api-client.js";
import { ApiError } from "../../web/src/api/api-error.js";
import type { User } from "../../web/src/api/api-types.js";
import { allProgress, register, setManyProgress } from "../../web/src/api/devladder-api.js";
import { memoryTokenStore } from "../../web/src/api/token-store.js";

describe("the web app's API client", () => {
  let t: TestApp;
  let server: RunningServer;
  // the API's clock, moved forward to let access tokens expire
  let now = new Date("2026-03-02T09:00:00Z");
  beforeAll(async () => {
    t = await openTestApp("sqlite", { clock: { now: () => now } });
    server = await startServer(t.app, { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  /** a client with a fetch that records the paths it asked for */
  const clientFor = (refreshToken: string | null = null) => {
    const tokens = memoryTokenStore(refreshToken);
    const paths: string[] = [];
    const api = createApiClient({
      tokens,
      baseUrl: server.url,
      fetch: (input, init) => {
        const url =
          typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        paths.push(new URL(url).pathname);
        return fetch(input, init);
      },
    });
    return { api, tokens, paths };
  };

  it("logs in, keeps the refresh token in its store and calls the API with the access token", async () => {
    const user = await t.makeUser();
    const { api, tokens } = clientFor();
    const changes: (User | null)[] = [];
    api.onUserChange((u) => changes.push(u));
    const signedIn = await api.login(user.email, user.password);
    expect(signedIn.id).toBe(user.id);
    expect(api.user()?.id).toBe(user.id);
    expect(changes.map((u) => u?.id)).toEqual([user.id]);
    expect(tokens.read()).toMatch(/.{20,}/);
    const me = await api.json<User>("GET", "/api/v1/auth/me");
    expect(me.email).toBe(user.email);
  });

  it("restores a session from a stored refresh token, rotating it", async () => {
    const user = await t.makeUser();
    const { api, tokens } = clientFor(user.refreshToken);
    const restored = await api.restore();
    expect(restored?.id).toBe(user.id);
    expect(tokens.read()).not.toBe(user.refreshToken);
  });

  it("refreshes once when the access token has expired and repeats the call", async () => {
    const user = await t.makeUser();
    const { api, paths } = clientFor();
    await api.login(user.email, user.password);
    now = new Date(now.getTime() + 16 * 60_000);
    paths.length = 0;
    const me = await api.json<User>("GET", "/api/v1/auth/me");
    expect(me.id).toBe(user.id);
    expect(paths).toEqual(["/api/v1/auth/me", "/api/v1/auth/refresh", "/api/v1/auth/me"]);
  });

  it("shares one refresh among concurrent calls, so no refresh token is presented twice", async () => {
    const user = await t.makeUser();
    const { api, paths, tokens } = clientFor(user.refreshToken);
    await Promise.all([
      api.json("GET", "/api/v1/auth/me"),
      api.json("GET", "/api/v1/progress"),
      api.json("GET", "/api/v1/auth/me"),
    ]);
    expect(paths.filter((p) => p === "/api/v1/auth/refresh")).toHaveLength(1);
    // a reused token would have ended the login; the rotated one still works
    const again = clientFor(tokens.read());
    expect((await again.api.restore())?.id).toBe(user.id);
  });

  it("signs out locally when the refresh token no longer works", async () => {
    const user = await t.makeUser();
    // the test user's refresh token was already exchanged by another client
    const first = clientFor(user.refreshToken);
    await first.api.restore();
    const { api, tokens } = clientFor(user.refreshToken);
    const error = await api.json("GET", "/api/v1/auth/me").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(api.user()).toBeNull();
    expect(tokens.read()).toBeNull();
  });

  it("turns problem+json into an ApiError with the detail and each field's problem", async () => {
    const { api } = clientFor();
    const error = await register(api, {
      email: "not-an-email",
      password: "short",
      displayName: "X",
      role: "learner",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe("invalid_input");
    expect(apiError.message).toBe("the request does not match the API schema");
    expect(apiError.fieldErrors.get("password")).toContain("at least 10 characters");
    expect(apiError.fieldErrors.has("email")).toBe(true);
    expect(apiError.requestId).not.toBeNull();
  });

  it("reports an unreachable server as an ApiError the user can read", async () => {
    const api = createApiClient({ tokens: memoryTokenStore(), baseUrl: "http://127.0.0.1:9" });
    const error = await api
      .json("POST", "/api/v1/auth/login", { body: {}, auth: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).message).toContain("could not be reached");
  });

  it("reads every page of progress", async () => {
    const user = await t.makeUser();
    const { api } = clientFor(user.refreshToken);
    const skills = t.services.roadmap.skills.slice(0, 3).map((s) => s.id);
    await setManyProgress(
      api,
      skills.map((skillId) => ({ skillId, status: "done" as const })),
    );
    const entries = await allProgress(api);
    expect(entries.map((e) => e.skillId).sort()).toEqual([...skills].sort());
  });

  it("logs out: the store is emptied and the refresh token is dead on the server", async () => {
    const user = await t.makeUser();
    const { api, tokens } = clientFor();
    await api.login(user.email, user.password);
    const token = tokens.read();
    await api.logout();
    expect(tokens.read()).toBeNull();
    expect(api.user()).toBeNull();
    expect(await clientFor(token).api.restore()).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp } from "../test-support/test-app.js";

describe.each(TEST_DIALECTS)("problem+json errors on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect, { bodyLimit: 1024 });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("answers malformed JSON with a 400 problem", async () => {
    const response = await call(t.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"email": "a@b.c", "password":',
    });
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.body).toMatchObject({
      code: "invalid_input",
      status: 400,
      instance: "/api/v1/auth/login",
    });
  });

  it("answers a body over the limit with a 413 problem", async () => {
    const response = await call(t.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "a@b.c", password: "x".repeat(5000) },
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: "payload_too_large", status: 413 });
  });

  it("answers a body that is not JSON with a 415 problem", async () => {
    const response = await call(t.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "text/plain" },
      payload: "email=a@b.c",
    });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: "unsupported_media_type" });
  });

  it("answers an unknown route with a 404 problem", async () => {
    const response = await call(t.app, { method: "GET", url: "/api/v1/nothing-here?x=1" });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      code: "not_found",
      detail: "no route GET /api/v1/nothing-here",
    });
  });

  it("answers an unexpected failure with a generic 500 naming the request id", async () => {
    // a closed database is an unexpected failure for a route that needs it
    const broken = await openTestApp(dialect);
    const user = await broken.makeUser();
    await broken.services.store.close();
    const response = await call(broken.app, {
      method: "GET",
      url: "/api/v1/auth/me",
      headers: user.auth,
    });
    await broken.cleanup();
    expect(response.status).toBe(500);
    const body = response.body as { code: string; detail: string; requestId: string };
    expect(body.code).toBe("internal");
    expect(body.detail).toBe("An unexpected error occurred.");
    expect(body.requestId).toMatch(/\S/);
  });

  it("serves /healthz and /readyz", async () => {
    expect((await call(t.app, { method: "GET", url: "/healthz" })).body).toEqual({ status: "ok" });
    expect((await call(t.app, { method: "GET", url: "/readyz" })).body).toEqual({
      status: "ready",
      database: dialect,
    });
  });

  it("serves an OpenAPI 3.1 document built from the route schemas, and Swagger UI", async () => {
    const doc = await call(t.app, { method: "GET", url: "/docs/json" });
    expect(doc.status).toBe(200);
    const body = doc.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(["/api/v1/auth/login", "/api/v1/progress", "/api/v1/plan.ics"]),
    );
    expect(JSON.stringify(body.paths["/api/v1/auth/register"])).toContain("displayName");
    const ui = await t.app.inject({ method: "GET", url: "/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain("swagger");
  });
});

describe("readiness without a database", () => {
  it("answers /readyz with 503 when the database is gone, while /healthz stays up", async () => {
    const t = await openTestApp("sqlite");
    await t.services.store.close();
    const ready = await call(t.app, { method: "GET", url: "/readyz" });
    const health = await call(t.app, { method: "GET", url: "/healthz" });
    await t.cleanup();
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ code: "unavailable" });
    expect(health.status).toBe(200);
  });
});

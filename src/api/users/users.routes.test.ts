import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp } from "../test-support/test-app.js";

describe.each(TEST_DIALECTS)("users (admin) routes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("pages through every user with a bounded page size", async () => {
    const admin = await t.makeUser({ role: "admin" });
    for (let i = 0; i < 4; i += 1) await t.makeUser();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(t.app, {
        method: "GET",
        url: `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        headers: admin.auth,
      });
      expect(page.status).toBe(200);
      const body = page.body as { items: { id: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((u) => u.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen).size).toBe(seen.length);
    const tooBig = await call(t.app, {
      method: "GET",
      url: "/api/v1/users?limit=101",
      headers: admin.auth,
    });
    expect(tooBig.status).toBe(400);
    expect((tooBig.body as { errors: { where: string }[] }).errors[0]?.where).toBe(
      "querystring.limit",
    );
    const badCursor = await call(t.app, {
      method: "GET",
      url: "/api/v1/users?cursor=zzz",
      headers: admin.auth,
    });
    expect(badCursor.status).toBe(400);
  });

  it("disables an account: its tokens stop working at once", async () => {
    const admin = await t.makeUser({ role: "admin" });
    const learner = await t.makeUser();
    const changed = await call(t.app, {
      method: "PATCH",
      url: `/api/v1/users/${learner.id}`,
      headers: admin.auth,
      payload: { disabled: true },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: learner.id, disabled: true });
    expect(
      (await call(t.app, { method: "GET", url: "/api/v1/auth/me", headers: learner.auth })).status,
    ).toBe(401);
    const refresh = await call(t.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refreshToken: learner.refreshToken },
    });
    expect(refresh.status).toBe(401);
  });

  it("changes a role, and refuses an admin demoting themselves", async () => {
    const admin = await t.makeUser({ role: "admin" });
    const user = await t.makeUser();
    const promoted = await call(t.app, {
      method: "PATCH",
      url: `/api/v1/users/${user.id}`,
      headers: admin.auth,
      payload: { role: "mentor" },
    });
    expect(promoted.body).toMatchObject({ role: "mentor" });
    const self = await call(t.app, {
      method: "PATCH",
      url: `/api/v1/users/${admin.id}`,
      headers: admin.auth,
      payload: { role: "learner" },
    });
    expect(self.status).toBe(409);
    const empty = await call(t.app, {
      method: "PATCH",
      url: `/api/v1/users/${user.id}`,
      headers: admin.auth,
      payload: {},
    });
    expect(empty.status).toBe(400);
  });
});

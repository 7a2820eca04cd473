/**
 * The caller's account and profile are cached per user (services/read-cache.ts). These tests
 * fill the cache first, then check that every write path is seen at once, that changes made
 * around the repositories show within the TTL, and (PostgreSQL) that a second server on the same
 * database hears a change through LISTEN/NOTIFY.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices, type Services } from "../../composition.js";
import type { Clock } from "../../services/clock.js";
import { READ_CACHE_TTL_MS } from "../../services/read-cache.js";
import { openDatabase } from "../../store/database.js";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { buildApp } from "../app.js";
import {
  TEST_SCRYPT_COST,
  call,
  openTestApp,
  type TestApp,
  type TestUser,
} from "../test-support/test-app.js";

const PROFILE = {
  track: "node",
  hoursPerWeek: 8,
  startDate: "2026-12-01",
  targetLevel: null,
  visibility: "private",
  headline: "first",
} as const;

describe.each(TEST_DIALECTS)("cached accounts and profiles on %s", (dialect) => {
  let t: TestApp;
  let now = Date.parse("2026-11-24T10:00:00Z");
  const clock: Clock = { now: () => new Date(now) };
  beforeAll(async () => {
    t = await openTestApp(dialect, { clock });
    // on PostgreSQL rows are cached only while the bus listens
    await t.services.invalidations.ready();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const me = (user: TestUser) =>
    call(t.app, { method: "GET", url: "/api/v1/auth/me", headers: user.auth });
  const profileOf = (user: TestUser) =>
    call(t.app, { method: "GET", url: "/api/v1/profile", headers: user.auth });
  const patchUser = (admin: TestUser, id: string, payload: object) =>
    call(t.app, { method: "PATCH", url: `/api/v1/users/${id}`, headers: admin.auth, payload });

  it("answers from the cache: a change made around the repositories shows after the TTL", async () => {
    const learner = await t.makeUser();
    expect((await me(learner)).status).toBe(200);
    await t.services.store.db
      .updateTable("users")
      .set({ disabled_at: clock.now().toISOString() })
      .where("id", "=", learner.id)
      .execute();
    expect((await me(learner)).status).toBe(200);
    now += READ_CACHE_TTL_MS;
    expect((await me(learner)).status).toBe(401);
  });

  it("refuses a cached account's token at once when an admin disables it, and lets it in when enabled", async () => {
    const admin = await t.makeUser({ role: "admin" });
    const learner = await t.makeUser();
    expect((await me(learner)).status).toBe(200);
    expect((await patchUser(admin, learner.id, { disabled: true })).status).toBe(200);
    expect((await me(learner)).status).toBe(401);
    expect((await patchUser(admin, learner.id, { disabled: false })).status).toBe(200);
    expect((await me(learner)).status).toBe(200);
  });

  it("applies a role change to a cached account at once", async () => {
    const admin = await t.makeUser({ role: "admin" });
    const user = await t.makeUser();
    const listUsers = () =>
      call(t.app, { method: "GET", url: "/api/v1/users", headers: user.auth });
    expect((await listUsers()).status).toBe(403);
    expect((await patchUser(admin, user.id, { role: "admin" })).status).toBe(200);
    expect((await listUsers()).status).toBe(200);
    expect((await patchUser(admin, user.id, { role: "learner" })).status).toBe(200);
    expect((await listUsers()).status).toBe(403);
  });

  it("refuses a deleted account's token at once, with its profile gone", async () => {
    const learner = await t.makeUser();
    await t.services.profiles.save({ id: learner.id, role: "learner" }, PROFILE);
    expect((await profileOf(learner)).status).toBe(200);
    expect(
      (await call(t.app, { method: "DELETE", url: "/api/v1/me", headers: learner.auth })).status,
    ).toBe(204);
    expect((await profileOf(learner)).status).toBe(401);
    // the profile row left with the account, and the cache with it
    await expect(
      t.services.profiles.own({ id: learner.id, role: "learner" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows a saved profile at once in the next read", async () => {
    const learner = await t.makeUser();
    const put = (headline: string) =>
      call(t.app, {
        method: "PUT",
        url: "/api/v1/profile",
        headers: learner.auth,
        payload: { ...PROFILE, headline },
      });
    expect((await profileOf(learner)).status).toBe(404);
    expect((await put("first")).status).toBe(200);
    expect((await profileOf(learner)).body).toMatchObject({ headline: "first" });
    expect((await put("second")).status).toBe(200);
    expect((await profileOf(learner)).body).toMatchObject({ headline: "second" });
  });
});

describe("cached accounts across two servers on one PostgreSQL database", () => {
  let t: TestApp;
  let other: Services;
  let otherApp: ReturnType<typeof buildApp>;
  beforeAll(async () => {
    t = await openTestApp("postgres");
    // a second server process, as another `devladder serve` on the same database would be
    other = createServices(t.services.config, {
      store: openDatabase(t.services.config.database, { poolSize: 2 }),
      scryptCost: TEST_SCRYPT_COST,
    });
    otherApp = buildApp({ services: other });
    await otherApp.ready();
    await Promise.all([t.services.invalidations.ready(), other.invalidations.ready()]);
  });
  afterAll(async () => {
    await otherApp.close();
    await other.close();
    await t.cleanup();
  });

  it("refuses a token on the other server once the disabling server's notice arrives", async () => {
    const admin = await t.makeUser({ role: "admin" });
    const learner = await t.makeUser();
    const meOnOther = () =>
      call(otherApp, { method: "GET", url: "/api/v1/auth/me", headers: learner.auth });
    expect((await meOnOther()).status).toBe(200);
    // the other server holds the account in its cache: a change nobody announces is not seen
    const db = t.services.store.db;
    const setDisabled = (value: string | null) =>
      db.updateTable("users").set({ disabled_at: value }).where("id", "=", learner.id).execute();
    await setDisabled(new Date().toISOString());
    expect((await meOnOther()).status).toBe(200);
    await setDisabled(null);

    const heard = new Promise<void>((resolve) => {
      other.invalidations.subscribe((userId) => {
        if (userId === learner.id) resolve();
      });
    });
    const disabled = await call(t.app, {
      method: "PATCH",
      url: `/api/v1/users/${learner.id}`,
      headers: admin.auth,
      payload: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    await heard;
    expect((await meOnOther()).status).toBe(401);
  });
});

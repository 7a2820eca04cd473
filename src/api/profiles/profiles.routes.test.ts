import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

describe.each(TEST_DIALECTS)("profile routes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const save = (user: TestUser, payload: Record<string, unknown>) =>
    call(t.app, { method: "PUT", url: "/api/v1/profile", headers: user.auth, payload });

  it("creates and replaces the learner's own profile", async () => {
    const learner = await t.makeUser();
    expect(
      (await call(t.app, { method: "GET", url: "/api/v1/profile", headers: learner.auth })).status,
    ).toBe(404);
    const created = await save(learner, {
      track: "java",
      hoursPerWeek: 7.5,
      startDate: "2026-12-01",
      headline: "  Backend in the making ",
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      userId: learner.id,
      track: "java",
      hoursPerWeek: 7.5,
      visibility: "private",
      headline: "Backend in the making",
      targetLevel: null,
    });
    const sharePath = (created.body as { sharePath: string }).sharePath;
    const replaced = await save(learner, {
      track: "node",
      hoursPerWeek: 10,
      startDate: "2027-01-04",
    });
    expect(replaced.body).toMatchObject({ track: "node", hoursPerWeek: 10, sharePath });
  });

  it("lists every invalid field, including ones only the roadmap can check", async () => {
    const learner = await t.makeUser();
    const schema = await save(learner, {
      track: "cobol",
      hoursPerWeek: 200,
      startDate: "2026-13-01",
      x: 1,
    });
    expect(schema.status).toBe(400);
    expect(
      (schema.body as { errors: { where: string }[] }).errors.map((e) => e.where).sort(),
    ).toEqual(["body.hoursPerWeek", "body.startDate", "body.track", "body.x"].sort());
    const level = await save(learner, {
      track: "python",
      hoursPerWeek: 5,
      startDate: "2026-12-01",
      targetLevel: "galactic-overlord",
    });
    expect(level.status).toBe(400);
    expect((level.body as { errors: { where: string }[] }).errors[0]?.where).toBe("targetLevel");
  });

  it("shows a link profile to anyone with the link and a public one to recruiters", async () => {
    const learner = await t.makeUser();
    const recruiter = await t.makeUser({ role: "recruiter" });
    const base = { track: "python", hoursPerWeek: 6, startDate: "2026-12-01" };
    const created = await save(learner, { ...base, visibility: "link" });
    const sharePath = (created.body as { sharePath: string }).sharePath;
    const shared = await call(t.app, { method: "GET", url: sharePath });
    expect(shared.status).toBe(200);
    expect(shared.text).not.toContain("sharePath");
    const asRecruiter = () =>
      call(t.app, {
        method: "GET",
        url: `/api/v1/profiles/${learner.id}`,
        headers: recruiter.auth,
      });
    expect((await asRecruiter()).status).toBe(404);

    await save(learner, { ...base, visibility: "public" });
    expect((await asRecruiter()).status).toBe(200);

    await save(learner, { ...base, visibility: "private" });
    expect((await asRecruiter()).status).toBe(404);
    expect((await call(t.app, { method: "GET", url: sharePath })).status).toBe(404);
  });
});

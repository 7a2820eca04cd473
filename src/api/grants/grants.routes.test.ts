import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp } from "../test-support/test-app.js";

describe.each(TEST_DIALECTS)("grants routes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("lets a mentor see a learner only between grant and revoke", async () => {
    const learner = await t.makeUser();
    const mentor = await t.makeUser({ role: "mentor" });
    await call(t.app, {
      method: "PUT",
      url: "/api/v1/profile",
      headers: learner.auth,
      payload: { track: "python", hoursPerWeek: 8, startDate: "2026-12-01" },
    });
    const view = () =>
      call(t.app, { method: "GET", url: `/api/v1/profiles/${learner.id}`, headers: mentor.auth });
    expect((await view()).status).toBe(404);

    const granted = await call(t.app, {
      method: "POST",
      url: "/api/v1/grants",
      headers: learner.auth,
      payload: { mentorEmail: mentor.email.toUpperCase() },
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ mentor: { id: mentor.id, email: mentor.email } });
    expect((await view()).status).toBe(200);
    const mentees = await call(t.app, {
      method: "GET",
      url: "/api/v1/mentees",
      headers: mentor.auth,
    });
    expect(
      (mentees.body as { items: { learner: { id: string } }[] }).items.map((m) => m.learner.id),
    ).toEqual([learner.id]);
    const again = await call(t.app, {
      method: "POST",
      url: "/api/v1/grants",
      headers: learner.auth,
      payload: { mentorEmail: mentor.email },
    });
    expect(again.status).toBe(409);

    const revoked = await call(t.app, {
      method: "DELETE",
      url: `/api/v1/grants/${mentor.id}`,
      headers: learner.auth,
    });
    expect(revoked.status).toBe(204);
    expect((await view()).status).toBe(404);
    const list = await call(t.app, { method: "GET", url: "/api/v1/grants", headers: learner.auth });
    expect(list.body).toEqual({ items: [], nextCursor: null });
  });

  it("refuses grants from mentors, recruiters and admins with a 403 that says only learners grant", async () => {
    const mentor = await t.makeUser({ role: "mentor" });
    for (const role of ["mentor", "recruiter", "admin"] as const) {
      const caller = await t.makeUser({ role });
      const grant = await call(t.app, {
        method: "POST",
        url: "/api/v1/grants",
        headers: caller.auth,
        payload: { mentorEmail: mentor.email },
      });
      expect(grant.status, role).toBe(403);
      expect(grant.headers["content-type"]).toContain("application/problem+json");
      expect(grant.body).toMatchObject({
        status: 403,
        code: "forbidden",
        detail: expect.stringContaining("only learners give mentors access") as string,
      });
      const list = await call(t.app, {
        method: "GET",
        url: "/api/v1/grants",
        headers: caller.auth,
      });
      expect(list.status, role).toBe(403);
    }
    // and nothing was granted: the mentor has no mentees
    const mentees = await call(t.app, {
      method: "GET",
      url: "/api/v1/mentees",
      headers: mentor.auth,
    });
    expect(mentees.body).toEqual({ items: [], nextCursor: null });
  });

  it("refuses to grant an account that is not a mentor, without telling which", async () => {
    const learner = await t.makeUser();
    const recruiter = await t.makeUser({ role: "recruiter" });
    const grant = (mentorEmail: string) =>
      call(t.app, {
        method: "POST",
        url: "/api/v1/grants",
        headers: learner.auth,
        payload: { mentorEmail },
      });
    const notMentor = await grant(recruiter.email);
    const nobody = await grant(`nobody-${dialect}@example.test`);
    expect(notMentor.status).toBe(404);
    expect(nobody.status).toBe(404);
    expect((notMentor.body as { detail: string }).detail).toBe(
      (nobody.body as { detail: string }).detail,
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

interface Listed {
  items: { id: string; skillId: string; hidden: boolean; mentor: { displayName: string } }[];
}

describe.each(TEST_DIALECTS)("endorsement routes on %s", (dialect) => {
  let t: TestApp;
  let skill: string;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    skill = t.services.roadmap.skills[0]?.id ?? "";
  });
  afterAll(async () => {
    await t.cleanup();
  });

  async function mentorOf(learner: TestUser): Promise<TestUser> {
    const mentor = await t.makeUser({ role: "mentor" });
    await t.services.grants.grant({ id: learner.id, role: "learner" }, mentor.email);
    return mentor;
  }
  const endorse = (mentor: TestUser, learnerId: string, payload: Record<string, unknown>) =>
    call(t.app, {
      method: "POST",
      url: `/api/v1/learners/${learnerId}/endorsements`,
      headers: mentor.auth,
      payload,
    });
  const valid = () => ({
    skillId: skill,
    comment: "Reviewed the pagination PR",
    evidenceUrl: "https://example.test/pr/1",
  });

  it("lets a granted mentor endorse a skill once, naming the mentor", async () => {
    const learner = await t.makeUser();
    const mentor = await mentorOf(learner);
    const created = await endorse(mentor, learner.id, valid());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      skillId: skill,
      evidenceUrl: "https://example.test/pr/1",
      hidden: false,
      mentor: { id: mentor.id, displayName: "A mentor" },
    });
    expect((await endorse(mentor, learner.id, valid())).status).toBe(409);
  });

  it("refuses unknown skills and non-web evidence links", async () => {
    const learner = await t.makeUser();
    const mentor = await mentorOf(learner);
    const unknown = await endorse(mentor, learner.id, { ...valid(), skillId: "not-a-skill" });
    expect(unknown.status).toBe(400);
    const script = await endorse(mentor, learner.id, {
      ...valid(),
      evidenceUrl: "javascript:alert(1)",
    });
    expect(script.status).toBe(400);
  });

  it("answers a mentor without a grant as if the learner did not exist", async () => {
    const learner = await t.makeUser();
    const stranger = await t.makeUser({ role: "mentor" });
    expect((await endorse(stranger, learner.id, valid())).status).toBe(404);
  });

  it("hides an endorsement from others while the learner still sees it flagged", async () => {
    const learner = await t.makeUser();
    const mentor = await mentorOf(learner);
    const created = (await endorse(mentor, learner.id, valid())).body as { id: string };
    const hide = await call(t.app, {
      method: "PATCH",
      url: `/api/v1/endorsements/${created.id}`,
      headers: learner.auth,
      payload: { hidden: true },
    });
    expect(hide.body).toMatchObject({ id: created.id, hidden: true });

    const own = (
      await call(t.app, { method: "GET", url: "/api/v1/endorsements", headers: learner.auth })
    ).body as Listed;
    expect(own.items.map((e) => [e.id, e.hidden])).toEqual([[created.id, true]]);
    const seenByMentor = (
      await call(t.app, {
        method: "GET",
        url: `/api/v1/learners/${learner.id}/endorsements`,
        headers: mentor.auth,
      })
    ).body as Listed;
    expect(seenByMentor.items).toEqual([]);
  });

  it("does not let anyone but the learner hide an endorsement", async () => {
    const learner = await t.makeUser();
    const mentor = await mentorOf(learner);
    const created = (await endorse(mentor, learner.id, valid())).body as { id: string };
    const byMentor = await call(t.app, {
      method: "PATCH",
      url: `/api/v1/endorsements/${created.id}`,
      headers: mentor.auth,
      payload: { hidden: true },
    });
    expect(byMentor.status).toBe(404);
  });

  it("shows a public profile's visible endorsements to a recruiter, and a private one's to no one", async () => {
    const learner = await t.makeUser();
    const mentor = await mentorOf(learner);
    await endorse(mentor, learner.id, valid());
    const recruiter = await t.makeUser({ role: "recruiter" });
    const read = () =>
      call(t.app, {
        method: "GET",
        url: `/api/v1/learners/${learner.id}/endorsements`,
        headers: recruiter.auth,
      });
    expect((await read()).status).toBe(404);
    const profile = {
      track: "python",
      hoursPerWeek: 5,
      startDate: "2026-01-05",
      targetLevel: null,
      headline: "",
    };
    await t.services.profiles.save(
      { id: learner.id, role: "learner" },
      { ...profile, visibility: "public" },
    );
    const seen = await read();
    expect(seen.status).toBe(200);
    expect((seen.body as Listed).items.map((e) => e.skillId)).toEqual([skill]);
  });
});

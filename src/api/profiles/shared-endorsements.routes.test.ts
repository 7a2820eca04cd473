import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import {
  call,
  openTestApp,
  saveTestProfile,
  type TestApp,
  type TestUser,
} from "../test-support/test-app.js";

interface Listed {
  items: { id: string; skillId: string; hidden: boolean; mentor: { displayName: string } }[];
  nextCursor: string | null;
}

describe.each(TEST_DIALECTS)("endorsements through a share link on %s", (dialect) => {
  let t: TestApp;
  let skills: string[];
  beforeAll(async () => {
    t = await openTestApp(dialect);
    skills = t.services.roadmap.skills.slice(0, 2).map((s) => s.id);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const saveProfile = (user: TestUser, visibility: string) =>
    saveTestProfile(t.app, user, visibility);
  const endorse = async (mentor: TestUser, learnerId: string, skillId: string) => {
    const response = await call(t.app, {
      method: "POST",
      url: `/api/v1/learners/${learnerId}/endorsements`,
      headers: mentor.auth,
      payload: { skillId, comment: "Read the code with me", evidenceUrl: "https://example.test/1" },
    });
    expect(response.status, response.text).toBe(201);
    return (response.body as { id: string }).id;
  };

  it("lists the visible endorsements to an anonymous link holder until the profile is private", async () => {
    const learner = await t.makeUser();
    const mentor = await t.makeUser({ role: "mentor" });
    await t.services.grants.grant({ id: learner.id, role: "learner" }, mentor.email);
    const url = `${await saveProfile(learner, "link")}/endorsements`;
    const [first = "", second = ""] = skills;
    await endorse(mentor, learner.id, first);
    const hiddenId = await endorse(mentor, learner.id, second);
    const hide = await call(t.app, {
      method: "PATCH",
      url: `/api/v1/endorsements/${hiddenId}`,
      headers: learner.auth,
      payload: { hidden: true },
    });
    expect(hide.status, hide.text).toBe(200);

    const shared = await call(t.app, { method: "GET", url });
    expect(shared.status, shared.text).toBe(200);
    const body = shared.body as Listed;
    // a hidden endorsement is the learner's to keep out of view
    expect(body.items.map((e) => e.skillId)).toEqual([first]);
    expect(body.items[0]?.mentor.displayName).not.toBe("");
    expect(shared.text).not.toContain(mentor.email);

    await saveProfile(learner, "private");
    const closed = await call(t.app, { method: "GET", url });
    expect(closed.status).toBe(404);
    expect(closed.text).not.toContain("Read the code with me");
  });

  it("answers 404 for a slug that belongs to no profile", async () => {
    const response = await call(t.app, {
      method: "GET",
      url: "/api/v1/shared-profiles/no-such-slug/endorsements",
    });
    expect(response.status).toBe(404);
  });
});

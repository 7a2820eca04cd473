import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

interface Question {
  skillId: string;
  questionIndex: number;
  dueOn: string;
  schedule: { repetitions: number; intervalDays: number; easeFactor: number } | null;
}

describe.each(TEST_DIALECTS)("practice routes on %s", (dialect) => {
  let t: TestApp;
  let today = "2026-06-15";
  beforeAll(async () => {
    t = await openTestApp(dialect, { clock: { now: () => new Date(`${today}T09:00:00Z`) } });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const skillsOf = () => t.services.roadmap.skills.slice(0, 3).map((s) => s.id);
  const due = async (user: TestUser) =>
    (
      (await call(t.app, { method: "GET", url: "/api/v1/practice/due", headers: user.auth }))
        .body as { items: Question[] }
    ).items;
  const review = (user: TestUser, skillId: string, index: number, grade: unknown) =>
    call(t.app, {
      method: "POST",
      url: `/api/v1/practice/${skillId}/${index}/review`,
      headers: user.auth,
      payload: { grade },
    });

  it("offers every question of the skills being learned, and none of the others", async () => {
    const learner = await t.makeUser();
    const [learning, done] = skillsOf();
    await t.services.progress.update({ id: learner.id, role: "learner" }, [
      { skillId: learning ?? "", status: "learning" },
      { skillId: done ?? "", status: "done" },
    ]);
    const items = await due(learner);
    const questions = t.services.roadmap.skills.find((s) => s.id === learning)?.questions ?? [];
    expect(items.map((q) => [q.skillId, q.questionIndex])).toEqual(
      questions.map((_, i) => [learning, i]),
    );
    expect(items.every((q) => q.schedule === null && q.dueOn === today)).toBe(true);
  });

  it("schedules a well-answered question 1 then 6 days out, and brings a failed one back tomorrow", async () => {
    const learner = await t.makeUser();
    const [skill] = skillsOf();
    await t.services.progress.update({ id: learner.id, role: "learner" }, [
      { skillId: skill ?? "", status: "learning" },
    ]);
    const first = (await review(learner, skill ?? "", 0, 5)).body as Question;
    expect(first).toMatchObject({
      dueOn: "2026-06-16",
      schedule: { repetitions: 1, intervalDays: 1 },
    });
    expect((await due(learner)).some((q) => q.questionIndex === 0)).toBe(false);
    today = "2026-06-16";
    // a day later the first access token has expired: sign in again
    const session = await t.services.auth.login(learner.email, learner.password);
    const tomorrow = { ...learner, auth: { authorization: `Bearer ${session.accessToken}` } };
    expect((await due(tomorrow)).some((q) => q.questionIndex === 0)).toBe(true);
    const second = (await review(tomorrow, skill ?? "", 0, 4)).body as Question;
    expect(second).toMatchObject({
      dueOn: "2026-06-22",
      schedule: { repetitions: 2, intervalDays: 6 },
    });
    const failed = (await review(tomorrow, skill ?? "", 0, 1)).body as Question;
    expect(failed).toMatchObject({ dueOn: "2026-06-17", schedule: { repetitions: 0 } });
    today = "2026-06-15";
  });

  it("lists a skill's questions with their schedules", async () => {
    const learner = await t.makeUser();
    const [skill] = skillsOf();
    await review(learner, skill ?? "", 1, 3);
    const listed = (
      await call(t.app, { method: "GET", url: `/api/v1/practice/${skill}`, headers: learner.auth })
    ).body as { items: Question[] };
    expect(listed.items.map((q) => q.schedule?.repetitions ?? null)).toEqual(
      listed.items.map((_, i) => (i === 1 ? 1 : null)),
    );
  });

  it("refuses grades outside 0-5, unknown skills and question numbers past the end", async () => {
    const learner = await t.makeUser();
    const [skill] = skillsOf();
    expect((await review(learner, skill ?? "", 0, 6)).status).toBe(400);
    expect((await review(learner, skill ?? "", 0, 2.5)).status).toBe(400);
    expect((await review(learner, "not-a-skill", 0, 3)).status).toBe(400);
    expect((await review(learner, skill ?? "", 999, 3)).status).toBe(400);
  });
});

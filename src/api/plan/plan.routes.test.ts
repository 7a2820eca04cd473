import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../services/clock.js";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp } from "../test-support/test-app.js";

interface PlanBody {
  today: string;
  standing: string;
  daysAhead: number;
  original: { start: string; items: { skillId: string; hours: number }[] };
  replanned: { start: string; items: { skillId: string }[] };
}

describe.each(TEST_DIALECTS)("plan routes on %s", (dialect) => {
  let t: TestApp;
  let now = new Date("2026-12-10T12:00:00.000Z");
  const clock: Clock = { now: () => now };
  beforeAll(async () => {
    t = await openTestApp(dialect, { clock });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  /** A new learner on the Python track, 7 hours a week from 2026-12-01, and a reader of their plan. */
  const pythonLearner = async () => {
    const learner = await t.makeUser();
    await call(t.app, {
      method: "PUT",
      url: "/api/v1/profile",
      headers: learner.auth,
      payload: { track: "python", hoursPerWeek: 7, startDate: "2026-12-01" },
    });
    const plan = async () =>
      (await call(t.app, { method: "GET", url: "/api/v1/plan", headers: learner.auth }))
        .body as PlanBody;
    return { learner, plan };
  };

  it("answers 404 until the learner has a profile", async () => {
    const learner = await t.makeUser();
    const response = await call(t.app, {
      method: "GET",
      url: "/api/v1/plan",
      headers: learner.auth,
    });
    expect(response.status).toBe(404);
  });

  it("reports behind with no progress, ahead after finishing more than planned, and re-plans", async () => {
    now = new Date("2026-12-10T12:00:00.000Z");
    const { learner, plan } = await pythonLearner();

    const before = await plan();
    expect(before.today).toBe("2026-12-10");
    expect(before.original.start).toBe("2026-12-01");
    expect(before.standing).toBe("behind");
    expect(before.daysAhead).toBe(-10);

    // finish skills worth more than the 10 hours the plan expected by today
    const done: string[] = [];
    let hours = 0;
    for (const item of before.original.items) {
      if (hours > 20) break;
      done.push(item.skillId);
      hours += item.hours;
    }
    await call(t.app, {
      method: "PATCH",
      url: "/api/v1/progress",
      headers: learner.auth,
      payload: { changes: done.map((skillId) => ({ skillId, status: "done" })) },
    });
    const after = await plan();
    expect(after.standing).toBe("ahead");
    expect(after.daysAhead).toBeGreaterThan(0);
    expect(after.replanned.start).toBe("2026-12-10");
    expect(after.replanned.items.map((i) => i.skillId)).not.toContain(done[0]);
  });

  it("leaves skills known before a past start date out of the plan instead of counting them as progress", async () => {
    now = new Date("2026-12-10T12:00:00.000Z");
    // the same skills, ticked today: once as known before the start, once as finished on the plan
    const planAfterTicking = async (asKnown: boolean) => {
      const { learner, plan: get } = await pythonLearner();
      const fresh = await get();
      const ticked = fresh.original.items.slice(0, 4).map((i) => i.skillId);
      const saved = await call(t.app, {
        method: "PATCH",
        url: "/api/v1/progress",
        headers: learner.auth,
        payload: {
          changes: ticked.map((skillId) =>
            asKnown
              ? { skillId, status: "done", knownBeforeStart: true }
              : { skillId, status: "done" },
          ),
        },
      });
      expect(saved.status).toBe(200);
      return { fresh, ticked, plan: await get() };
    };

    const known = await planAfterTicking(true);
    expect(known.plan.standing).toBe("behind");
    expect(known.plan.daysAhead).toBe(known.fresh.daysAhead);
    expect(known.plan.original.items.map((i) => i.skillId)).not.toContain(known.ticked[0]);
    expect(known.plan.replanned.items.map((i) => i.skillId)).not.toContain(known.ticked[0]);

    const finished = await planAfterTicking(false);
    expect(finished.plan.standing).toBe("ahead");
    expect(finished.plan.original.items.map((i) => i.skillId)).toContain(finished.ticked[0]);
  });

  it("downloads what is left of the plan as an iCalendar file", async () => {
    now = new Date("2026-12-10T12:00:00.000Z");
    const learner = await t.makeUser();
    await call(t.app, {
      method: "PUT",
      url: "/api/v1/profile",
      headers: learner.auth,
      payload: { track: "node", hoursPerWeek: 10, startDate: "2026-12-01" },
    });
    const response = await t.app.inject({
      method: "GET",
      url: "/api/v1/plan.ics",
      headers: learner.auth,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/calendar");
    expect(response.body).toContain("BEGIN:VCALENDAR");
    expect(response.body).toContain("BEGIN:VEVENT");
  });
});

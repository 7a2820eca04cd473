import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

interface Summary {
  counts: Record<string, number>;
  levels: { levelId: string; dimensions: { dimension: string; have: number; need: number }[] }[];
}

describe.each(TEST_DIALECTS)("growth routes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // a clock that ticks a second per reading: ids (UUIDv7) then order as entries were made
    let tick = 0;
    const start = Date.parse("2026-06-15T08:00:00Z");
    t = await openTestApp(dialect, { clock: { now: () => new Date(start + 1000 * tick++) } });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const entry = (overrides: Record<string, unknown> = {}) => ({
    dimension: "impact",
    title: "Cut checkout latency",
    what: "Moved the price lookup behind a cache; p95 went from 900 ms to 120 ms.",
    happenedOn: "2026-05-02",
    links: ["https://example.test/pr/42"],
    ...overrides,
  });
  const post = (user: TestUser, payload: Record<string, unknown>) =>
    call(t.app, { method: "POST", url: "/api/v1/growth", headers: user.auth, payload });

  it("records entries and lists them newest first, filtered by dimension", async () => {
    const learner = await t.makeUser();
    const first = await post(learner, entry());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      dimension: "impact",
      links: ["https://example.test/pr/42"],
    });
    await post(learner, entry({ dimension: "mastery", title: "Fixed the deadlock", links: [] }));
    const all = (await call(t.app, { method: "GET", url: "/api/v1/growth", headers: learner.auth }))
      .body as { items: { title: string }[] };
    expect(all.items.map((e) => e.title)).toEqual(["Fixed the deadlock", "Cut checkout latency"]);
    const impact = (
      await call(t.app, {
        method: "GET",
        url: "/api/v1/growth?dimension=impact",
        headers: learner.auth,
      })
    ).body as { items: { title: string }[] };
    expect(impact.items.map((e) => e.title)).toEqual(["Cut checkout latency"]);
  });

  it("refuses a date in the future, an impossible date and a non-web link", async () => {
    const learner = await t.makeUser();
    expect((await post(learner, entry({ happenedOn: "2026-07-01" }))).status).toBe(400);
    expect((await post(learner, entry({ happenedOn: "2026-02-30" }))).status).toBe(400);
    expect((await post(learner, entry({ links: ["file:///etc/passwd"] }))).status).toBe(400);
  });

  it("lets a granted mentor comment and the learner read it, but no one else", async () => {
    const learner = await t.makeUser();
    const mentor = await t.makeUser({ role: "mentor" });
    const stranger = await t.makeUser({ role: "mentor" });
    await t.services.grants.grant({ id: learner.id, role: "learner" }, mentor.email);
    const { id } = (await post(learner, entry())).body as { id: string };
    const comment = (user: TestUser) =>
      call(t.app, {
        method: "POST",
        url: `/api/v1/growth/${id}/comments`,
        headers: user.auth,
        payload: { body: "Write down how you measured p95." },
      });
    const made = await comment(mentor);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ entryId: id, author: { id: mentor.id } });
    expect((await comment(stranger)).status).toBe(404);
    expect((await comment(learner)).status).toBe(403);
    const read = (
      await call(t.app, {
        method: "GET",
        url: `/api/v1/growth/${id}/comments`,
        headers: learner.auth,
      })
    ).body as { items: { body: string }[] };
    expect(read.items.map((c) => c.body)).toEqual(["Write down how you measured p95."]);
  });

  it("deletes an entry with its comments, only for its owner", async () => {
    const learner = await t.makeUser();
    const other = await t.makeUser();
    const { id } = (await post(learner, entry())).body as { id: string };
    const remove = (user: TestUser) =>
      call(t.app, { method: "DELETE", url: `/api/v1/growth/${id}`, headers: user.auth });
    expect((await remove(other)).status).toBe(404);
    expect((await remove(learner)).status).toBe(204);
    expect((await remove(learner)).status).toBe(404);
  });

  it("sums the log against each level's growth criteria from the roadmap", async () => {
    const learner = await t.makeUser();
    await post(learner, entry());
    await post(learner, entry({ title: "Second launch" }));
    await post(learner, entry({ dimension: "collaboration", title: "Ran onboarding" }));
    const summary = (
      await call(t.app, {
        method: "GET",
        url: "/api/v1/growth/summary",
        headers: learner.auth,
      })
    ).body as Summary;
    expect(summary.counts).toEqual({ impact: 2, mastery: 0, collaboration: 1 });
    const senior = summary.levels.find((l) => l.levelId === "senior");
    const seniorNeeds = t.services.roadmap.levels
      .find((l) => l.id === "senior")
      ?.criteria.filter((c) => c.measure.type === "growth");
    expect(senior?.dimensions.length).toBe(seniorNeeds?.length);
    expect(senior?.dimensions.find((d) => d.dimension === "impact")?.have).toBe(2);
  });
});

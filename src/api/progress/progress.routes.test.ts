import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

describe.each(TEST_DIALECTS)("progress routes on %s", (dialect) => {
  let t: TestApp;
  let skills: string[];
  beforeAll(async () => {
    t = await openTestApp(dialect);
    skills = t.services.roadmap.skills.filter((s) => s.tracks.includes("python")).map((s) => s.id);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  /** The learner's status changes, newest first, as [from, to] pairs. */
  const historyOf = async (learner: TestUser) => {
    const history = await call(t.app, {
      method: "GET",
      url: "/api/v1/progress/history",
      headers: learner.auth,
    });
    const items = (history.body as { items: { from: string | null; to: string }[] }).items;
    return items.map((h) => [h.from, h.to]);
  };

  it("sets one skill's status, keeps its note when none is sent, and records the history", async () => {
    const learner = await t.makeUser();
    const skill = skills[0] ?? "";
    const put = (payload: Record<string, unknown>) =>
      call(t.app, {
        method: "PUT",
        url: `/api/v1/progress/${skill}`,
        headers: learner.auth,
        payload,
      });
    expect((await put({ status: "learning", note: "chapter 3" })).body).toMatchObject({
      skillId: skill,
      status: "learning",
      note: "chapter 3",
    });
    expect((await put({ status: "done" })).body).toMatchObject({
      status: "done",
      note: "chapter 3",
    });
    expect(await historyOf(learner)).toEqual([
      ["learning", "done"],
      [null, "learning"],
    ]);
  });

  it("applies a bulk update completely, and with one unknown skill changes nothing", async () => {
    const learner = await t.makeUser();
    const patch = (changes: Record<string, unknown>[]) =>
      call(t.app, {
        method: "PATCH",
        url: "/api/v1/progress",
        headers: learner.auth,
        payload: { changes },
      });
    const ok = await patch([
      { skillId: skills[0], status: "done" },
      { skillId: skills[1], status: "learning", note: "n" },
    ]);
    expect(ok.status).toBe(200);
    const bad = await patch([
      { skillId: skills[2], status: "done" },
      { skillId: "not-a-skill", status: "done" },
      { skillId: skills[0], status: "skipped" },
    ]);
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { where: string }[] }).errors.map((e) => e.where)).toEqual([
      "body.changes[1].skillId",
    ]);
    const list = await call(t.app, {
      method: "GET",
      url: "/api/v1/progress",
      headers: learner.auth,
    });
    const rows = (list.body as { items: { skillId: string; status: string }[] }).items;
    expect(Object.fromEntries(rows.map((r) => [r.skillId, r.status]))).toEqual({
      [skills[0] ?? ""]: "done",
      [skills[1] ?? ""]: "learning",
    });
  });

  it("marks a done skill known before the start, keeps that when done is sent again, and clears it with another status", async () => {
    const learner = await t.makeUser();
    const skill = skills[0] ?? "";
    const put = async (payload: Record<string, unknown>) =>
      (
        await call(t.app, {
          method: "PUT",
          url: `/api/v1/progress/${skill}`,
          headers: learner.auth,
          payload,
        })
      ).body as { status: string; note: string; knownBeforeStart: boolean; updatedAt: string };

    const known = await put({ status: "done", knownBeforeStart: true });
    expect(known).toMatchObject({ status: "done", knownBeforeStart: true });
    // the roadmap saves a note by sending the current status with it: the skill stays known
    expect(await put({ status: "done", note: "used it at work" })).toMatchObject({
      knownBeforeStart: true,
      note: "used it at work",
      updatedAt: known.updatedAt,
    });
    const list = await call(t.app, {
      method: "GET",
      url: "/api/v1/progress",
      headers: learner.auth,
    });
    expect((list.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ skillId: skill, knownBeforeStart: true }),
    ]);
    expect(await put({ status: "learning" })).toMatchObject({ knownBeforeStart: false });
    // done again without the flag is a skill finished on the plan, not one known before it
    expect(await put({ status: "done" })).toMatchObject({ knownBeforeStart: false });

    expect(await historyOf(learner)).toEqual([
      ["learning", "done"],
      ["done", "learning"],
      [null, "done"],
    ]);
  });

  it("sets and clears the known-before-start mark in a bulk update", async () => {
    const learner = await t.makeUser();
    const patch = async (changes: Record<string, unknown>[]) =>
      (
        await call(t.app, {
          method: "PATCH",
          url: "/api/v1/progress",
          headers: learner.auth,
          payload: { changes },
        })
      ).body as { items: { skillId: string; knownBeforeStart: boolean }[] };
    const marked = await patch([
      { skillId: skills[0], status: "done", knownBeforeStart: true },
      { skillId: skills[1], status: "done" },
    ]);
    expect(marked.items.map((i) => [i.skillId, i.knownBeforeStart])).toEqual([
      [skills[0], true],
      [skills[1], false],
    ]);
    const cleared = await patch([{ skillId: skills[0], status: "done", knownBeforeStart: false }]);
    expect(cleared.items.map((i) => i.knownBeforeStart)).toEqual([false]);
  });

  it("rejects known-before-start on a status other than done, naming the field, and changes nothing", async () => {
    const learner = await t.makeUser();
    const single = await call(t.app, {
      method: "PUT",
      url: `/api/v1/progress/${skills[0]}`,
      headers: learner.auth,
      payload: { status: "learning", knownBeforeStart: true },
    });
    expect(single.status).toBe(400);
    expect(single.headers["content-type"]).toContain("application/problem+json");
    expect((single.body as { errors: unknown[] }).errors).toEqual([
      {
        where: "body.knownBeforeStart",
        problem: "a skill with status 'learning' cannot be known before the start",
        accepted: "true only with status 'done'; false or omitted with any status",
      },
    ]);

    const bulk = await call(t.app, {
      method: "PATCH",
      url: "/api/v1/progress",
      headers: learner.auth,
      payload: {
        changes: [
          { skillId: skills[1], status: "done", knownBeforeStart: true },
          { skillId: skills[2], status: "skipped", knownBeforeStart: true },
        ],
      },
    });
    expect(bulk.status).toBe(400);
    expect((bulk.body as { errors: { where: string }[] }).errors.map((e) => e.where)).toEqual([
      "body.changes[1].knownBeforeStart",
    ]);
    const list = await call(t.app, {
      method: "GET",
      url: "/api/v1/progress",
      headers: learner.auth,
    });
    expect((list.body as { items: unknown[] }).items).toEqual([]);
  });

  it("pages progress by skill id with a bounded page size", async () => {
    const learner = await t.makeUser();
    const chosen = skills.slice(0, 3);
    await call(t.app, {
      method: "PATCH",
      url: "/api/v1/progress",
      headers: learner.auth,
      payload: { changes: chosen.map((skillId) => ({ skillId, status: "learning" })) },
    });
    const get = (query: string) =>
      call(t.app, { method: "GET", url: `/api/v1/progress?${query}`, headers: learner.auth });
    const first = (await get("limit=2")).body as {
      items: { skillId: string }[];
      nextCursor: string;
    };
    expect(first.items).toHaveLength(2);
    const second = (await get(`limit=2&cursor=${first.nextCursor}`)).body as {
      items: { skillId: string }[];
      nextCursor: string | null;
    };
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.skillId).sort()).toEqual(
      [...chosen].sort(),
    );
    const forged = Buffer.from("x' or 1=1 --").toString("base64url");
    expect((await get(`cursor=${forged}`)).status).toBe(400);
  });

  it("shows a granted mentor the progress without private notes, and hides it from others", async () => {
    const learner = await t.makeUser();
    const mentor = await t.makeUser({ role: "mentor" });
    const stranger = await t.makeUser({ role: "mentor" });
    await call(t.app, {
      method: "PUT",
      url: `/api/v1/progress/${skills[0]}`,
      headers: learner.auth,
      payload: { status: "learning", note: "my secret struggle" },
    });
    await t.services.grants.grant({ id: learner.id, role: "learner" }, mentor.email);
    const seen = await call(t.app, {
      method: "GET",
      url: `/api/v1/learners/${learner.id}/progress`,
      headers: mentor.auth,
    });
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain("my secret struggle");
    expect((seen.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ skillId: skills[0], status: "learning", knownBeforeStart: false }),
    ]);
    const hidden = await call(t.app, {
      method: "GET",
      url: `/api/v1/learners/${learner.id}/progress`,
      headers: stranger.auth,
    });
    expect(hidden.status).toBe(404);
  });
});

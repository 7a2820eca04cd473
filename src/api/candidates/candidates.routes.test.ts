import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Visibility } from "../../store/database.types.js";
import { insertFinishedAnalysis } from "../../store/test-support/finished-analysis.js";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

interface Results {
  items: { userId: string; strength: number; verifiedSkills: { skillId: string }[] }[];
  nextCursor: string | null;
  truncated: boolean;
}

describe.each(TEST_DIALECTS)("candidate routes on %s", (dialect) => {
  let t: TestApp;
  let recruiter: TestUser;
  let mentor: TestUser;
  let skills: string[];
  /** a track no other test in this file uses, so each test sees only its own candidates */
  let marker = 0;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    recruiter = await t.makeUser({ role: "recruiter" });
    mentor = await t.makeUser({ role: "mentor" });
    skills = t.services.roadmap.skills.slice(0, 4).map((s) => s.id);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  /** a learner with a profile, endorsed by the shared mentor for `endorsed` skills */
  async function candidate(
    name: string,
    endorsed: readonly string[],
    visibility: Visibility = "public",
    track = "python",
  ): Promise<TestUser> {
    const user = await t.makeUser({ email: `${name}-${marker++}@example.test` });
    const asUser = { id: user.id, role: "learner" as const };
    await t.services.profiles.save(asUser, {
      track,
      hoursPerWeek: 5,
      startDate: "2026-01-05",
      targetLevel: null,
      visibility,
      headline: `${name}, backend`,
    });
    await t.services.grants.grant(asUser, mentor.email);
    for (const skillId of endorsed) {
      await t.services.endorsements.endorse({ id: mentor.id, role: "mentor" }, user.id, {
        skillId,
        comment: "c",
        evidenceUrl: "https://example.test/pr",
      });
    }
    return user;
  }
  const search = async (query: string, as: TestUser = recruiter) =>
    call(t.app, { method: "GET", url: `/api/v1/candidates?${query}`, headers: as.auth });

  it("finds public profiles with every named skill verified, strongest evidence first", async () => {
    const [a, b, c] = skills;
    const strong = await candidate("strong", [a ?? "", b ?? "", c ?? ""]);
    const weak = await candidate("weak", [a ?? "", b ?? ""]);
    await candidate("partial", [a ?? ""]);
    await candidate("hidden", [a ?? "", b ?? ""], "link");
    const found = (await search(`skills=${a},${b}&track=python`)).body as Results;
    expect(found.items.map((i) => i.userId)).toEqual([strong.id, weak.id]);
    expect(found.items[0]?.strength).toBeGreaterThan(found.items[1]?.strength ?? 0);
    expect(found.truncated).toBe(false);
  });

  it("ranks a skill proven by an analysed repository above one only endorsed", async () => {
    const [a] = skills;
    const endorsedOnly = await candidate("endorsed", [a ?? ""], "public", "java");
    const proven = await candidate("proven", [], "public", "java");
    await insertFinishedAnalysis(t.services.store.db, {
      ownerId: proven.id,
      checks: t.services.roadmap.checks,
      passing: [],
      verifiedSkills: [a ?? ""],
    });
    const found = (await search(`track=java&skills=${a}`)).body as Results;
    expect(found.items.map((i) => i.userId)).toEqual([proven.id, endorsedOnly.id]);
  });

  it("leaves out skills whose only endorsement the learner hid", async () => {
    const [, , , d] = skills;
    const user = await candidate("shy", [d ?? ""]);
    expect(((await search(`skills=${d}`)).body as Results).items.map((i) => i.userId)).toContain(
      user.id,
    );
    const own = await t.services.endorsements.listOwn({ id: user.id, role: "learner" }, {});
    await t.services.endorsements.setHidden(
      { id: user.id, role: "learner" },
      own.items[0]?.id ?? "",
      true,
    );
    expect(
      ((await search(`skills=${d}`)).body as Results).items.map((i) => i.userId),
    ).not.toContain(user.id);
  });

  it("filters by reached level and refuses unknown filters", async () => {
    const [a] = skills;
    await candidate("beginner", [a ?? ""]);
    const atEntry = (await search(`skills=${a}&level=entry`)).body as Results;
    expect(atEntry.items).toEqual([]);
    expect((await search("skills=not-a-skill")).status).toBe(400);
    expect((await search("level=wizard")).status).toBe(400);
  });

  it("keeps only candidates who reached at least the chosen level", async () => {
    const entry = t.services.roadmap.levels.find((l) => l.id === "entry");
    const projectChecks = (entry?.criteria ?? []).flatMap((c) =>
      c.measure.type === "projects" ? c.measure.checks : [],
    );
    const coreSkills = (entry?.criteria ?? []).flatMap((c) =>
      c.measure.type === "skills-verified" ? c.measure.skills : [],
    );
    const reached = await candidate("reached-entry", [], "public", "java");
    for (const verifiedSkills of [coreSkills, []]) {
      await insertFinishedAnalysis(t.services.store.db, {
        ownerId: reached.id,
        checks: t.services.roadmap.checks,
        passing: projectChecks,
        verifiedSkills,
      });
    }
    const below = await candidate("below-entry", [], "public", "java");
    const all = ((await search("track=java")).body as Results).items.map((i) => i.userId);
    expect(all).toEqual(expect.arrayContaining([reached.id, below.id]));

    const atEntry = (await search("track=java&level=entry")).body as Results;
    expect(atEntry.items.map((i) => i.userId)).toEqual([reached.id]);
    expect(atEntry.items[0]).toMatchObject({ reachedLevel: "entry" });
    // the filter means "at least": a higher level than reached leaves the candidate out
    expect(((await search("track=java&level=senior")).body as Results).items).toEqual([]);
  });

  it("answers an unknown level with every accepted level id, in ladder order", async () => {
    const levelIds = [...t.services.roadmap.levels]
      .sort((x, y) => x.order - y.order)
      .map((l) => l.id);
    for (const url of ["/api/v1/candidates?level=wizard", "/api/v1/candidates.csv?level=wizard"]) {
      const response = await call(t.app, { method: "GET", url, headers: recruiter.auth });
      expect(response.status, url).toBe(400);
      expect((response.body as { errors: unknown[] }).errors).toEqual([
        {
          where: "level",
          problem: "unknown level 'wizard'",
          accepted: `one of: ${levelIds.join(", ")}`,
        },
      ]);
    }
    expect(levelIds).toContain("entry");
  });

  it("pages the ranking with a cursor", async () => {
    const [a, b] = skills;
    await candidate("p1", [a ?? "", b ?? ""], "public", "java");
    await candidate("p2", [b ?? ""], "public", "java");
    const first = (await search(`track=java&skills=${b}&limit=1`)).body as Results;
    expect(first.items).toHaveLength(1);
    const second = (await search(`track=java&skills=${b}&limit=1&cursor=${first.nextCursor}`))
      .body as Results;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0]?.userId).not.toBe(first.items[0]?.userId);
  });

  it("exports the shortlist as escaped CSV in ranking order, for recruiters only", async () => {
    const [a] = skills;
    await candidate("=cmd", [a ?? ""], "public", "node");
    const response = await call(t.app, {
      method: "GET",
      url: `/api/v1/candidates.csv?track=node&skills=${a}`,
      headers: recruiter.auth,
    });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    const lines = response.text.split("\r\n");
    expect(lines[0]).toBe(
      "rank,user_id,name,headline,track,reached_level,strength,verified_skills,certifications",
    );
    expect(lines[1]).toContain(',"\'=cmd, backend",node,');
    const learner = await t.makeUser();
    expect((await search("", learner)).status).toBe(403);
  });
});

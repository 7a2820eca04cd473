import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFinishedAnalysis } from "../../store/test-support/finished-analysis.js";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

interface ReadinessBody {
  reachedLevel: string | null;
  levels: {
    levelId: string;
    met: boolean;
    criteria: {
      criterionId: string;
      met: boolean;
      have: number;
      evidence: { kind: string; id: string }[];
      missing: string[];
    }[];
  }[];
}

describe.each(TEST_DIALECTS)("readiness routes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const analysed = async (
    owner: TestUser,
    passing: readonly string[],
    verified: readonly string[],
  ) =>
    (
      await insertFinishedAnalysis(t.services.store.db, {
        ownerId: owner.id,
        checks: t.services.roadmap.checks,
        passing,
        verifiedSkills: verified,
      })
    ).analysisId;

  const readinessOf = async (user: TestUser) =>
    (await call(t.app, { method: "GET", url: "/api/v1/readiness", headers: user.auth }))
      .body as ReadinessBody;
  const entryCriteria = () =>
    t.services.roadmap.levels.find((l) => l.id === "entry")?.criteria ?? [];
  const projectChecks = () =>
    entryCriteria().flatMap((c) => (c.measure.type === "projects" ? c.measure.checks : []));

  it("starts with no level reached and says what every entry criterion misses", async () => {
    const learner = await t.makeUser();
    const body = await readinessOf(learner);
    expect(body.reachedLevel).toBeNull();
    const entry = body.levels.find((l) => l.levelId === "entry");
    expect(entry?.met).toBe(false);
    expect(entry?.criteria.every((c) => !c.met && c.missing.length > 0)).toBe(true);
  });

  it("reaches the entry level from analysed projects, verified skills and endorsements", async () => {
    const learner = await t.makeUser();
    const mentor = await t.makeUser({ role: "mentor" });
    await t.services.grants.grant({ id: learner.id, role: "learner" }, mentor.email);
    const skillsMeasure = entryCriteria().find(
      (c) => c.measure.type === "skills-verified",
    )?.measure;
    if (skillsMeasure?.type !== "skills-verified") throw new Error("entry level changed shape");
    const [a, b, c, d] = skillsMeasure.skills;
    const first = await analysed(learner, projectChecks(), [a ?? "", b ?? ""]);
    await analysed(learner, projectChecks(), []);
    for (const skillId of [c, d]) {
      await t.services.endorsements.endorse({ id: mentor.id, role: "mentor" }, learner.id, {
        skillId: skillId ?? "",
        comment: "seen it",
        evidenceUrl: "https://example.test/pr",
      });
    }
    const body = await readinessOf(learner);
    const entry = body.levels.find((l) => l.levelId === "entry");
    expect(entry?.criteria.filter((x) => !x.met)).toEqual([]);
    expect(body.reachedLevel).toBe("entry");
    const skills = entry?.criteria.find((x) => x.criterionId === "core-skills-verified");
    expect(skills?.evidence.filter((e) => e.kind === "analysis").map((e) => e.id)).toEqual([
      first,
      first,
    ]);
  });

  it("does not count an endorsement the learner hid, nor a skill only marked done", async () => {
    const learner = await t.makeUser();
    const mentor = await t.makeUser({ role: "mentor" });
    await t.services.grants.grant({ id: learner.id, role: "learner" }, mentor.email);
    const asLearner = { id: learner.id, role: "learner" as const };
    const skillsMeasure = entryCriteria().find(
      (c) => c.measure.type === "skills-verified",
    )?.measure;
    if (skillsMeasure?.type !== "skills-verified") throw new Error("entry level changed shape");
    const [skill] = skillsMeasure.skills;
    const made = await t.services.endorsements.endorse(
      { id: mentor.id, role: "mentor" },
      learner.id,
      { skillId: skill ?? "", comment: "c", evidenceUrl: "https://example.test/x" },
    );
    const counted = async () =>
      (await readinessOf(learner)).levels
        .find((l) => l.levelId === "entry")
        ?.criteria.find((x) => x.criterionId === "core-skills-verified")?.have;
    expect(await counted()).toBe(1);
    await t.services.endorsements.setHidden(asLearner, made.id, true);
    await t.services.progress.update(asLearner, [{ skillId: skill ?? "", status: "done" }]);
    expect(await counted()).toBe(0);
  });

  it("shows a learner's readiness to a granted mentor, and a public profile's showcase view to a recruiter", async () => {
    const learner = await t.makeUser();
    const mentor = await t.makeUser({ role: "mentor" });
    const recruiter = await t.makeUser({ role: "recruiter" });
    const asLearner = { id: learner.id, role: "learner" as const };
    await t.services.grants.grant(asLearner, mentor.email);
    const skillsMeasure = entryCriteria().find(
      (c) => c.measure.type === "skills-verified",
    )?.measure;
    if (skillsMeasure?.type !== "skills-verified") throw new Error("entry level changed shape");
    await t.services.progress.update(asLearner, [
      { skillId: skillsMeasure.skills[0] ?? "", status: "done" },
    ]);
    await t.services.growth.create(asLearner, {
      dimension: "impact",
      title: "Cut the nightly job from an hour to five minutes",
      what: "Batched the inserts.",
      happenedOn: "2026-01-20",
      links: [],
    });
    const saveProfile = (visibility: "private" | "public") =>
      t.services.profiles.save(asLearner, {
        track: "node",
        hoursPerWeek: 8,
        startDate: "2026-01-05",
        targetLevel: null,
        visibility,
        headline: "",
      });
    const read = (user: TestUser) =>
      call(t.app, {
        method: "GET",
        url: `/api/v1/learners/${learner.id}/readiness`,
        headers: user.auth,
      });

    await saveProfile("private");
    const full = await read(mentor);
    expect(full.status).toBe(200);
    expect(full.text).toContain("marked done but not verified");
    expect(full.text).toContain("Cut the nightly job");
    expect((await read(recruiter)).status).toBe(404);

    await saveProfile("public");
    const shown = await read(recruiter);
    expect(shown.status).toBe(200);
    // the same levels and figures, without the learner's working records
    expect(shown.text).not.toContain("marked done");
    expect(shown.text).not.toContain("Cut the nightly job");
    const impact = (shown.body as ReadinessBody).levels
      .flatMap((l) => l.criteria)
      .find((c) => c.evidence.length === 0 && c.have === 1);
    expect(impact).toBeDefined();
    expect((await read(mentor)).text).toContain("Cut the nightly job");
  });
});

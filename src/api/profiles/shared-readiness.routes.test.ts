import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFinishedAnalysis } from "../../store/test-support/finished-analysis.js";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import {
  call,
  openTestApp,
  saveTestProfile,
  type TestApp,
  type TestUser,
} from "../test-support/test-app.js";

interface ReadinessBody {
  reachedLevel: string | null;
  levels: {
    levelId: string;
    criteria: {
      criterionId: string;
      have: number;
      need: number;
      met: boolean;
      evidence: { kind: string; id: string; label: string }[];
      missing: string[];
    }[];
  }[];
}

describe.each(TEST_DIALECTS)("readiness through a share link on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const saveProfile = (user: TestUser, visibility: string) =>
    saveTestProfile(t.app, user, visibility);
  const entrySkills = () => {
    const measure = t.services.roadmap.levels
      .find((l) => l.id === "entry")
      ?.criteria.find((c) => c.measure.type === "skills-verified")?.measure;
    if (measure?.type !== "skills-verified") throw new Error("the entry level changed shape");
    return measure.skills;
  };

  it("shows an anonymous link holder the learner's readiness without their private records, until the profile is private", async () => {
    const learner = await t.makeUser();
    const mentor = await t.makeUser({ role: "mentor" });
    const asLearner = { id: learner.id, role: "learner" as const };
    const sharePath = await saveProfile(learner, "link");
    const [verified, endorsed, markedDone] = entrySkills();
    const { analysisId } = await insertFinishedAnalysis(t.services.store.db, {
      ownerId: learner.id,
      checks: t.services.roadmap.checks,
      passing: [],
      verifiedSkills: [verified ?? ""],
    });
    await t.services.grants.grant(asLearner, mentor.email);
    await t.services.endorsements.endorse({ id: mentor.id, role: "mentor" }, learner.id, {
      skillId: endorsed ?? "",
      comment: "saw it in review",
      evidenceUrl: "https://example.test/pr/1",
    });
    const growthTitle = "Private story about the payment outage";
    await t.services.growth.create(asLearner, {
      dimension: "impact",
      title: growthTitle,
      what: "w",
      happenedOn: "2026-01-05",
      links: [],
    });
    await t.services.progress.update(asLearner, [{ skillId: markedDone ?? "", status: "done" }]);
    const url = `${sharePath}/readiness`;

    const shared = await call(t.app, { method: "GET", url });
    expect(shared.status, shared.text).toBe(200);
    const own = await call(t.app, {
      method: "GET",
      url: "/api/v1/readiness",
      headers: learner.auth,
    });
    // the learner's own view names the growth entry and the skill only marked done ...
    expect(own.text).toContain(growthTitle);
    expect(own.text).toContain(`${markedDone ?? ""} is marked done`);
    // ... the shared one neither, but judges every criterion the same
    expect(shared.text).not.toContain(growthTitle);
    expect(shared.text).not.toContain(`${markedDone ?? ""} is marked done`);
    const body = shared.body as ReadinessBody;
    const ownBody = own.body as ReadinessBody;
    const judged = (b: ReadinessBody) =>
      b.levels.flatMap((l) =>
        l.criteria.map(({ criterionId, have, need, met }) => ({ criterionId, have, need, met })),
      );
    expect(judged(body)).toEqual(judged(ownBody));
    expect(body.reachedLevel).toBe(ownBody.reachedLevel);
    const evidenceOf = (b: ReadinessBody) =>
      b.levels.flatMap((l) => l.criteria.flatMap((c) => c.evidence));
    expect(evidenceOf(body)).toEqual(evidenceOf(ownBody).filter((e) => e.kind !== "growth"));
    expect(evidenceOf(body).map((e) => e.id)).toEqual(expect.arrayContaining([analysisId]));
    expect(evidenceOf(body).some((e) => e.kind === "endorsement")).toBe(true);
    const impact = body.levels
      .flatMap((l) => l.criteria)
      .find((c) => c.criterionId === "end-to-end-ownership");
    expect(impact).toMatchObject({ have: 1, evidence: [] });

    await saveProfile(learner, "private");
    const closed = await call(t.app, { method: "GET", url });
    expect(closed.status).toBe(404);
    expect(closed.text).not.toContain("criteria");
  });

  it("answers 404 for a slug that belongs to no profile", async () => {
    const response = await call(t.app, {
      method: "GET",
      url: "/api/v1/shared-profiles/no-such-slug/readiness",
    });
    expect(response.status).toBe(404);
  });
});

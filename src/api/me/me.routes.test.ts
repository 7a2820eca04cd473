import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFinishedAnalysis } from "../../store/test-support/finished-analysis.js";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

describe.each(TEST_DIALECTS)("account routes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  /** a learner with a profile, progress, a granted mentor's endorsement, growth and a cert */
  async function busyLearner(): Promise<{ learner: TestUser; mentor: TestUser; endorsed: string }> {
    const learner = await t.makeUser();
    const mentor = await t.makeUser({ role: "mentor" });
    const asLearner = { id: learner.id, role: "learner" as const };
    const [endorsed, selfDone] = t.services.roadmap.skills.map((s) => s.id);
    await t.services.profiles.save(asLearner, {
      track: "node",
      hoursPerWeek: 8,
      startDate: "2026-01-05",
      targetLevel: null,
      visibility: "public",
      headline: "APIs in TypeScript",
    });
    await t.services.progress.update(asLearner, [
      { skillId: selfDone ?? "", status: "done", note: "private thoughts", knownBeforeStart: true },
    ]);
    await t.services.grants.grant(asLearner, mentor.email);
    await t.services.endorsements.endorse({ id: mentor.id, role: "mentor" }, learner.id, {
      skillId: endorsed ?? "",
      comment: "saw the PR",
      evidenceUrl: "https://example.test/pr/3",
    });
    const entry = await t.services.growth.create(asLearner, {
      dimension: "collaboration",
      title: "Paired with a new hire",
      what: "Two weeks of pairing on the billing service.",
      happenedOn: "2026-01-20",
      links: [],
    });
    await t.services.growth.comment({ id: mentor.id, role: "mentor" }, entry.id, "Well done");
    const cert = t.services.roadmap.certifications[0];
    await t.services.certifications.save(asLearner, cert?.id ?? "", {
      status: "earned",
      earnedOn: "2026-01-10",
      credentialUrl: "https://issuer.example/c/9",
    });
    await t.services.practice.review(asLearner, endorsed ?? "", 0, 4);
    return { learner, mentor, endorsed: endorsed ?? "" };
  }

  it("exports every kind of the user's data and never the password hash", async () => {
    const { learner } = await busyLearner();
    const response = await call(t.app, {
      method: "GET",
      url: "/api/v1/me/export",
      headers: learner.auth,
    });
    expect(response.status).toBe(200);
    const body = response.body as Record<string, unknown[]> & { user: { email: string } };
    expect(body.user.email).toBe(learner.email);
    for (const key of [
      "progress",
      "progressHistory",
      "grants",
      "endorsementsReceived",
      "growthEntries",
      "growthComments",
      "certifications",
      "practiceCards",
    ]) {
      expect(body[key]?.length, key).toBeGreaterThan(0);
    }
    expect(response.text).toContain("private thoughts");
    expect(
      body.progress?.find((p) => (p as { note: string }).note === "private thoughts"),
    ).toMatchObject({
      status: "done",
      knownBeforeStart: true,
    });
    expect(response.text).not.toMatch(/password|scrypt/i);
  });

  it("builds a JSON Resume from verified evidence only", async () => {
    const { learner, endorsed } = await busyLearner();
    const passing = t.services.roadmap.checks[0]?.id ?? "";
    await insertFinishedAnalysis(t.services.store.db, {
      ownerId: learner.id,
      checks: t.services.roadmap.checks,
      passing: [passing],
      location: "https://git.example/ada/shop-api.git",
    });
    // a repository on the server's disk is not something to show on a resume
    await insertFinishedAnalysis(t.services.store.db, {
      ownerId: learner.id,
      checks: t.services.roadmap.checks,
      passing: [],
      location: "/srv/repos/internal",
    });
    const resume = (
      await call(t.app, { method: "GET", url: "/api/v1/me/resume", headers: learner.auth })
    ).body as {
      basics: { name: string; label: string };
      skills: { name: string; keywords: string[] }[];
      certificates: { name: string; url?: string }[];
      projects: { name: string; url: string; keywords: string[] }[];
    };
    expect(resume.projects).toEqual([
      expect.objectContaining({
        name: "shop-api",
        url: "https://git.example/ada/shop-api.git",
        keywords: [passing],
      }),
    ]);
    const endorsedTitle = t.services.roadmap.skills.find((s) => s.id === endorsed)?.title;
    expect(resume.basics.label).toBe("APIs in TypeScript");
    // the self-marked skill is not there: only the endorsed one
    expect(resume.skills.map((s) => s.name)).toEqual([endorsedTitle]);
    expect(resume.skills[0]?.keywords).toEqual(["endorsed by A mentor"]);
    expect(resume.certificates).toEqual([
      expect.objectContaining({ url: "https://issuer.example/c/9" }),
    ]);
  });

  it("deletes the account with all its data in one go and ends every session", async () => {
    const { learner, mentor } = await busyLearner();
    const db = t.services.store.db;
    const remove = () =>
      call(t.app, { method: "DELETE", url: "/api/v1/me", headers: learner.auth });
    expect((await remove()).status).toBe(204);
    expect((await remove()).status).toBe(401);
    await expect(t.services.auth.refresh(learner.refreshToken)).rejects.toMatchObject({
      code: "unauthorized",
    });
    const left = await Promise.all(
      [
        db.selectFrom("users").select("id").where("id", "=", learner.id),
        db.selectFrom("profiles").select("user_id").where("user_id", "=", learner.id),
        db.selectFrom("progress").select("user_id").where("user_id", "=", learner.id),
        db.selectFrom("progress_history").select("user_id").where("user_id", "=", learner.id),
        db.selectFrom("grants").select("learner_id").where("learner_id", "=", learner.id),
        db.selectFrom("endorsements").select("id").where("learner_id", "=", learner.id),
        db.selectFrom("growth_entries").select("id").where("user_id", "=", learner.id),
        db.selectFrom("growth_comments").select("id").where("author_id", "=", mentor.id),
        db.selectFrom("user_certifications").select("user_id").where("user_id", "=", learner.id),
        db.selectFrom("practice_cards").select("user_id").where("user_id", "=", learner.id),
        db.selectFrom("refresh_tokens").select("id").where("user_id", "=", learner.id),
      ].map(async (query) => (await query.execute()).length),
    );
    expect(left).toEqual(left.map(() => 0));
    // the mentor's own account is untouched
    expect(
      (await call(t.app, { method: "GET", url: "/api/v1/auth/me", headers: mentor.auth })).status,
    ).toBe(200);
  });
});

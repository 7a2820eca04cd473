import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysesRepository, queuedAnalysis } from "../../store/analyses.repository.js";
import { newId } from "../../store/ids.js";
import { repositoriesRepository } from "../../store/repositories.repository.js";
import { insertFinishedAnalysis } from "../../store/test-support/finished-analysis.js";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

interface LearnerRepositoryBody {
  id: string;
  url: string;
  latestAnalysis: {
    id: string;
    status: string;
    score: number | null;
    commit: string | null;
    finishedAt: string | null;
    links: { self: string; report: string };
  } | null;
}
interface PageBody {
  items: LearnerRepositoryBody[];
  nextCursor: string | null;
}

describe.each(TEST_DIALECTS)("a learner's repositories for their mentor on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const asCaller = (user: TestUser) => ({ id: user.id, role: user.role });
  const read = (learner: TestUser, caller: TestUser, query = "") =>
    call(t.app, {
      method: "GET",
      url: `/api/v1/learners/${learner.id}/repositories${query}`,
      headers: caller.auth,
    });

  /** a learner with a public profile, one analysed repository and one not yet analysed */
  const learnerWithRepositories = async () => {
    const learner = await t.makeUser();
    await t.services.profiles.save(asCaller(learner), {
      track: "node",
      hoursPerWeek: 8,
      startDate: "2026-11-02",
      targetLevel: null,
      visibility: "public",
      headline: "",
    });
    const analysed = await insertFinishedAnalysis(t.services.store.db, {
      ownerId: learner.id,
      checks: t.services.roadmap.checks,
      passing: [],
    });
    // linked a second later, so it comes second (ids sort by time)
    const fresh = await repositoriesRepository(
      t.services.store.db,
      t.services.store.dialect,
    ).create({
      id: newId(Date.now() + 1000),
      owner_id: learner.id,
      kind: "url",
      location: `https://git.example/${learner.id}/fresh.git`,
      created_at: new Date().toISOString(),
    });
    if (!fresh) throw new Error("the repository was not created");
    return { learner, analysed, fresh };
  };

  it("shows the learner, a granted mentor and an admin each repository with its latest analysis", async () => {
    const { learner, analysed, fresh } = await learnerWithRepositories();
    const mentor = await t.makeUser({ role: "mentor" });
    const admin = await t.makeUser({ role: "admin" });
    await t.services.grants.grant(asCaller(learner), mentor.email);

    const asMentor = await read(learner, mentor);
    expect(asMentor.status, asMentor.text).toBe(200);
    expect(asMentor.body).toEqual({
      items: [
        expect.objectContaining({
          id: analysed.repositoryId,
          url: analysed.location,
          latestAnalysis: expect.objectContaining({
            id: analysed.analysisId,
            status: "done",
            score: 80,
            commit: "a".repeat(40),
            finishedAt: expect.any(String) as string,
            links: expect.objectContaining({
              report: `/api/v1/analyses/${analysed.analysisId}/report`,
            }) as object,
          }) as object,
        }),
        expect.objectContaining({ id: fresh.id, url: fresh.location, latestAnalysis: null }),
      ],
      nextCursor: null,
    });
    // the analysis it links to opens for the mentor too
    const opened = await call(t.app, {
      method: "GET",
      url: `/api/v1/analyses/${analysed.analysisId}`,
      headers: mentor.auth,
    });
    expect(opened.status).toBe(200);

    expect((await read(learner, learner)).body).toEqual(asMentor.body);
    expect((await read(learner, admin)).body).toEqual(asMentor.body);
  });

  it("names the newest analysis, whatever its status, and pages like the owner's list", async () => {
    const { learner, analysed } = await learnerWithRepositories();
    const rerun = await analysesRepository(t.services.store.db).create(
      queuedAnalysis(
        { id: analysed.repositoryId, owner_id: learner.id },
        null,
        new Date(Date.now() + 2000),
      ),
    );

    const first = (await read(learner, learner, "?limit=1")).body as PageBody;
    expect(first.items.map((r) => r.id)).toEqual([analysed.repositoryId]);
    expect(first.items[0]?.latestAnalysis).toMatchObject({ id: rerun.id, status: "queued" });
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await read(learner, learner, `?limit=1&cursor=${encodeURIComponent(first.nextCursor ?? "")}`)
    ).body as PageBody;
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.id).not.toBe(analysed.repositoryId);
    expect(second.nextCursor).toBeNull();
  });

  it("answers 404 to a mentor without a grant, a recruiter and another learner, even for a public profile", async () => {
    const { learner } = await learnerWithRepositories();
    const strangers = [
      await t.makeUser({ role: "mentor" }),
      await t.makeUser({ role: "recruiter" }),
      await t.makeUser(),
    ];
    for (const stranger of strangers) {
      const response = await read(learner, stranger);
      expect(response.status, stranger.role).toBe(404);
      expect(response.text).not.toContain("git.example");
    }
    // revoking a grant closes the list again
    const mentor = await t.makeUser({ role: "mentor" });
    await t.services.grants.grant(asCaller(learner), mentor.email);
    expect((await read(learner, mentor)).status).toBe(200);
    await t.services.grants.revoke(asCaller(learner), mentor.id);
    expect((await read(learner, mentor)).status).toBe(404);
  });
});

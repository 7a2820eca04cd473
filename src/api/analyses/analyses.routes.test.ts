import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { files as expressApi } from "../../analyzer/test-support/fixtures/node-express-api.js";
import { makeFolder, makeRepo, type TempRepo } from "../../analyzer/test-support/make-repo.js";
import { newId } from "../../store/ids.js";
import { repositoriesRepository } from "../../store/repositories.repository.js";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

interface AnalysisBody {
  id: string;
  repositoryId: string;
  status: string;
  progress: number;
  attempts: number;
  error: string | null;
  commit: string | null;
  score: number | null;
  reusedFrom: string | null;
  links: { self: string; report: string; badge: string };
}

describe.each(TEST_DIALECTS)("repositories and analyses on %s", (dialect) => {
  let t: TestApp;
  const repos: TempRepo[] = [];
  const fixture = (made: TempRepo) => {
    repos.push(made);
    return made;
  };
  beforeAll(async () => {
    t = await openTestApp(dialect, {
      jobs: { attempts: 2, retryDelaySeconds: 1, timeoutSeconds: 60 },
      // long enough that a busy machine cannot let a running job's lease lapse mid-test
      inProcessQueue: { leaseMs: 10_000, pollMs: 100 },
      log: () => undefined,
    });
    await t.services.jobs.startWorkers(2);
  });
  afterAll(async () => {
    await t.cleanup();
    for (const repo of repos) repo.cleanup();
  });

  const link = async (user: TestUser, url: string) => {
    const response = await call(t.app, {
      method: "POST",
      url: "/api/v1/repositories",
      headers: user.auth,
      payload: { url },
    });
    expect(response.status, response.text).toBe(201);
    return (response.body as { id: string }).id;
  };
  /** a server-path repository of a learner, as an admin would set it up for them */
  const linkPathFor = async (user: TestUser, path: string) => {
    const row = await repositoriesRepository(t.services.store.db, t.services.store.dialect).create({
      id: newId(),
      owner_id: user.id,
      kind: "path",
      location: path,
      created_at: new Date().toISOString(),
    });
    if (!row) throw new Error("repository was not created");
    return row.id;
  };
  const queue = async (user: TestUser, repositoryId: string) => {
    const response = await call(t.app, {
      method: "POST",
      url: `/api/v1/repositories/${repositoryId}/analyses`,
      headers: user.auth,
    });
    expect(response.status, response.text).toBe(202);
    return response.body as AnalysisBody;
  };
  const finished = async (user: TestUser, id: string): Promise<AnalysisBody> => {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const response = await call(t.app, {
        method: "GET",
        url: `/api/v1/analyses/${id}`,
        headers: user.auth,
      });
      const body = response.body as AnalysisBody;
      if (body.status === "done" || body.status === "failed") return body;
      if (Date.now() > deadline) throw new Error(`analysis ${id} is still ${body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it("queues an analysis at once and finishes it with a report, Markdown, a badge and verified skills", async () => {
    const admin = await t.makeUser({ role: "admin" });
    const repo = fixture(makeRepo(expressApi));
    const repositoryId = await link(admin, repo.dir);
    const queued = await queue(admin, repositoryId);
    expect(queued).toMatchObject({ status: "queued", progress: 0, attempts: 0 });
    expect(queued.commit).toBe(repo.git("rev-parse", "HEAD").trim());

    const done = await finished(admin, queued.id);
    expect(done).toMatchObject({ status: "done", progress: 100, attempts: 1, error: null });
    const report = await call(t.app, {
      method: "GET",
      url: done.links.report,
      headers: admin.auth,
    });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      schemaVersion: 1,
      repository: { commit: queued.commit },
      score: done.score,
    });
    expect((report.body as { endpoints: unknown[] }).endpoints.length).toBeGreaterThan(0);
    const markdown = await call(t.app, {
      method: "GET",
      url: `${done.links.report}?format=md`,
      headers: admin.auth,
    });
    expect(markdown.headers["content-type"]).toContain("text/markdown");
    expect(markdown.text).toContain(`${done.score ?? -1}`);
    const badge = await call(t.app, { method: "GET", url: done.links.badge, headers: admin.auth });
    expect(badge.headers["content-type"]).toContain("image/svg+xml");
    expect(badge.text).toContain(`${done.score ?? -1}/100`);

    const verified = await call(t.app, {
      method: "GET",
      url: "/api/v1/skills/verified",
      headers: admin.auth,
    });
    const items = (
      verified.body as {
        items: { skillId: string; evidence: { analysisId: string; facts: { fact: string }[] }[] }[];
      }
    ).items;
    const restApi = items.find((s) => s.skillId === "rest-api-design");
    expect(restApi?.evidence).toEqual([
      expect.objectContaining({
        analysisId: done.id,
        facts: [expect.objectContaining({ fact: "rest_api" })],
      }),
    ]);
    // the fixture has no database, so the skills that need one are not verified
    expect(items.map((s) => s.skillId)).not.toContain("sql-fundamentals");
  });

  it("reuses the stored report of an unchanged commit and analyses a new commit again", async () => {
    const admin = await t.makeUser({ role: "admin" });
    const repo = fixture(makeRepo(expressApi));
    const repositoryId = await link(admin, repo.dir);
    const first = await finished(admin, (await queue(admin, repositoryId)).id);
    const again = await queue(admin, repositoryId);
    expect(again).toMatchObject({
      status: "done",
      reusedFrom: first.id,
      commit: first.commit,
      score: first.score,
      attempts: 0,
    });
    expect(again.id).not.toBe(first.id);

    repo.git(
      "-c",
      "user.name=Ada",
      "-c",
      "user.email=ada@example.com",
      "commit",
      "-q",
      "--allow-empty",
      "-m",
      "chore: touch",
    );
    const changed = await queue(admin, repositoryId);
    expect(changed.status).toBe("queued");
    expect(changed.reusedFrom).toBeNull();
    expect((await finished(admin, changed.id)).commit).toBe(repo.git("rev-parse", "HEAD").trim());

    const history = await call(t.app, {
      method: "GET",
      url: `/api/v1/repositories/${repositoryId}/analyses`,
      headers: admin.auth,
    });
    expect((history.body as { items: { id: string }[] }).items.map((a) => a.id)).toEqual([
      changed.id,
      again.id,
      first.id,
    ]);
  });

  it("stores the error of a failed analysis: at once for bad input, after its retries for an unreachable remote", async () => {
    const admin = await t.makeUser({ role: "admin" });
    const empty = fixture(makeFolder({}));
    const bad = await finished(admin, (await queue(admin, await link(admin, empty.dir))).id);
    expect(bad).toMatchObject({ status: "failed", attempts: 1, score: null });
    expect(bad.error).toMatch(/repository is empty/);

    const learner = await t.makeUser();
    const unreachable = await queue(
      learner,
      await link(learner, "https://127.0.0.1:9/acme/shop.git"),
    );
    const failed = await finished(learner, unreachable.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 2 });
    expect(failed.error).toMatch(/^cannot clone https:\/\/127\.0\.0\.1:9\/acme\/shop\.git: /);
    const report = await call(t.app, {
      method: "GET",
      url: failed.links.report,
      headers: learner.auth,
    });
    expect(report.status).toBe(409);
  });

  it("lets learners link only https URLs without credentials, and never the same one twice", async () => {
    const learner = await t.makeUser();
    const post = (url: string) =>
      call(t.app, {
        method: "POST",
        url: "/api/v1/repositories",
        headers: learner.auth,
        payload: { url },
      });
    for (const refused of [
      "/srv/git/shop",
      "file:///srv/git/shop.git",
      "git@github.com:acme/shop.git",
      "http://github.com/acme/shop.git",
      "https://ghp_token@github.com/acme/shop.git",
      "ext::sh -c touch% /tmp/x",
    ]) {
      const response = await post(refused);
      expect(response.status, refused).toBe(400);
      expect(response.text).not.toContain("ghp_token");
    }
    expect((await post("https://github.com/acme/shop.git")).status).toBe(201);
    expect((await post("https://github.com/acme/shop.git")).status).toBe(409);
    const mentor = await t.makeUser({ role: "mentor" });
    const forbidden = await call(t.app, {
      method: "POST",
      url: "/api/v1/repositories",
      headers: mentor.auth,
      payload: { url: "https://github.com/acme/shop.git" },
    });
    expect(forbidden.status).toBe(403);
  });

  it("shows a learner's analysis to a granted mentor and to recruiters once the profile is public", async () => {
    const learner = await t.makeUser();
    const mentor = await t.makeUser({ role: "mentor" });
    const recruiter = await t.makeUser({ role: "recruiter" });
    const repo = fixture(makeRepo(expressApi));
    const analysis = await queue(learner, await linkPathFor(learner, repo.dir));
    await finished(learner, analysis.id);
    const status = async (user: TestUser | null, url: string) =>
      (await call(t.app, { method: "GET", url, headers: user?.auth ?? {} })).status;

    await t.services.profiles.save(
      { id: learner.id, role: "learner" },
      {
        track: "node",
        hoursPerWeek: 6,
        startDate: "2026-12-01",
        targetLevel: null,
        visibility: "private",
        headline: "",
      },
    );
    expect(await status(mentor, analysis.links.report)).toBe(404);
    expect(await status(recruiter, analysis.links.self)).toBe(404);
    expect(await status(null, analysis.links.badge)).toBe(404);
    await t.services.grants.grant({ id: learner.id, role: "learner" }, mentor.email);
    expect(await status(mentor, analysis.links.report)).toBe(200);

    await t.services.profiles.save(
      { id: learner.id, role: "learner" },
      {
        track: "node",
        hoursPerWeek: 6,
        startDate: "2026-12-01",
        targetLevel: null,
        visibility: "public",
        headline: "",
      },
    );
    expect(await status(recruiter, analysis.links.report)).toBe(200);
    expect(await status(null, analysis.links.badge)).toBe(200);
    // only the owner queues analyses and unlinks repositories
    expect(
      (
        await call(t.app, {
          method: "POST",
          url: `/api/v1/repositories/${analysis.repositoryId}/analyses`,
          headers: recruiter.auth,
        })
      ).status,
    ).toBe(404);
  });

  it.runIf(dialect === "sqlite")(
    "takes again a job whose worker stopped mid-run once its lease has run out",
    async () => {
      const admin = await t.makeUser({ role: "admin" });
      const repo = fixture(makeRepo(expressApi));
      const repositoryId = await link(admin, repo.dir);
      const analyses = t.services.store.db;
      const id = newId();
      const past = new Date(Date.now() - 60_000).toISOString();
      // as a worker leaves it when its process dies: running, one attempt, a lease in the past
      await analyses
        .insertInto("analyses")
        .values({
          id,
          repository_id: repositoryId,
          owner_id: admin.id,
          commit_sha: null,
          status: "running",
          progress: 30,
          phase: "scanning 12 files",
          attempts: 1,
          error: null,
          report: null,
          score: null,
          reused_from: null,
          created_at: past,
          started_at: past,
          finished_at: null,
          run_after: past,
          locked_until: new Date(Date.now() - 1_000).toISOString(),
        })
        .execute();
      const done = await finished(admin, id);
      expect(done).toMatchObject({ status: "done", attempts: 2 });
    },
  );
});

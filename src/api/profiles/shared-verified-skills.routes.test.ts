import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { files as expressApi } from "../../analyzer/test-support/fixtures/node-express-api.js";
import { makeRepo, type TempRepo } from "../../analyzer/test-support/make-repo.js";
import { newId } from "../../store/ids.js";
import { repositoriesRepository } from "../../store/repositories.repository.js";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import {
  call,
  openTestApp,
  saveTestProfile,
  type TestApp,
  type TestUser,
} from "../test-support/test-app.js";

interface VerifiedSkillBody {
  skillId: string;
  evidence: { analysisId: string; report: string; facts: { fact: string }[] }[];
}

describe.each(TEST_DIALECTS)("verified skills through a share link on %s", (dialect) => {
  let t: TestApp;
  let repo: TempRepo | undefined;
  beforeAll(async () => {
    t = await openTestApp(dialect, {
      jobs: { attempts: 2, retryDelaySeconds: 1, timeoutSeconds: 60 },
      inProcessQueue: { leaseMs: 10_000, pollMs: 100 },
      log: () => undefined,
    });
    await t.services.jobs.startWorkers(1);
  });
  afterAll(async () => {
    await t.cleanup();
    repo?.cleanup();
  });

  const saveProfile = (user: TestUser, visibility: string) =>
    saveTestProfile(t.app, user, visibility);

  /** analyses a real fixture repository of the learner and waits for the report */
  const analyse = async (user: TestUser): Promise<string> => {
    repo = makeRepo(expressApi);
    const row = await repositoriesRepository(t.services.store.db, t.services.store.dialect).create({
      id: newId(),
      owner_id: user.id,
      kind: "path",
      location: repo.dir,
      created_at: new Date().toISOString(),
    });
    if (!row) throw new Error("repository was not created");
    const queued = await call(t.app, {
      method: "POST",
      url: `/api/v1/repositories/${row.id}/analyses`,
      headers: user.auth,
    });
    expect(queued.status, queued.text).toBe(202);
    const id = (queued.body as { id: string }).id;
    const deadline = Date.now() + 45_000;
    for (;;) {
      const response = await call(t.app, {
        method: "GET",
        url: `/api/v1/analyses/${id}`,
        headers: user.auth,
      });
      const status = (response.body as { status: string }).status;
      if (status === "done") return id;
      if (status === "failed") throw new Error(`analysis ${id} failed: ${response.text}`);
      if (Date.now() > deadline) throw new Error(`analysis ${id} is still ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it("shows an anonymous link holder the skills the learner's analyses prove, until the profile is private", async () => {
    const learner = await t.makeUser();
    const sharePath = await saveProfile(learner, "link");
    const analysisId = await analyse(learner);
    const url = `${sharePath}/verified-skills`;

    const shared = await call(t.app, { method: "GET", url });
    expect(shared.status, shared.text).toBe(200);
    const items = (shared.body as { items: VerifiedSkillBody[] }).items;
    expect(items.find((s) => s.skillId === "rest-api-design")?.evidence).toEqual([
      expect.objectContaining({
        analysisId,
        report: `/api/v1/analyses/${analysisId}/report`,
        facts: [expect.objectContaining({ fact: "rest_api" })],
      }),
    ]);
    // the same list the learner sees as their own
    const own = await call(t.app, {
      method: "GET",
      url: "/api/v1/skills/verified",
      headers: learner.auth,
    });
    expect(shared.body).toEqual(own.body);

    await saveProfile(learner, "private");
    const closed = await call(t.app, { method: "GET", url });
    expect(closed.status).toBe(404);
    expect(closed.text).not.toContain("rest-api-design");
  });

  it("answers 404 for a slug that belongs to no profile", async () => {
    const response = await call(t.app, {
      method: "GET",
      url: "/api/v1/shared-profiles/no-such-slug/verified-skills",
    });
    expect(response.status).toBe(404);
  });
});

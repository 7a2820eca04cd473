import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../../store/test-support/test-databases.js";
import { call, openTestApp, type TestApp, type TestUser } from "../test-support/test-app.js";

interface Cert {
  certificationId: string;
  status: string;
  expiresOn: string | null;
  expired: boolean;
  expiresSoon: boolean;
  markedDone?: string[];
}

describe.each(TEST_DIALECTS)("certification routes on %s", (dialect) => {
  let t: TestApp;
  let expiring: { id: string; skills: readonly string[]; validityMonths: number };
  let lasting: string;
  beforeAll(async () => {
    t = await openTestApp(dialect, { clock: { now: () => new Date("2026-06-15T12:00:00Z") } });
    const withValidity = t.services.roadmap.certifications.find((c) => c.validityMonths !== null);
    const without = t.services.roadmap.certifications.find((c) => c.validityMonths === null);
    if (!withValidity?.validityMonths || !without) throw new Error("the catalogue changed shape");
    expiring = { ...withValidity, validityMonths: withValidity.validityMonths };
    lasting = without.id;
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const put = (user: TestUser, id: string, payload: Record<string, unknown>) =>
    call(t.app, {
      method: "PUT",
      url: `/api/v1/certifications/${id}`,
      headers: user.auth,
      payload,
    });
  /** the date `months` before 2026-06-15 plus `days` */
  const earnedAgo = (months: number, days = 0) => {
    const d = new Date(Date.UTC(2026, 5 - months, 15 + days));
    return d.toISOString().slice(0, 10);
  };

  it("derives expires soon within 60 days of expiry, and expired after it", async () => {
    const learner = await t.makeUser();
    const soon = await put(learner, expiring.id, {
      status: "earned",
      earnedOn: earnedAgo(expiring.validityMonths, 20),
      credentialUrl: "https://issuer.example/verify/1",
    });
    expect(soon.status).toBe(200);
    expect(soon.body).toMatchObject({ expired: false, expiresSoon: true });
    const old = (
      await put(learner, expiring.id, {
        status: "earned",
        earnedOn: earnedAgo(expiring.validityMonths, -1),
      })
    ).body as Cert;
    expect(old).toMatchObject({ expired: true, expiresSoon: false });
    const forever = (await put(learner, lasting, { status: "earned", earnedOn: "2001-01-01" }))
      .body as Cert;
    expect(forever).toMatchObject({ expiresOn: null, expired: false, expiresSoon: false });
  });

  it("marks the covered skills done on earning, keeping notes and skipping those already done", async () => {
    const learner = await t.makeUser();
    const [first, second] = expiring.skills;
    await t.services.progress.update({ id: learner.id, role: "learner" }, [
      { skillId: first ?? "", status: "learning", note: "half way" },
      { skillId: second ?? "", status: "done" },
    ]);
    const planned = (
      await put(learner, expiring.id, { status: "planned", targetDate: "2026-09-01" })
    ).body as Cert;
    expect(planned.markedDone).toEqual([]);
    const earned = (await put(learner, expiring.id, { status: "earned", earnedOn: "2026-06-01" }))
      .body as Cert;
    expect(earned.markedDone).toEqual(expiring.skills.filter((s) => s !== second));
    const progress = await t.services.progress.list(
      { id: learner.id, role: "learner" },
      { limit: 100 },
    );
    const firstRow = progress.items.find((p) => p.skill_id === first);
    expect(firstRow).toMatchObject({ status: "done", note: "half way" });
    expect(
      progress.items
        .filter((p) => p.status === "done")
        .map((p) => p.skill_id)
        .sort(),
    ).toEqual([...expiring.skills].sort());
  });

  it("names every inconsistent date at once and changes nothing", async () => {
    const learner = await t.makeUser();
    const bad = await put(learner, expiring.id, {
      status: "planned",
      earnedOn: "2026-01-01",
      startedOn: "2027-01-01",
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { where: string }[] }).errors.map((e) => e.where).sort()).toEqual(
      ["earnedOn", "startedOn", "startedOn"],
    );
    expect((await put(learner, expiring.id, { status: "earned" })).status).toBe(400);
    expect((await put(learner, "no-such-cert", { status: "planned" })).status).toBe(400);
    const list = (
      await call(t.app, { method: "GET", url: "/api/v1/certifications", headers: learner.auth })
    ).body as { items: Cert[] };
    expect(list.items).toEqual([]);
  });

  it("removes a certification from the list but leaves progress alone", async () => {
    const learner = await t.makeUser();
    await put(learner, lasting, { status: "earned", earnedOn: "2026-01-01" });
    const remove = () =>
      call(t.app, {
        method: "DELETE",
        url: `/api/v1/certifications/${lasting}`,
        headers: learner.auth,
      });
    expect((await remove()).status).toBe(204);
    expect((await remove()).status).toBe(404);
    const progress = await t.services.progress.list(
      { id: learner.id, role: "learner" },
      { limit: 100 },
    );
    expect(progress.items.length).toBeGreaterThan(0);
  });
});

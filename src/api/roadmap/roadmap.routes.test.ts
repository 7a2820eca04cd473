import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, openTestApp, type TestApp } from "../test-support/test-app.js";

// The roadmap reads no database rows, so one dialect covers it.
describe("roadmap route", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp("sqlite");
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("serves a track's skills with an ETag and answers 304 when it still matches", async () => {
    const first = await call(t.app, { method: "GET", url: "/api/v1/roadmap?track=python" });
    expect(first.status).toBe(200);
    const body = first.body as { version: string; track: { id: string }; skills: { id: string }[] };
    expect(body.track.id).toBe("python");
    const expected = t.services.roadmap.skills
      .filter((s) => s.tracks.includes("python"))
      .map((s) => s.id);
    expect(body.skills.map((s) => s.id)).toEqual(expected);
    const etag = String(first.headers.etag);
    expect(etag).toBe(`"${t.services.roadmap.version}-python"`);

    const again = await t.app.inject({
      method: "GET",
      url: "/api/v1/roadmap?track=python",
      headers: { "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const otherTrack = await t.app.inject({
      method: "GET",
      url: "/api/v1/roadmap?track=java",
      headers: { "if-none-match": etag },
    });
    expect(otherTrack.statusCode).toBe(200);
  });

  it("gives each skill its evidence signals with their meaning and its interview questions", async () => {
    const response = await call(t.app, { method: "GET", url: "/api/v1/roadmap?track=node" });
    const skills = (
      response.body as {
        skills: {
          id: string;
          signals: { id: string; description: string }[];
          questions: { question: string; answer: string }[];
        }[];
      }
    ).skills;
    const withSignals = t.services.roadmap.skills.find(
      (s) => s.tracks.includes("node") && s.signals.length > 0,
    );
    if (!withSignals) throw new Error("the content has no node skill with evidence signals");
    const served = skills.find((s) => s.id === withSignals.id);
    expect(served?.signals.map((s) => s.id)).toEqual(withSignals.signals);
    // the description comes from the fact catalogue, not the id repeated
    for (const signal of served?.signals ?? []) expect(signal.description).not.toBe(signal.id);
    expect(served?.questions).toEqual(
      withSignals.questions.map((q) => ({ question: q.question, answer: q.answer })),
    );
  });

  it("rejects an unknown track and lists the accepted ones", async () => {
    const response = await call(t.app, { method: "GET", url: "/api/v1/roadmap?track=cobol" });
    expect(response.status).toBe(400);
    expect(
      (response.body as { errors: { where: string; accepted: string }[] }).errors[0],
    ).toMatchObject({
      where: "querystring.track",
      accepted: "one of: python, java, node",
    });
  });
});

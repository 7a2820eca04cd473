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

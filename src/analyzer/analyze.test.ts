import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoadmap } from "../content/content-loader.js";
import { analyze } from "./analyze.js";
import { files as expressApi } from "./test-support/fixtures/node-express-api.js";
import { makeRepo, type TempRepo } from "./test-support/make-repo.js";

const { checks } = loadRoadmap();

describe("analyze with an abort signal", () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo(expressApi);
  });
  afterAll(() => {
    repo.cleanup();
  });

  it("reads nothing when the signal is already aborted", async () => {
    const reason = new Error("cancelled before it started");
    const phases: string[] = [];
    await expect(
      analyze(repo.dir, checks, {
        signal: AbortSignal.abort(reason),
        onProgress: (phase) => phases.push(phase),
      }),
    ).rejects.toBe(reason);
    expect(phases).toEqual([]);
  });

  it("stops between phases and rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("time is up");
    const phases: string[] = [];
    const run = analyze(repo.dir, checks, {
      signal: controller.signal,
      onProgress: (phase) => {
        phases.push(phase);
        if (phase.startsWith("scanning")) controller.abort(reason);
      },
    });
    await expect(run).rejects.toBe(reason);
    expect(phases.some((p) => p.startsWith("reading git history"))).toBe(false);
  });

  it("finishes as usual when the signal is never aborted", async () => {
    const report = await analyze(repo.dir, checks, { signal: new AbortController().signal });
    expect(report.signals.rest_api.value).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNALS, SIGNAL_IDS } from "../../content/signals.js";
import { loadRoadmap } from "../../content/content-loader.js";
import { analyze } from "../analyze.js";
import type { EvidenceReport } from "../report.js";
import { absentSignals, detectorSignalsOf, expectSignals } from "./expect-signals.js";
import { makeRepo, type TempRepo } from "./make-repo.js";

describe("a fixture's signal expectation", () => {
  it("keeps what the fixture shows and makes every other signal absent, by its type", () => {
    const signals = expectSignals({ rest_api: true, http_endpoints: 3, orms: ["prisma"] });
    expect(Object.keys(signals).sort()).toEqual([...SIGNAL_IDS].sort());
    expect(signals.rest_api).toBe(true);
    expect(signals.http_endpoints).toBe(3);
    expect(signals.orms).toEqual(["prisma"]);
    const absent = { boolean: false, number: 0, list: [] };
    for (const id of SIGNAL_IDS) {
      if (id === "rest_api" || id === "http_endpoints" || id === "orms") continue;
      expect(signals[id], id).toEqual(absent[SIGNALS[id].type]);
    }
  });

  it("gives each fixture lists of its own, so one fixture cannot change another's", () => {
    const first = absentSignals();
    expect(first.orms).not.toBe(absentSignals().orms);
  });

  it("leaves only the derived signals out of what the detectors alone must find", () => {
    const detectorSignals = detectorSignalsOf(expectSignals({ tests: true }));
    expect(Object.keys(detectorSignals).sort()).toEqual(
      SIGNAL_IDS.filter(
        (id) =>
          ![
            "rest_api",
            "http_endpoints",
            "crud",
            "api_tests",
            "tested_endpoints",
            "api_error_tests",
          ].includes(id),
      ).sort(),
    );
    expect(detectorSignals.tests).toBe(true);
  });
});

describe("the absent values", () => {
  let repo: TempRepo | undefined;
  let report: EvidenceReport;

  beforeAll(async () => {
    repo = makeRepo({ "notes.txt": "shopping: milk, bread\n" });
    report = await analyze(repo.dir, loadRoadmap().checks);
  });
  afterAll(() => repo?.cleanup());

  it("are what the analyzer reports for a repository that shows nothing", () => {
    const values = Object.fromEntries(SIGNAL_IDS.map((id) => [id, report.signals[id].value]));
    expect(values).toEqual(absentSignals());
  });
});

import { describe, expect, it } from "vitest";
import type { Signals } from "../../report.js";
import { runDetectors } from "../../run-detectors.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import {
  signalsDjangoDrf,
  signalsDjangoDrfApiCalls,
  signalsDjangoDrfExpected,
} from "../../test-support/fixtures/signals-django-drf.js";
import {
  signalsNodePrisma,
  signalsNodePrismaApiCalls,
  signalsNodePrismaExpected,
} from "../../test-support/fixtures/signals-node-prisma.js";
import {
  signalsSpringBoot,
  signalsSpringBootApiCalls,
  signalsSpringBootExpected,
  signalsSpringBootSecret,
} from "../../test-support/fixtures/signals-spring-boot.js";
import { findApiTestCalls, signalDetectors } from "./index.js";

const FIXTURES: readonly (readonly [
  string,
  FileMap,
  Record<string, unknown>,
  readonly string[],
])[] = [
  ["Node + Prisma + JWT", signalsNodePrisma, signalsNodePrismaExpected, signalsNodePrismaApiCalls],
  ["Django + DRF", signalsDjangoDrf, signalsDjangoDrfExpected, signalsDjangoDrfApiCalls],
  ["Spring Boot + JPA", signalsSpringBoot, signalsSpringBootExpected, signalsSpringBootApiCalls],
];

describe.each(FIXTURES)(
  "signal detectors on the %s fixture",
  (_name, files, expected, apiCalls) => {
    const ctx = scanContextFrom(files);
    const signals = runDetectors(ctx, signalDetectors).signals ?? {};

    it("computes exactly the expected value of every owned signal", () => {
      const actual = Object.fromEntries(
        Object.keys(expected).map((id) => [id, signals[id as keyof Signals]?.value]),
      );
      expect(actual).toEqual(expected);
    });

    it("gives every present signal evidence that points into the fixture", () => {
      for (const [id, result] of Object.entries(signals)) {
        const present =
          result.value === true ||
          (Array.isArray(result.value) && result.value.length > 0) ||
          (typeof result.value === "number" && result.value > 0);
        if (!present) continue;
        expect(result.evidence.length, id).toBeGreaterThan(0);
        for (const e of result.evidence)
          expect(Object.keys(files), `${id} → ${e.file}`).toContain(e.file);
      }
    });

    it("finds the tests that call the app over HTTP", () => {
      expect(findApiTestCalls(ctx).map((e) => e.note)).toEqual(apiCalls);
    });
  },
);

describe("the Spring Boot fixture's committed password", () => {
  it("is reported but never shown unmasked", () => {
    const findings = runDetectors(scanContextFrom(signalsSpringBoot), signalDetectors);
    expect(findings.signals?.committed_secrets?.value).toHaveLength(1);
    expect(JSON.stringify(findings)).not.toContain(signalsSpringBootSecret);
    expect(JSON.stringify(findings)).not.toContain(signalsSpringBootSecret.slice(1, 9));
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import type { Signals } from "../../report.js";
import { runDetectors } from "../../run-detectors.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { detectorSignalsOf } from "../../test-support/expect-signals.js";
import type { ExpectedSignals } from "../../test-support/fixtures/stack-expectation.js";
import * as djangoDrf from "../../test-support/fixtures/signals-django-drf.js";
import * as nodePrisma from "../../test-support/fixtures/signals-node-prisma.js";
import * as springBoot from "../../test-support/fixtures/signals-spring-boot.js";
import { findApiTestCalls, signalDetectors } from "./index.js";

interface SignalsFixture {
  readonly files: FileMap;
  readonly signals: ExpectedSignals;
  readonly apiCalls: readonly string[];
}

const FIXTURES: readonly (readonly [string, SignalsFixture])[] = [
  ["Node + Prisma + JWT", nodePrisma],
  ["Django + DRF", djangoDrf],
  ["Spring Boot + JPA", springBoot],
];

describe.each(FIXTURES)("signal detectors on the %s fixture", (_name, fixture) => {
  const { files, apiCalls } = fixture;
  // The detectors alone cannot judge the signals derived from endpoints and test calls.
  const expected: Record<string, unknown> = detectorSignalsOf(fixture.signals);
  let signals: Partial<Signals> = {};
  beforeAll(async () => {
    signals = (await runDetectors(scanContextFrom(files), signalDetectors)).signals ?? {};
  });

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
    expect(findApiTestCalls(scanContextFrom(files)).map((e) => e.note)).toEqual(apiCalls);
  });
});

describe("the Spring Boot fixture's committed password", () => {
  it("is reported but never shown unmasked", async () => {
    const findings = await runDetectors(scanContextFrom(springBoot.files), signalDetectors);
    expect(findings.signals?.committed_secrets?.value).toHaveLength(1);
    expect(JSON.stringify(findings)).not.toContain(springBoot.secret);
    expect(JSON.stringify(findings)).not.toContain(springBoot.secret.slice(1, 9));
  });
});

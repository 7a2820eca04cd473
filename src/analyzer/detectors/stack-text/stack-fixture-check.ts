/**
 * Runs a stack detector over a fixture and returns the parts a StackExpectation states, so the
 * tests of every stack compare like with like.
 */
import { distinctEndpoints } from "../../derive-signals.js";
import type { Detector } from "../../scan-context.js";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import type { FileMap } from "../../test-support/make-repo.js";
import type { StackExpectation } from "./stack-expectation.js";

export function observeStack(detector: Detector, files: FileMap): StackExpectation {
  const found = detector.detect(scanContextFrom(files), {});
  const endpoints = [...(found.endpoints ?? [])];
  return {
    frameworks: (found.frameworks ?? []).map(({ id, category, confidence }) => ({
      id,
      category,
      confidence,
    })),
    endpoints,
    restApi: found.signals?.rest_api?.value ?? false,
    httpEndpoints: distinctEndpoints(endpoints).length,
  };
}

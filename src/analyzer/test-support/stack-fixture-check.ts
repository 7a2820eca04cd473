/**
 * Runs one stack detector over a fixture held in memory and returns the parts a StackExpectation
 * states, so the tests of every stack compare like with like.
 */
import { distinctEndpoints } from "../derive-signals.js";
import type { AsyncDetector, Detector, Findings } from "../scan-context.js";
import type { StackExpectation } from "./fixtures/stack-expectation.js";
import type { FileMap } from "./make-repo.js";
import { scanContextFrom } from "./scan-context-from.js";

export function observeStack(detector: Detector, files: FileMap): StackExpectation {
  return stackFacts(detector.detect(scanContextFrom(files)));
}

export async function observeAsyncStack(
  detector: AsyncDetector,
  files: FileMap,
): Promise<StackExpectation> {
  return stackFacts(await detector.detect(scanContextFrom(files)));
}

function stackFacts(found: Findings): StackExpectation {
  const endpoints = [...(found.endpoints ?? [])];
  return {
    frameworks: (found.frameworks ?? []).map(({ id, category, confidence }) => ({
      id,
      category,
      confidence,
    })),
    endpoints,
    rest_api: found.signals?.rest_api?.value ?? false,
    http_endpoints: distinctEndpoints(endpoints).length,
  };
}

/** Runs the detectors in order, each seeing what the ones before it found, and merges the results. */
import { mergeFindings } from "./merge-findings.js";
import type { AsyncDetector, Detector, Findings, ScanContext } from "./scan-context.js";

export async function runDetectors(
  ctx: ScanContext,
  detectors: readonly (Detector | AsyncDetector)[],
): Promise<Findings> {
  const parts: Findings[] = [];
  let merged: Findings = {};
  for (const detector of detectors) {
    parts.push(await detector.detect(ctx, merged));
    merged = mergeFindings(parts);
  }
  return merged;
}

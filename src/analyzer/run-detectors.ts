/** Runs the detectors in order and merges their findings (in that order: evidence keeps it). */
import { mergeFindings } from "./merge-findings.js";
import type { AsyncDetector, Detector, Findings, ScanContext } from "./scan-context.js";

export async function runDetectors(
  ctx: ScanContext,
  detectors: readonly (Detector | AsyncDetector)[],
): Promise<Findings> {
  const parts: Findings[] = [];
  for (const detector of detectors) parts.push(await detector.detect(ctx));
  return mergeFindings(parts);
}

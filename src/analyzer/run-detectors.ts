/** Runs the detectors in order, each seeing what the ones before it found, and merges the results. */
import { mergeFindings } from "./merge-findings.js";
import type { Detector, Findings, ScanContext } from "./scan-context.js";

export function runDetectors(ctx: ScanContext, detectors: readonly Detector[]): Findings {
  const parts: Findings[] = [];
  let merged: Findings = {};
  for (const detector of detectors) {
    parts.push(detector.detect(ctx, merged));
    merged = mergeFindings(parts);
  }
  return merged;
}

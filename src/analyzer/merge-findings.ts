/**
 * Merges the Findings of all detectors into one: frameworks by id (strongest confidence,
 * evidence joined), endpoints de-duplicated, signals combined by type (booleans OR, numbers max,
 * lists union) so two detectors that see the same signal in different stacks both count.
 * Route names are joined, the first detector's path kept for a name two of them give.
 */
import type { Findings } from "./scan-context.js";
import type {
  Confidence,
  Endpoint,
  Evidence,
  FrameworkFinding,
  SignalResult,
  Signals,
} from "./report.js";
import type { SignalId } from "../content/signals.js";

const CONFIDENCE_RANK: Record<Confidence, number> = { declared: 0, used: 1, "declared+used": 2 };

export function mergeFindings(parts: readonly Findings[]): Findings {
  const frameworks = new Map<string, FrameworkFinding>();
  const endpoints = new Map<string, Endpoint>();
  const signals: Partial<Record<SignalId, SignalResult<unknown>>> = {};
  const routeNames = new Map<string, string>();

  for (const part of parts) {
    for (const fw of part.frameworks ?? []) {
      const seen = frameworks.get(fw.id);
      frameworks.set(fw.id, seen ? mergeFramework(seen, fw) : fw);
    }
    for (const ep of part.endpoints ?? []) {
      endpoints.set(`${ep.method} ${ep.path} ${ep.file}:${ep.line}`, ep);
    }
    for (const [id, result] of Object.entries(part.signals ?? {}) as [
      SignalId,
      SignalResult<unknown>,
    ][]) {
      const seen = signals[id];
      signals[id] = seen ? mergeSignal(seen, result) : result;
    }
    for (const [name, path] of part.routeNames ?? []) {
      if (!routeNames.has(name)) routeNames.set(name, path);
    }
  }
  return {
    frameworks: [...frameworks.values()],
    endpoints: [...endpoints.values()],
    signals: signals as Partial<Signals>,
    routeNames,
  };
}

function mergeFramework(a: FrameworkFinding, b: FrameworkFinding): FrameworkFinding {
  const confidence = combineConfidence(a.confidence, b.confidence);
  return { ...a, confidence, evidence: uniqueEvidence([...a.evidence, ...b.evidence]) };
}

function combineConfidence(a: Confidence, b: Confidence): Confidence {
  // A declaration seen by one detector and usage seen by another add up to both.
  if ((a === "declared" && b === "used") || (a === "used" && b === "declared"))
    return "declared+used";
  return CONFIDENCE_RANK[a] >= CONFIDENCE_RANK[b] ? a : b;
}

function mergeSignal(a: SignalResult<unknown>, b: SignalResult<unknown>): SignalResult<unknown> {
  const evidence = uniqueEvidence([...a.evidence, ...b.evidence]);
  if (typeof a.value === "boolean" && typeof b.value === "boolean") {
    // Evidence of an absent signal says nothing; keep only the side that found it.
    if (a.value !== b.value) return a.value ? a : b;
    return { value: a.value, evidence };
  }
  if (typeof a.value === "number" && typeof b.value === "number") {
    return { value: Math.max(a.value, b.value), evidence };
  }
  if (Array.isArray(a.value) && Array.isArray(b.value)) {
    return {
      value: [...new Set([...(a.value as string[]), ...(b.value as string[])])].sort(),
      evidence,
    };
  }
  throw new TypeError(
    `signal values of different types cannot be merged: ${String(a.value)} and ${String(b.value)}`,
  );
}

export function uniqueEvidence(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.file}:${e.line}:${e.note ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

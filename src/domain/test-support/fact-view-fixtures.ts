/** Fact views for domain tests: every fact absent (false, 0, none) unless overridden. */
import type { Evidence } from "../../analyzer/report.js";
import { FACTS, FACT_IDS, type FactId } from "../../content/signals.js";
import { absentFactValue } from "../../content/test-support/absent-fact-value.js";
import type { FactObservation, FactValue, FactView } from "../fact-view.js";

export type FactOverrides = Partial<Record<FactId, FactValue | FactObservation>>;

function isObservation(value: FactValue | FactObservation): value is FactObservation {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function makeFactView(overrides: FactOverrides = {}): FactView {
  return Object.fromEntries(
    FACT_IDS.map((id) => {
      const given = overrides[id];
      if (given === undefined)
        return [id, { value: absentFactValue(FACTS[id].type), evidence: [] }];
      return [id, isObservation(given) ? given : { value: given, evidence: [] }];
    }),
  ) as Record<FactId, FactObservation>;
}

export function at(file: string, line: number, note?: string): Evidence {
  return note === undefined ? { file, line } : { file, line, note };
}

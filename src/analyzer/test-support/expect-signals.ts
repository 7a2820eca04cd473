/**
 * A fixture's signals, stated as what the fixture shows: `expectSignals({ rest_api: true, ... })`.
 * Every signal left out is expected absent, so the corpus still asserts all of them exactly: a
 * signal a fixture forgets is asserted absent, never skipped.
 *
 * The absent values are derived here from each signal's declared type in the catalogue, not
 * taken from the analyzer (derive-signals.ts has its own): an analyzer that filled a missing
 * signal with the wrong value must fail the corpus, not set its expectation.
 */
import { SIGNALS, SIGNAL_IDS, type FactType, type SignalId } from "../../content/signals.js";
import { absentFactValue } from "../../content/test-support/absent-fact-value.js";
import type { ExpectedSignals } from "./fixtures/stack-expectation.js";

type Absent<T extends FactType> = T extends "boolean" ? false : T extends "number" ? 0 : never[];
type AbsentSignals = { readonly [K in SignalId]: Absent<(typeof SIGNALS)[K]["type"]> };

/** Every signal of the catalogue with the value that means "not found": false, 0 or []. */
export function absentSignals(): AbsentSignals {
  // Object.fromEntries loses the key-to-type link; absentFactValue and Absent follow one table.
  return Object.fromEntries(
    SIGNAL_IDS.map((id) => [id, absentFactValue(SIGNALS[id].type)]),
  ) as unknown as AbsentSignals;
}

/** The whole expectation: the signals the fixture shows, every other one absent. */
export function expectSignals(shown: Partial<ExpectedSignals>): ExpectedSignals {
  return { ...absentSignals(), ...shown };
}

/**
 * The signals derive-signals.ts judges from other findings (endpoints, test calls) once all
 * detectors have run; the signal detectors alone never report them.
 */
export const DERIVED_SIGNAL_IDS = [
  "rest_api",
  "http_endpoints",
  "crud",
  "api_tests",
  "tested_endpoints",
  "api_error_tests",
] as const;

export type DetectorSignals = Omit<ExpectedSignals, (typeof DERIVED_SIGNAL_IDS)[number]>;

/** What the signal detectors alone must find in a fixture: its signals but the derived ones. */
export function detectorSignalsOf(signals: ExpectedSignals): DetectorSignals {
  const derived: readonly string[] = DERIVED_SIGNAL_IDS;
  return Object.fromEntries(
    Object.entries(signals).filter(([id]) => !derived.includes(id)),
  ) as unknown as DetectorSignals;
}

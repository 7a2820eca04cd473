/**
 * The areas that group a report's signals, mirroring SIGNAL_AREAS in src/content/signals.ts (the
 * contract test checks they stay equal), and how far each area is covered, for the radar chart.
 */
import type { EvidenceReport, ReportSignal } from "../api/analysis-types.js";

export const SIGNAL_AREAS = {
  api: ["rest_api", "http_endpoints", "crud", "input_validation", "central_error_handling"],
  data: ["sql_database", "sql_engines", "orms", "migrations", "nosql_databases", "caching"],
  security: ["auth_jwt", "oauth", "password_hashing", "authorization", "committed_secrets"],
  testing: [
    "tests",
    "test_frameworks",
    "test_files",
    "api_tests",
    "tested_endpoints",
    "api_error_tests",
  ],
  delivery: ["dockerfile", "docker_compose", "ci", "ci_systems", "microservices"],
  docs: ["readme", "readme_has_setup", "api_docs"],
  quality: ["lint_config", "formatter_config", "logging", "env_config"],
} as const;

export type SignalArea = keyof typeof SIGNAL_AREAS;

export const AREA_TITLES: Readonly<Record<SignalArea, string>> = {
  api: "API",
  data: "Data",
  security: "Security",
  testing: "Testing",
  delivery: "Delivery",
  docs: "Docs",
  quality: "Quality",
};

/** Signals whose presence is a problem, not an achievement: found secrets lower the area. */
const PROBLEM_SIGNALS: ReadonlySet<string> = new Set(["committed_secrets"]);

/** Whether the signal was found: true, a count above zero, or a non-empty list. */
export function isPresent(signal: ReportSignal): boolean {
  const { value } = signal;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value > 0;
  return value.length > 0;
}

/** Whether the signal counts in the area's favour (found, or for a problem signal: not found). */
export function isMet(id: string, signal: ReportSignal): boolean {
  return PROBLEM_SIGNALS.has(id) ? !isPresent(signal) : isPresent(signal);
}

export interface AreaSignals {
  readonly area: SignalArea;
  readonly title: string;
  readonly signals: readonly { readonly id: string; readonly signal: ReportSignal }[];
  /** share (0-1) of the area's signals that count in its favour */
  readonly share: number;
}

/** The report's signals by area, in the catalogue's order; signals the report lacks are left out. */
export function signalsByArea(report: Pick<EvidenceReport, "signals">): AreaSignals[] {
  return (Object.keys(SIGNAL_AREAS) as SignalArea[]).map((area) => {
    const signals = SIGNAL_AREAS[area].flatMap((id) => {
      const signal = report.signals[id];
      return signal ? [{ id, signal }] : [];
    });
    const met = signals.filter(({ id, signal }) => isMet(id, signal)).length;
    return {
      area,
      title: AREA_TITLES[area],
      signals,
      share: signals.length === 0 ? 0 : met / signals.length,
    };
  });
}

/** A signal's value as a short phrase. */
export function formatSignalValue(signal: ReportSignal): string {
  const { value } = signal;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  return value.length === 0 ? "none" : value.join(", ");
}

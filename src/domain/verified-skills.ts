/**
 * When an analysis verifies a skill: every evidence fact the roadmap lists for the skill is met
 * in the report — a boolean is true, a number above zero, a list non-empty. `git.*` facts come
 * from the report's history summary and `code.*` facts from its code figures. A skill that lists
 * no facts cannot be verified by a repository (it is proved some other way), and neither can one
 * whose facts the report does not record: reports stored before the code figures existed count
 * them as unknown, never as met. Facts whose presence is a warning rather than an achievement (committed secrets, a
 * bulk upload, a long pause) prove nothing, even if content ever lists them.
 */
import type { Evidence, EvidenceReport, GitSummary } from "../analyzer/report.js";
import { SIGNALS, isFactId, type FactId, type SignalId } from "../content/signals.js";
import { coAuthors, testedEndpointShare, type FactValue } from "./fact-view.js";

/** The parts of a report the rule reads; `code` is missing from reports stored before it existed. */
export type ReportFacts = Pick<EvidenceReport, "signals" | "git"> & {
  readonly code?: EvidenceReport["code"];
};

export interface SkillEvidenceSpec {
  readonly id: string;
  /** fact ids from the roadmap */
  readonly signals: readonly string[];
}

export interface ProvedFact {
  readonly fact: string;
  readonly value: Exclude<FactValue, null>;
  /** a few places in the repository that show it (the report has them all) */
  readonly evidence: readonly Evidence[];
}

export interface VerifiedSkill {
  readonly skillId: string;
  readonly facts: readonly ProvedFact[];
}

/** How many evidence locations per fact are kept with a verified skill. */
export const EVIDENCE_PER_FACT = 5;

const WARNING_FACTS: ReadonlySet<FactId> = new Set<FactId>([
  "committed_secrets",
  "git.bulk_upload",
  "git.longest_gap_days",
]);

type GitFact = {
  [K in keyof GitSummary]: GitSummary[K] extends number | boolean ? K : never;
}[keyof GitSummary];

/** The observed value of a fact in a report; null when the report does not record it. */
export function factValueIn(
  report: ReportFacts,
  fact: FactId,
): { value: FactValue; evidence: readonly Evidence[] } {
  if (Object.hasOwn(SIGNALS, fact)) {
    const signal = report.signals[fact as SignalId];
    return { value: signal.value, evidence: signal.evidence };
  }
  if (fact === "git.co_authors") return { value: coAuthors(report.git), evidence: [] };
  if (fact.startsWith("git.")) {
    const key = fact.slice("git.".length) as GitFact;
    // A report stored before a figure existed lacks it: unknown, never met.
    const value: FactValue | undefined = report.git?.[key];
    return { value: value ?? null, evidence: [] };
  }
  if (fact === "endpoints.tested_share") return testedEndpointShare(report.signals);
  if (fact === "code.lines") return { value: report.code?.lines ?? null, evidence: [] };
  if (fact === "code.comment_ratio") {
    return { value: report.code?.comment_ratio ?? null, evidence: [] };
  }
  return { value: null, evidence: [] };
}

export function isMet(value: FactValue): boolean {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value > 0;
  return value.length > 0;
}

export function verifySkills(
  skills: readonly SkillEvidenceSpec[],
  report: ReportFacts,
): VerifiedSkill[] {
  const verified: VerifiedSkill[] = [];
  for (const skill of skills) {
    if (skill.signals.length === 0) continue;
    const facts: ProvedFact[] = [];
    for (const fact of skill.signals) {
      // content is validated against the catalogue at load time; an unknown id proves nothing
      if (!isFactId(fact) || WARNING_FACTS.has(fact)) break;
      const observed = factValueIn(report, fact);
      if (observed.value === null || !isMet(observed.value)) break;
      facts.push({
        fact,
        value: observed.value,
        evidence: observed.evidence.slice(0, EVIDENCE_PER_FACT),
      });
    }
    if (facts.length === skill.signals.length) verified.push({ skillId: skill.id, facts });
  }
  return verified;
}

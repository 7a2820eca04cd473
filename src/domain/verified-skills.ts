/**
 * When an analysis verifies a skill: every evidence fact the roadmap lists for the skill is met
 * in the report — a boolean is true, a number above zero, a list non-empty — read through the
 * same fact view the checks use (fact-view.ts). A skill that lists no facts cannot be verified by
 * a repository (it is proved some other way), and neither can one whose facts the report does not
 * record: reports stored before a fact existed count it as unknown, never as met. Facts whose
 * presence is a warning rather than an achievement (committed secrets, a bulk upload, a long
 * pause) prove nothing, even if content ever lists them.
 */
import type { Evidence } from "../analyzer/report.js";
import { isFactId, type FactId } from "../content/signals.js";
import { factViewFromReport, type FactValue, type ReportFacts } from "./fact-view.js";

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
  const view = factViewFromReport(report);
  const verified: VerifiedSkill[] = [];
  for (const skill of skills) {
    if (skill.signals.length === 0) continue;
    const facts: ProvedFact[] = [];
    for (const fact of skill.signals) {
      // content is validated against the catalogue at load time; an unknown id proves nothing
      if (!isFactId(fact) || WARNING_FACTS.has(fact)) break;
      const observed = view[fact];
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

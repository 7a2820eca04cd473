/**
 * Judges the skill-gap checks and the recruiter checklist against the facts of one analysis.
 *
 * A criterion compares one fact with its expectation. Facts are compared by magnitude: a number
 * is itself, a list counts its entries, a boolean is 1 or 0. So `is: true` means "non-zero /
 * non-empty / true", `min`/`max` bound the magnitude (a list's length), and `nonEmpty` means
 * "magnitude above 0". An unknown value (null, e.g. git facts of a folder without history) never
 * meets a criterion.
 *
 * Verdict of a check:
 *   pass    every criterion is met;
 *   fail    some required criterion is unmet, or no criterion is met at all;
 *   partial otherwise (all required criteria met, some optional one not).
 *
 * Score (0-100), quoted in the README:
 *   each check's share      = 100 * weight / sum of all checks' weights
 *   a criterion's weight    = 2 when required, 1 otherwise
 *   metShare(check)         = weight of met criteria / weight of all its criteria
 *   credit(check)           = 1 for pass, metShare for partial, metShare / 2 for fail
 *   score                   = round(sum of share * credit)
 * Meeting one more criterion never lowers the score: metShare grows, and the verdict can only move
 * from fail to partial to pass (metShare / 2 < a larger metShare <= 1). A failed check earns half
 * because something essential is missing, yet its met criteria still count for something.
 *
 * Next steps: one per unmet fact, the `nextStep` text of its most valuable unmet criterion with
 * {value} replaced by the observed value and the caller's hint for that fact in parentheses,
 * ordered by impact (the score points meeting that fact would add across all checks), then by
 * check and criterion order. A criterion that comes `after` another unmet fact (test files
 * after tests) is not said on its own: its points are added to that fact's step.
 * An `urgent` criterion's step (committed credentials) comes before all others. A `gated`
 * criterion is met only while the fact it comes after is met (a share of commits touching tests
 * proves nothing in a repository without real tests).
 */
import type { CheckResult, Evidence, NextStep, Verdict } from "../analyzer/report.js";
import type { Check, Criterion } from "../content/content.schema.js";
import { FACTS, isFactId, type FactId } from "../content/signals.js";
import { DevladderError } from "../errors.js";
import type { FactObservation, FactValue, FactView } from "./fact-view.js";

/** How many entries of a list value a reason or next step names before counting the rest. */
export const LISTED_VALUES = 3;

/** How many evidence items each met criterion adds to its check's evidence. */
export const EVIDENCE_PER_CRITERION = 5;

/**
 * Specifics per fact that the caller knows from the repository, added in parentheses to the next
 * step of a criterion over that fact, e.g. { api_tests: "e.g. for POST /api/articles" }.
 */
export type NextStepHints = Partial<Record<FactId, string>>;

export interface CheckEvaluation {
  readonly checks: CheckResult[];
  readonly score: number;
  readonly nextSteps: NextStep[];
}

interface JudgedCriterion {
  readonly criterion: Criterion;
  readonly fact: FactId;
  readonly observation: FactObservation;
  readonly met: boolean;
  /** the unmet `after` fact that keeps a gated criterion from being met, though its value is */
  readonly waitsFor?: FactId;
}

function unmetFactsOf(judged: readonly (readonly JudgedCriterion[])[]): Set<FactId> {
  return new Set(judged.flat().flatMap((e) => (e.met ? [] : [e.fact])));
}

/** A gated criterion is met only while the fact it comes `after` is met (one level deep). */
function gate(judged: readonly (readonly JudgedCriterion[])[]): JudgedCriterion[][] {
  const unmet = unmetFactsOf(judged);
  return judged.map((entries) =>
    entries.map((entry) => {
      const after = entry.criterion.after;
      if (!entry.met || entry.criterion.gated !== true || after === undefined) return entry;
      return isFactId(after) && unmet.has(after)
        ? { ...entry, met: false, waitsFor: after }
        : entry;
    }),
  );
}

export function evaluateChecks(
  checks: readonly Check[],
  facts: FactView,
  hints: NextStepHints = {},
): CheckEvaluation {
  const totalWeight = checks.reduce((sum, check) => sum + check.weight, 0);
  const results: CheckResult[] = [];
  const steps: PendingStep[] = [];
  let score = 0;

  const judgedByCheck = gate(
    checks.map((check) => check.criteria.map((criterion) => judge(check, criterion, facts))),
  );
  const unmetFacts = unmetFactsOf(judgedByCheck);

  checks.forEach((check, checkIndex) => {
    const judged = judgedByCheck[checkIndex] ?? [];
    const met = judged.map((entry) => entry.met);
    const share = totalWeight > 0 ? (100 * check.weight) / totalWeight : 0;
    const credit = creditOf(check.criteria, met);
    score += share * credit;
    results.push({
      id: check.id,
      kind: check.kind,
      title: check.title,
      verdict: verdictOf(check.criteria, met),
      reasons: judged.map(reasonFor),
      evidence: evidenceOf(judged),
    });
    judged.forEach((entry, index) => {
      if (entry.met) return;
      const ifMet = met.map((value, other) => value || other === index);
      const impact = share * (creditOf(check.criteria, ifMet) - credit);
      const first = prerequisiteUnmet(entry, unmetFacts);
      steps.push({
        rank: steps.length,
        own: entry.fact,
        fact: first ?? entry.fact,
        folded: first !== null,
        urgent: entry.criterion.urgent === true,
        step: {
          check: check.id,
          impact: Math.round(impact * 10) / 10,
          text: stepText(entry, hints[entry.fact]),
        },
      });
    });
  });

  return {
    checks: results,
    score: Math.min(100, Math.max(0, Math.round(score))),
    nextSteps: onePerFact(steps),
  };
}

interface PendingStep {
  readonly step: NextStep;
  /** order of appearance: check, then criterion */
  readonly rank: number;
  /** the fact of the criterion the step is for */
  readonly own: FactId;
  /** the fact whose step this one is said in: its own, or the unmet fact it comes `after` */
  readonly fact: FactId;
  /** true when it comes after another unmet fact and only adds its points to that fact's step */
  readonly folded: boolean;
  /** said before every step that is not, whatever its points */
  readonly urgent: boolean;
}

/**
 * The fact a criterion comes `after` when some check finds that fact unmet: "only 0 test files"
 * and "0% of commits touch tests" say nothing that "add automated tests" does not.
 */
function prerequisiteUnmet(entry: JudgedCriterion, unmetFacts: ReadonlySet<FactId>): FactId | null {
  const after = entry.criterion.after;
  return after !== undefined && isFactId(after) && unmetFacts.has(after) ? after : null;
}

/**
 * Where a folded step is said: the fact it comes after, or further along when that fact's own
 * steps are all folded too (CRUD after three endpoints, which come after a JSON API).
 */
function sayingFact(steps: readonly PendingStep[]): (fact: FactId) => FactId {
  const said = new Set(steps.filter((s) => !s.folded).map((s) => s.own));
  const next = new Map(steps.filter((s) => s.folded).map((s) => [s.own, s.fact]));
  return (fact) => {
    const seen = new Set<FactId>();
    let current = fact;
    while (!said.has(current) && !seen.has(current)) {
      seen.add(current);
      const after = next.get(current);
      if (after === undefined) break;
      current = after;
    }
    return current;
  };
}

/**
 * One next step per fact: when several checks want the same fact (a central error handler is
 * asked for by two), meeting it meets them all, so the step says it once, in the words of its
 * most valuable criterion, with their impacts added up. Folded steps lend only their points.
 */
function onePerFact(steps: readonly PendingStep[]): NextStep[] {
  const byImpact = [...steps].sort(
    (a, b) =>
      Number(a.folded) - Number(b.folded) || b.step.impact - a.step.impact || a.rank - b.rank,
  );
  const sayIn = sayingFact(steps);
  const merged = new Map<string, { step: NextStep; rank: number; urgent: boolean }>();
  for (const entry of byImpact) {
    const fact = sayIn(entry.fact);
    const first = merged.get(fact);
    if (first === undefined) merged.set(fact, entry);
    else {
      const impact = Math.round((first.step.impact + entry.step.impact) * 10) / 10;
      const urgent = first.urgent || entry.urgent;
      merged.set(fact, { step: { ...first.step, impact }, rank: first.rank, urgent });
    }
  }
  return [...merged.values()]
    .sort(
      (a, b) =>
        Number(b.urgent) - Number(a.urgent) || b.step.impact - a.step.impact || a.rank - b.rank,
    )
    .map((entry) => entry.step);
}

function judge(check: Check, criterion: Criterion, facts: FactView): JudgedCriterion {
  const fact = criterion.fact;
  if (!isFactId(fact)) {
    // The content loader rejects unknown facts; reaching here means unvalidated content.
    throw new DevladderError(
      "content_invalid",
      `check '${check.id}' names unknown fact '${fact}'`,
      [{ where: `checks.${check.id}.criteria`, problem: `unknown fact '${fact}'` }],
    );
  }
  const observation = facts[fact];
  return { criterion, fact, observation, met: meets(criterion.expect, observation.value) };
}

function meets(expect: Criterion["expect"], value: FactValue): boolean {
  if (value === null) return false;
  const size = magnitude(value);
  if ("is" in expect) return size > 0 === expect.is;
  if ("min" in expect) return size >= expect.min;
  if ("max" in expect) return size <= expect.max;
  return size > 0;
}

function magnitude(value: Exclude<FactValue, null>): number {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  return value.length;
}

export function verdictOf(criteria: readonly Criterion[], met: readonly boolean[]): Verdict {
  if (met.every(Boolean)) return "pass";
  const requiredUnmet = criteria.some((criterion, index) => criterion.required && !met[index]);
  if (requiredUnmet || !met.some(Boolean)) return "fail";
  return "partial";
}

function creditOf(criteria: readonly Criterion[], met: readonly boolean[]): number {
  const weightOf = (criterion: Criterion) => (criterion.required ? 2 : 1);
  const total = criteria.reduce((sum, criterion) => sum + weightOf(criterion), 0);
  const achieved = criteria.reduce(
    (sum, criterion, index) => sum + (met[index] ? weightOf(criterion) : 0),
    0,
  );
  const metShare = total > 0 ? achieved / total : 0;
  const verdict = verdictOf(criteria, met);
  switch (verdict) {
    case "pass":
      return 1;
    case "partial":
      return metShare;
    case "fail":
      return metShare / 2;
  }
}

function reasonFor(entry: JudgedCriterion): string {
  const value = formatFactValue(entry.fact, entry.observation.value);
  const example = exampleOf(entry.observation.evidence, value);
  const observed = `${entry.fact} = ${value}`;
  const waiting = entry.waitsFor === undefined ? "" : `, which counts only with ${entry.waitsFor}`;
  return `${entry.met ? "met" : "not met"}: ${entry.criterion.label} (${observed}${example ? `, e.g. ${example}` : ""}${waiting})`;
}

/** The first evidence item, unless the value already names its place (a found secret does). */
function exampleOf(evidence: readonly Evidence[], value: string): string | null {
  const [first] = evidence;
  if (!first) return null;
  const place = first.line > 0 ? `${first.file}:${first.line}` : first.file;
  if (value.includes(place)) return null;
  return first.note ? `${first.note} at ${place}` : place;
}

function evidenceOf(judged: readonly JudgedCriterion[]): Evidence[] {
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  for (const entry of judged) {
    if (!entry.met) continue;
    for (const item of entry.observation.evidence.slice(0, EVIDENCE_PER_CRITERION)) {
      const key = `${item.file}\0${item.line}\0${item.note ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push(item);
    }
  }
  return evidence;
}

/** `{value} branch(es)`: a noun after the value, with the plural ending it takes in parentheses. */
const COUNTED_NOUN = /\{value\}( [\w-]+(?: [\w-]+)?)\((e?s)\)/g;

function stepText(entry: JudgedCriterion, hint: string | undefined): string {
  const { value } = entry.observation;
  const text = entry.criterion.nextStep
    .replace(COUNTED_NOUN, (_, noun: string, plural: string) =>
      value === 1 ? `{value}${noun}` : `{value}${noun}${plural}`,
    )
    .replaceAll("{value}", formatFactValue(entry.fact, value));
  if (!hint) return text;
  const period = text.endsWith(".");
  return `${period ? text.slice(0, -1) : text} (${hint})${period ? "." : ""}`;
}

/**
 * How a fact's observed value reads inside a sentence: shares as percentages, the way the git
 * history section of a report shows them ("28%", not "0.28").
 */
export function formatFactValue(fact: FactId, value: FactValue): string {
  if (typeof value === "number" && FACTS[fact].unit === "share")
    return `${Math.round(value * 100)}%`;
  return formatValue(value);
}

/** How an observed value reads inside a sentence. */
export function formatValue(value: FactValue): string {
  if (value === null) return "unknown";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") {
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  }
  if (value.length === 0) return "none";
  // A reason is one sentence: a dozen committed secrets are counted, not all listed.
  const shown = value.slice(0, LISTED_VALUES);
  const rest = value.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

/**
 * Readiness for each career level: every criterion of the level judged against the learner's
 * evidence, with the evidence that meets it and, when it is not met, what is missing.
 *
 * What counts (each measure of levels.yaml):
 * - projects: analysed repositories (the newest finished analysis of each) whose report passes
 *   EVERY named check;
 * - skills-verified: skills proven by an analysis or endorsed by a mentor (visible endorsements
 *   only). A skill the learner merely marked done does not count: it is named in `missing` so
 *   the learner knows which proof to add;
 * - fact: a catalogue fact true / non-zero / non-empty in at least one analysed repository;
 * - growth: growth-log entries of the dimension;
 * - endorsements: visible endorsements, any skill;
 * - certifications: earned certifications that have not expired.
 * A level is met when all its criteria are; the reached level is the highest level such that it
 * and every level below it are met (a ladder is climbed in order).
 */
import type { Level, LevelMeasure } from "../content/content.schema.js";
import type { GrowthDimensionId } from "./growth-summary.js";

export interface AnalysedProject {
  readonly analysisId: string;
  readonly location: string;
  readonly passedChecks: ReadonlySet<string>;
  /** facts true / non-zero / non-empty in the report */
  readonly trueFacts: ReadonlySet<string>;
}

export type SkillProof =
  | { readonly kind: "analysis"; readonly analysisId: string; readonly location: string }
  | { readonly kind: "endorsement"; readonly endorsementId: string; readonly mentor: string };

export interface ReadinessEvidence {
  readonly projects: readonly AnalysedProject[];
  readonly skillProofs: ReadonlyMap<string, readonly SkillProof[]>;
  /** skills the learner marked done themselves */
  readonly selfDone: ReadonlySet<string>;
  readonly growth: readonly {
    readonly id: string;
    readonly dimension: GrowthDimensionId;
    readonly title: string;
  }[];
  readonly endorsements: readonly {
    readonly id: string;
    readonly skillId: string;
    readonly mentor: string;
  }[];
  /** earned and not expired */
  readonly currentCertifications: readonly { readonly id: string; readonly title: string }[];
}

export type EvidenceKind = "analysis" | "endorsement" | "growth" | "certification";

export interface EvidenceItem {
  readonly kind: EvidenceKind;
  /** the id of the analysis, endorsement, growth entry or certification */
  readonly id: string;
  readonly label: string;
}

export interface CriterionReadiness {
  readonly criterionId: string;
  readonly description: string;
  readonly measure: LevelMeasure["type"];
  readonly have: number;
  readonly need: number;
  readonly met: boolean;
  readonly evidence: readonly EvidenceItem[];
  /** what would meet it; empty when met */
  readonly missing: readonly string[];
}

export interface LevelReadiness {
  readonly levelId: string;
  readonly title: string;
  readonly met: boolean;
  readonly criteria: readonly CriterionReadiness[];
}

export interface Readiness {
  readonly levels: readonly LevelReadiness[];
  /** the highest level reached by climbing in order; null below the first */
  readonly reachedLevel: string | null;
}

type Judged = Omit<CriterionReadiness, "criterionId" | "description" | "measure" | "met">;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function judge(measure: LevelMeasure, evidence: ReadinessEvidence): Judged {
  switch (measure.type) {
    case "projects": {
      const passing = evidence.projects.filter((p) =>
        measure.checks.every((c) => p.passedChecks.has(c)),
      );
      const unpassed = measure.checks.filter(
        (c) => !evidence.projects.some((p) => p.passedChecks.has(c)),
      );
      const short = measure.min - passing.length;
      return {
        have: passing.length,
        need: measure.min,
        evidence: passing.map((p) => ({ kind: "analysis", id: p.analysisId, label: p.location })),
        missing:
          short <= 0
            ? []
            : [
                `${plural(short, "more analysed repository", "more analysed repositories")} passing ${measure.checks.join(", ")}`,
                ...unpassed.map((c) => `no analysed repository passes '${c}' yet`),
              ],
      };
    }
    case "skills-verified": {
      const proven = measure.skills.filter((s) => (evidence.skillProofs.get(s) ?? []).length > 0);
      const unproven = measure.skills.filter((s) => !proven.includes(s));
      const short = measure.min - proven.length;
      return {
        have: proven.length,
        need: measure.min,
        evidence: proven.flatMap((skill) =>
          (evidence.skillProofs.get(skill) ?? []).map((proof): EvidenceItem =>
            proof.kind === "analysis"
              ? { kind: "analysis", id: proof.analysisId, label: `${skill}: ${proof.location}` }
              : {
                  kind: "endorsement",
                  id: proof.endorsementId,
                  label: `${skill}: endorsed by ${proof.mentor}`,
                },
          ),
        ),
        missing:
          short <= 0
            ? []
            : [
                `${plural(short, "more verified skill", "more verified skills")} among: ${unproven.join(", ")}`,
                ...unproven
                  .filter((s) => evidence.selfDone.has(s))
                  .map(
                    (s) =>
                      `${s} is marked done but not verified: link a repository that shows it or ask a mentor to endorse it`,
                  ),
              ],
      };
    }
    case "fact": {
      const showing = evidence.projects.filter((p) => p.trueFacts.has(measure.fact));
      return {
        have: showing.length,
        need: 1,
        evidence: showing.map((p) => ({ kind: "analysis", id: p.analysisId, label: p.location })),
        missing: showing.length > 0 ? [] : [`an analysed repository that shows '${measure.fact}'`],
      };
    }
    case "growth": {
      const entries = evidence.growth.filter((g) => g.dimension === measure.dimension);
      const short = measure.min - entries.length;
      return {
        have: entries.length,
        need: measure.min,
        evidence: entries.map((g) => ({ kind: "growth", id: g.id, label: g.title })),
        missing:
          short <= 0
            ? []
            : [
                `${plural(short, "more growth entry", "more growth entries")} for ${measure.dimension}`,
              ],
      };
    }
    case "endorsements": {
      const short = measure.min - evidence.endorsements.length;
      return {
        have: evidence.endorsements.length,
        need: measure.min,
        evidence: evidence.endorsements.map((e) => ({
          kind: "endorsement",
          id: e.id,
          label: `${e.skillId}: endorsed by ${e.mentor}`,
        })),
        missing:
          short <= 0
            ? []
            : [`${plural(short, "more endorsement", "more endorsements")} from a mentor`],
      };
    }
    case "certifications": {
      const certs = evidence.currentCertifications;
      const short = measure.min - certs.length;
      return {
        have: certs.length,
        need: measure.min,
        evidence: certs.map((c) => ({ kind: "certification", id: c.id, label: c.title })),
        missing:
          short <= 0
            ? []
            : [`${plural(short, "more current certification", "more current certifications")}`],
      };
    }
  }
}

export function readiness(levels: readonly Level[], evidence: ReadinessEvidence): Readiness {
  const judged = [...levels]
    .sort((a, b) => a.order - b.order)
    .map((level): LevelReadiness => {
      const criteria = level.criteria.map((criterion): CriterionReadiness => {
        const result = judge(criterion.measure, evidence);
        return {
          criterionId: criterion.id,
          description: criterion.description,
          measure: criterion.measure.type,
          ...result,
          met: result.have >= result.need,
        };
      });
      return {
        levelId: level.id,
        title: level.title,
        met: criteria.every((c) => c.met),
        criteria,
      };
    });
  let reachedLevel: string | null = null;
  for (const level of judged) {
    if (!level.met) break;
    reachedLevel = level.levelId;
  }
  return { levels: judged, reachedLevel };
}

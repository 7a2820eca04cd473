/**
 * Readiness as a profile shows it to someone outside the learner's circle (a recruiter on a
 * public profile, a share-link holder). Readiness is judged from working records too, and those
 * stay private: growth-log entries still count towards their criteria (the have/need figures)
 * but are not named, and skills the learner only marked done are not mentioned, as that would
 * reveal their progress — the view is judged as if they had marked nothing.
 */
import type { Level } from "../content/content.schema.js";
import { readiness, type Readiness, type ReadinessEvidence } from "./readiness.js";

export function showcaseReadiness(
  levels: readonly Level[],
  evidence: ReadinessEvidence,
): Readiness {
  const judged = readiness(levels, { ...evidence, selfDone: new Set() });
  return {
    reachedLevel: judged.reachedLevel,
    levels: judged.levels.map((level) => ({
      ...level,
      criteria: level.criteria.map((criterion) => ({
        ...criterion,
        evidence: criterion.evidence.filter((e) => e.kind !== "growth"),
      })),
    })),
  };
}

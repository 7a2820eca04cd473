/**
 * Readiness per career level for the learner, a granted mentor or an admin. It names growth
 * entries and endorsements as evidence, so it is a working record, not showcase data: recruiters
 * see only the reached level, through candidate search.
 */
import type { Readiness } from "../domain/readiness.js";
import { notFound } from "../errors.js";
import type { Caller } from "./caller.js";
import type { LearnerEvidenceLoader } from "./learner-evidence.js";
import type { LearnerVisibility } from "./learner-visibility.js";

export interface ReadinessServiceDeps {
  readonly evidence: LearnerEvidenceLoader;
  readonly visibility: LearnerVisibility;
}

export function readinessService({ evidence, visibility }: ReadinessServiceDeps) {
  return {
    async of(caller: Caller, learnerId: string): Promise<Readiness> {
      if (!(await visibility.canSeeRecords(caller, learnerId))) throw notFound("no such learner");
      return (await evidence(learnerId)).readiness;
    },
  };
}

export type ReadinessService = ReturnType<typeof readinessService>;

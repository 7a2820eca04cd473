/**
 * Readiness per career level, in two views. The full view names growth entries as evidence and
 * hints at skills the learner marked done, so it is a working record: the learner, a granted
 * mentor or an admin. Whoever else may see the profile (any signed-in user for a public
 * profile, a share-link holder while the link is open) gets the showcase view
 * (domain/readiness-showcase.ts); everyone else a 404.
 */
import type { Readiness } from "../domain/readiness.js";
import { notFound } from "../errors.js";
import type { Caller } from "./caller.js";
import type { LearnerEvidenceLoader } from "./learner-evidence.js";
import type { LearnerVisibility } from "./learner-visibility.js";

export interface ReadinessServiceDeps {
  readonly evidence: LearnerEvidenceLoader;
  readonly visibility: Pick<
    LearnerVisibility,
    "canSeeRecords" | "canSeeShowcase" | "learnerBehindLink"
  >;
}

export function readinessService({ evidence, visibility }: ReadinessServiceDeps) {
  return {
    async of(caller: Caller, learnerId: string): Promise<Readiness> {
      if (await visibility.canSeeRecords(caller, learnerId)) {
        return (await evidence(learnerId)).readiness;
      }
      if (await visibility.canSeeShowcase(caller, learnerId)) {
        return (await evidence(learnerId)).showcaseReadiness;
      }
      throw notFound("no such learner");
    },

    /** The showcase view of the learner behind an open share link; 404 like the profile otherwise. */
    async throughLink(slug: string): Promise<Readiness> {
      const learnerId = await visibility.learnerBehindLink(slug);
      if (learnerId === null) throw notFound("no such profile");
      return (await evidence(learnerId)).showcaseReadiness;
    },
  };
}

export type ReadinessService = ReturnType<typeof readinessService>;

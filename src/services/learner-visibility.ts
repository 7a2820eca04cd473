/**
 * The two kinds of a learner's career data, and who sees each, decided by access.ts:
 * - showcase (endorsements, certifications, readiness as the profile shows it, verified skills):
 *   whoever may see the learner's profile (a public profile: any signed-in caller), and whoever
 *   holds the share link of a `link` or `public` profile (the shared profile page reads
 *   endorsements, verified skills and readiness through the link);
 * - working records (growth log, practice, progress, repositories, full readiness): the learner,
 *   a granted mentor, an admin.
 * A "no" becomes a 404 in the services, so a hidden learner is indistinguishable from none.
 */
import type { ProfilesRepository } from "../store/profiles.repository.js";
import { canViewProfile, canViewProgress, isVisibleThroughLink } from "./access.js";
import type { Caller } from "./caller.js";

export interface LearnerVisibilityDeps {
  readonly profiles: Pick<ProfilesRepository, "findByUser" | "findBySlug">;
  readonly isGranted: (caller: Caller, learnerId: string) => Promise<boolean>;
}

export interface LearnerVisibility {
  canSeeShowcase(caller: Caller, learnerId: string): Promise<boolean>;
  canSeeRecords(caller: Caller, learnerId: string): Promise<boolean>;
  /** the learner behind a share link while it is open (`link` or `public`), else null */
  learnerBehindLink(slug: string): Promise<string | null>;
}

export function learnerVisibility({
  profiles,
  isGranted,
}: LearnerVisibilityDeps): LearnerVisibility {
  return {
    async canSeeShowcase(caller, learnerId) {
      const granted = await isGranted(caller, learnerId);
      if (canViewProgress(caller, learnerId, { granted })) return true;
      const profile = await profiles.findByUser(learnerId);
      return (
        profile !== undefined && canViewProfile(caller, learnerId, profile.visibility, { granted })
      );
    },
    async canSeeRecords(caller, learnerId) {
      return canViewProgress(caller, learnerId, { granted: await isGranted(caller, learnerId) });
    },
    async learnerBehindLink(slug) {
      const profile = await profiles.findBySlug(slug);
      return profile && isVisibleThroughLink(profile.visibility) ? profile.user_id : null;
    },
  };
}

/**
 * Everything the mentor page shows about one mentee, loaded together. A mentee who has not
 * finished onboarding has no profile and so no track: their progress cannot be laid over a
 * roadmap, and the page says so instead of guessing one. Their repositories and analyses do not
 * hang on a track, so they are shown either way.
 */
import { ApiError } from "../api/api-error.js";
import type { ApiClient } from "../api/api-client.js";
import type { LearnerRepository } from "../api/analysis-types.js";
import type { Endorsement, PublicProfile, Roadmap, SharedProgressEntry } from "../api/api-types.js";
import {
  growthComments,
  learnerEndorsements,
  learnerGrowth,
  learnerProfile,
  learnerProgress,
  learnerRepositories,
  roadmap,
} from "../api/devladder-api.js";
import type { GrowthEntryWithComments } from "../growth/growth-entry-with-comments.js";

export interface MenteeData {
  readonly profile: PublicProfile | null;
  readonly roadmap: Roadmap | null;
  readonly progress: SharedProgressEntry[];
  readonly endorsements: Endorsement[];
  readonly growth: GrowthEntryWithComments[];
  readonly repositories: LearnerRepository[];
}

export async function loadMentee(api: ApiClient, userId: string): Promise<MenteeData> {
  const [profile, progress, endorsements, entries, repositories] = await Promise.all([
    learnerProfile(api, userId).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
    learnerProgress(api, userId),
    learnerEndorsements(api, userId),
    learnerGrowth(api, userId),
    learnerRepositories(api, userId),
  ]);
  const [map, growth] = await Promise.all([
    profile === null ? Promise.resolve(null) : roadmap(api, profile.track),
    Promise.all(
      entries.map(async (entry) => ({ entry, comments: await growthComments(api, entry.id) })),
    ),
  ]);
  return { profile, roadmap: map, progress, endorsements, growth, repositories };
}

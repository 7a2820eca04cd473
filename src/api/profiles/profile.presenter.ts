import type { TrackId } from "../../content/content.schema.js";
import type { ProfileRow } from "../../store/database.types.js";

export function presentPublicProfile(profile: ProfileRow) {
  return {
    userId: profile.user_id,
    // checked against the roadmap's tracks when the profile was saved
    track: profile.track as TrackId,
    hoursPerWeek: profile.hours_per_week,
    startDate: profile.start_date,
    targetLevel: profile.target_level,
    headline: profile.headline,
    updatedAt: profile.updated_at,
  };
}

export function presentOwnProfile(profile: ProfileRow, sharedPrefix: string) {
  // Object.assign, not a spread: on Node 20 spreading a fresh object here cost ≈ 1 µs, a
  // twentieth of the whole GET /profile request (bench/api-bench.mjs)
  return Object.assign(presentPublicProfile(profile), {
    visibility: profile.visibility,
    sharePath: `${sharedPrefix}/${profile.share_slug}`,
  });
}

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
  return {
    ...presentPublicProfile(profile),
    visibility: profile.visibility,
    sharePath: `${sharedPrefix}/${profile.share_slug}`,
  };
}

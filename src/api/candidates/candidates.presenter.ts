import type { Candidate } from "../../services/candidates.service.js";
import { toCsv } from "./candidates-csv.js";

export const presentCandidate = (c: Candidate) => ({
  userId: c.profile.user_id,
  displayName: c.profile.display_name,
  headline: c.profile.headline,
  track: c.profile.track,
  reachedLevel: c.reachedLevel,
  strength: c.strength,
  verifiedSkills: c.verifiedSkills.map((s) => ({ skillId: s.skillId, by: [...s.by] })),
  currentCertifications: [...c.currentCertifications],
});

export const SHORTLIST_COLUMNS = [
  "rank",
  "user_id",
  "name",
  "headline",
  "track",
  "reached_level",
  "strength",
  "verified_skills",
  "certifications",
] as const;

export function shortlistCsv(candidates: readonly Candidate[]): string {
  return toCsv(
    SHORTLIST_COLUMNS,
    candidates.map((c, index) => [
      index + 1,
      c.profile.user_id,
      c.profile.display_name,
      c.profile.headline,
      c.profile.track,
      c.reachedLevel,
      c.strength,
      c.verifiedSkills.map((s) => s.skillId).join(" "),
      c.currentCertifications.join(" "),
    ]),
  );
}

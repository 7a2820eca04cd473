/** The learner's profile: track, weekly hours, start date, target level, visibility, headline. */
import { randomBytes } from "node:crypto";
import type { Roadmap } from "../content/content.schema.js";
import { dayNumberOf } from "../domain/calendar-date.js";
import { HOURS_PER_WEEK } from "../domain/plan.types.js";
import { invalidInput, notFound, type ErrorDetail } from "../errors.js";
import type { ProfileRow, Visibility } from "../store/database.types.js";
import type { ProfilesRepository } from "../store/profiles.repository.js";
import { canViewProfile, isVisibleThroughLink } from "./access.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";

export interface ProfileInput {
  readonly track: string;
  readonly hoursPerWeek: number;
  readonly startDate: string;
  readonly targetLevel: string | null;
  readonly visibility: Visibility;
  readonly headline: string;
}

export interface ProfileServiceDeps {
  readonly profiles: ProfilesRepository;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
  /** whether a learner has granted the caller (a mentor) access */
  readonly isGranted: (caller: Caller, learnerId: string) => Promise<boolean>;
}

const NO_PROFILE = "no such profile";

export function profileService({ profiles, roadmap, clock, isGranted }: ProfileServiceDeps) {
  const check = (input: ProfileInput): void => {
    const problems: ErrorDetail[] = [];
    const tracks = roadmap.tracks.map((t) => t.id);
    if (!tracks.some((id) => id === input.track)) {
      problems.push({
        where: "track",
        problem: `unknown track '${input.track}'`,
        accepted: tracks.join(", "),
      });
    }
    if (input.hoursPerWeek < HOURS_PER_WEEK.min || input.hoursPerWeek > HOURS_PER_WEEK.max) {
      problems.push({
        where: "hoursPerWeek",
        problem: `${input.hoursPerWeek} is out of range`,
        accepted: `a number from ${HOURS_PER_WEEK.min} to ${HOURS_PER_WEEK.max}`,
      });
    }
    if (dayNumberOf(input.startDate) === null) {
      problems.push({
        where: "startDate",
        problem: `'${input.startDate}' is not a calendar date`,
        accepted: "a date written YYYY-MM-DD",
      });
    }
    const levels = roadmap.levels.map((l) => l.id);
    if (input.targetLevel !== null && !levels.includes(input.targetLevel)) {
      problems.push({
        where: "targetLevel",
        problem: `unknown level '${input.targetLevel}'`,
        accepted: `null or one of: ${levels.join(", ")}`,
      });
    }
    if (problems.length > 0) throw invalidInput("the profile is not valid", problems);
  };

  return {
    async own(caller: Caller): Promise<ProfileRow> {
      const profile = await profiles.findByUser(caller.id);
      if (!profile) throw notFound("you have no profile yet; create it with PUT /api/v1/profile");
      return profile;
    },

    async save(caller: Caller, input: ProfileInput): Promise<ProfileRow> {
      check(input);
      return profiles.save({
        user_id: caller.id,
        track: input.track,
        hours_per_week: input.hoursPerWeek,
        start_date: input.startDate,
        target_level: input.targetLevel,
        visibility: input.visibility,
        // ignored by the repository when the profile exists: share links stay stable
        share_slug: randomBytes(18).toString("base64url"),
        headline: input.headline.trim(),
        updated_at: clock.now().toISOString(),
      });
    },

    /** Someone else's profile, or 404 whether it is missing or just not visible to the caller. */
    async view(caller: Caller, learnerId: string): Promise<ProfileRow> {
      const profile = await profiles.findByUser(learnerId);
      if (!profile) throw notFound(NO_PROFILE);
      const granted = await isGranted(caller, learnerId);
      if (!canViewProfile(caller, learnerId, profile.visibility, { granted }))
        throw notFound(NO_PROFILE);
      return profile;
    },

    /** A profile through its share link: anyone holding the link, while it is `link` or `public`. */
    async viewShared(slug: string): Promise<ProfileRow> {
      const profile = await profiles.findBySlug(slug);
      if (!profile || !isVisibleThroughLink(profile.visibility)) throw notFound(NO_PROFILE);
      return profile;
    },
  };
}

export type ProfileService = ReturnType<typeof profileService>;

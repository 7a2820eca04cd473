/**
 * The learner's dated plan and how they stand against it.
 *
 * Decision: the "original" plan is recomputed from the profile (track, weekly hours, start date)
 * rather than stored as a snapshot. Skills finished or skipped before the start date are left
 * out of it, as a learner would have told the planner on day one; so are skills marked known
 * before the start (ticked at onboarding), whatever day they were ticked, because a learner who
 * starts today or set a start date in the past ticks them on or after it. Skills finished since
 * the start are progress. Changing the profile's start date or hours therefore re-bases the plan,
 * which is what a learner who edits them means. Only the learner's own plan is served.
 */
import type { Roadmap, TrackId } from "../content/content.schema.js";
import { utcDateOf } from "../domain/calendar-date.js";
import { comparePlan } from "../domain/plan-compare.js";
import { schedulePlan } from "../domain/plan-schedule.js";
import type { Plan, PlanComparison } from "../domain/plan.types.js";
import { notFound } from "../errors.js";
import type { ProgressRow } from "../store/database.types.js";
import type { ProfilesRepository } from "../store/profiles.repository.js";
import type { ProgressRepository } from "../store/progress.repository.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";

export interface PlanServiceDeps {
  readonly profiles: ProfilesRepository;
  readonly progress: ProgressRepository;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
}

export interface LearnerPlan {
  readonly today: string;
  readonly original: Plan;
  readonly comparison: PlanComparison;
}

export function planService({ profiles, progress, roadmap, clock }: PlanServiceDeps) {
  return {
    async forLearner(caller: Caller): Promise<LearnerPlan> {
      const profile = await profiles.findByUser(caller.id);
      if (!profile) {
        throw notFound("you have no profile yet; create it with PUT /api/v1/profile");
      }
      const today = utcDateOf(clock.now());
      // the profile's track was checked against the roadmap when it was saved
      const track = profile.track as TrackId;
      const onTrack = new Set(
        roadmap.skills.filter((s) => s.tracks.includes(track)).map((s) => s.id),
      );
      const rows = (await progress.listForUser(caller.id)).filter((r) => onTrack.has(r.skill_id));
      const dayOf = (iso: string) => iso.slice(0, 10);

      const doneBeforeStart = (r: ProgressRow) =>
        r.status === "done" &&
        (r.known_before_start === 1 || dayOf(r.updated_at) < profile.start_date);
      const before = rows.filter((r) => r.status === "skipped" || doneBeforeStart(r));
      const original = schedulePlan(roadmap, {
        track,
        hoursPerWeek: profile.hours_per_week,
        start: profile.start_date,
        done: before.filter((r) => r.status === "done").map((r) => r.skill_id),
        skipped: before.filter((r) => r.status === "skipped").map((r) => r.skill_id),
      });
      const doneSince = rows
        .filter((r) => r.status === "done" && !doneBeforeStart(r))
        // a clock a moment behind the database must not put a finish date after today
        .map((r) => ({
          skillId: r.skill_id,
          on: dayOf(r.updated_at) < today ? dayOf(r.updated_at) : today,
        }));
      const comparison = comparePlan(roadmap, original, { today, done: doneSince });
      return { today, original, comparison };
    },
  };
}

export type PlanService = ReturnType<typeof planService>;

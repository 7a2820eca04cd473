/**
 * Checks a PlanInput against the roadmap and lists every problem at once, so a learner fixes
 * their command (or form) in one go instead of one error per attempt.
 */
import type { Roadmap, TrackId } from "../content/content.schema.js";
import { closestIds } from "../content/closest-ids.js";
import { invalidInput, type ErrorDetail } from "../errors.js";
import { dayNumberOf } from "./calendar-date.js";
import { HOURS_PER_WEEK, type PlanInput, type PlanInputLabels } from "./plan.types.js";

export interface CheckedPlanInput {
  readonly track: TrackId;
  readonly hoursPerWeek: number;
  readonly startDay: number;
  readonly targetDay: number | null;
  /** done and skipped skill ids */
  readonly excluded: ReadonlySet<string>;
}

export function checkPlanInput(
  roadmap: Roadmap,
  input: PlanInput,
  labels: PlanInputLabels = {},
): CheckedPlanInput {
  const name = (field: keyof PlanInput) => labels[field] ?? field;
  const problems: ErrorDetail[] = [];

  const trackIds = roadmap.tracks.map((track) => track.id);
  // The type says TrackId, but the value may come from a form or a JSON body at runtime.
  const track = trackIds.find((id) => id === input.track);
  if (!track) {
    problems.push({
      where: name("track"),
      problem: `unknown track '${String(input.track)}'`,
      accepted: trackIds.join(", "),
    });
  }

  const hours = input.hoursPerWeek;
  if (!Number.isFinite(hours) || hours < HOURS_PER_WEEK.min || hours > HOURS_PER_WEEK.max) {
    problems.push({
      where: name("hoursPerWeek"),
      problem: `${String(hours)} hours per week is out of range`,
      accepted: `a number from ${HOURS_PER_WEEK.min} to ${HOURS_PER_WEEK.max}`,
    });
  }

  const startDay = dayNumberOf(input.start);
  if (startDay === null) {
    problems.push({
      where: name("start"),
      problem: `'${input.start}' is not a calendar date`,
      accepted: "a date written YYYY-MM-DD, e.g. 2026-12-01",
    });
  }

  let targetDay: number | null = null;
  if (input.target !== undefined) {
    targetDay = dayNumberOf(input.target);
    if (targetDay === null) {
      problems.push({
        where: name("target"),
        problem: `'${input.target}' is not a calendar date`,
        accepted: "a date written YYYY-MM-DD, e.g. 2027-09-01",
      });
    } else if (startDay !== null && targetDay <= startDay) {
      problems.push({
        where: name("target"),
        problem: `the target ${input.target} is not after the start ${input.start}`,
        accepted: `a date after ${input.start}`,
      });
    }
  }

  const excluded = new Set<string>();
  if (track) {
    const onTrack = roadmap.skills.filter((skill) => skill.tracks.includes(track));
    const onTrackIds = new Set(onTrack.map((skill) => skill.id));
    const known = new Set(roadmap.skills.map((skill) => skill.id));
    const accepted = onTrack.map((skill) => skill.id).join(", ");
    // the full list of ids is long: give it once, then refer back to it
    let listed = false;
    for (const field of ["done", "skipped"] as const) {
      for (const id of input[field] ?? []) {
        if (onTrackIds.has(id)) {
          excluded.add(id);
        } else {
          problems.push({
            where: name(field),
            problem: known.has(id)
              ? `skill '${id}' is not part of the ${track} track`
              : `unknown skill '${id}'${didYouMean(id, onTrackIds)}`,
            accepted: listed
              ? `a skill id of the ${track} track (listed above)`
              : `skill ids of the ${track} track: ${accepted}`,
          });
          listed = true;
        }
      }
    }
  }

  if (problems.length > 0 || !track || startDay === null) {
    const [only] = problems;
    throw invalidInput(
      problems.length === 1 && only
        ? `cannot make the plan: ${only.problem}`
        : `cannot make the plan: ${problems.length} problems`,
      problems,
    );
  }
  return { track, hoursPerWeek: hours, startDay, targetDay, excluded };
}

function didYouMean(id: string, known: Iterable<string>): string {
  const close = closestIds(id, known);
  return close.length > 0 ? ` (did you mean ${close.join(", ")}?)` : "";
}

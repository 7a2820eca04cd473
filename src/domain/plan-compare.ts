/**
 * Progress against a plan: how far ahead or behind the learner is, and the rest re-planned.
 *
 * Ahead/behind is measured in effort, then expressed in study days:
 *   completed = effort (hours) of the original plan's skills the learner has finished
 *   expected  = effort the original plan had done by the end of `today`
 *             = min(totalHours, (today - start + 1) * hoursPerWeek / 7), and 0 before the start
 *   daysAhead = trunc((completed - expected) / (hoursPerWeek / 7))
 * Truncating toward zero means a learner who finishes each skill on its planned end day is
 * reported as on schedule (0), not a day behind because the next skill had already begun.
 * Only whole skills count; half-finished work is not credited.
 */
import type { Roadmap } from "../content/content.schema.js";
import { invalidInput, type ErrorDetail } from "../errors.js";
import { dayNumberOf, isoDateOf } from "./calendar-date.js";
import { schedulePlan } from "./plan-schedule.js";
import type { Plan, PlanComparison, PlanProgress } from "./plan.types.js";

export function comparePlan(
  roadmap: Roadmap,
  original: Plan,
  progress: PlanProgress,
): PlanComparison {
  const todayDay = checkProgress(roadmap, original, progress);
  const startDay = dayNumberOf(original.start);
  if (startDay === null) {
    throw invalidInput("the original plan has no valid start date", [
      { where: "plan.start", problem: `'${original.start}' is not a calendar date` },
    ]);
  }

  const finished = new Set(progress.done.map((entry) => entry.skillId));
  const completedHours = original.items
    .filter((item) => finished.has(item.skillId))
    .reduce((sum, item) => sum + item.hours, 0);
  const hoursPerDay = original.hoursPerWeek / 7;
  const elapsedDays = Math.max(0, todayDay - startDay + 1);
  const expectedHours = Math.min(original.totalHours, elapsedDays * hoursPerDay);
  // `|| 0` turns -0 (from truncating a small negative) into 0 so JSON and text say 0.
  const daysAhead = Math.trunc((completedHours - expectedHours) / hoursPerDay) || 0;

  // Skills on the track that the original plan did not schedule were done or skipped back then;
  // they stay out of the re-plan, together with everything finished since.
  const planned = new Set(original.items.map((item) => item.skillId));
  const excluded = roadmap.skills
    .filter((skill) => skill.tracks.includes(original.track))
    .filter((skill) => !planned.has(skill.id) || finished.has(skill.id))
    .map((skill) => skill.id);
  // A report made before the plan begins re-plans from the original start, not from today.
  const replanStartDay = Math.max(todayDay, startDay);
  const targetDay = original.target ? dayNumberOf(original.target.date) : null;
  const replanned = schedulePlan(roadmap, {
    track: original.track,
    hoursPerWeek: original.hoursPerWeek,
    start: isoDateOf(replanStartDay),
    done: excluded,
    // A target that has already passed cannot be planned for; the re-plan then has none.
    ...(targetDay !== null && targetDay > replanStartDay ? { target: isoDateOf(targetDay) } : {}),
  });
  return { daysAhead, completedHours, expectedHours, replanned };
}

function checkProgress(roadmap: Roadmap, original: Plan, progress: PlanProgress): number {
  const problems: ErrorDetail[] = [];
  const todayDay = dayNumberOf(progress.today);
  if (todayDay === null) {
    problems.push({
      where: "today",
      problem: `'${progress.today}' is not a calendar date`,
      accepted: "a date written YYYY-MM-DD",
    });
  }
  const onTrack = roadmap.skills.filter((skill) => skill.tracks.includes(original.track));
  const onTrackIds = new Set(onTrack.map((skill) => skill.id));
  progress.done.forEach((entry, index) => {
    if (!onTrackIds.has(entry.skillId)) {
      problems.push({
        where: `done[${index}].skillId`,
        problem: `'${entry.skillId}' is not a skill of the ${original.track} track`,
        accepted: onTrack.map((skill) => skill.id).join(", "),
      });
    }
    const onDay = dayNumberOf(entry.on);
    if (onDay === null) {
      problems.push({
        where: `done[${index}].on`,
        problem: `'${entry.on}' is not a calendar date`,
        accepted: "a date written YYYY-MM-DD",
      });
    } else if (todayDay !== null && onDay > todayDay) {
      problems.push({
        where: `done[${index}].on`,
        problem: `${entry.on} is after today (${progress.today})`,
        accepted: `a date on or before ${progress.today}`,
      });
    }
  });
  if (problems.length > 0 || todayDay === null) {
    throw invalidInput("cannot compare progress with the plan", problems);
  }
  return todayDay;
}

/**
 * The personal plan: which skills are left on a track, in which order, and on which dates.
 *
 * The time model, precisely:
 * - The learner studies `hoursPerWeek / 7` hours on every calendar day, starting on `start`, and
 *   works through one skill at a time in the learning order (see plan-order.ts).
 * - Skill number i occupies the continuous study-hour interval [C(i-1), C(i)), where C(i) is the
 *   effort of skills 1..i added up. Study hour h falls on day offset floor(h / hoursPerDay).
 * - So a skill starts on day floor(C(i-1) / hoursPerDay) and ends (inclusive) on day
 *   ceil(C(i) / hoursPerDay) - 1: the last day on which some of its work is done.
 * - Consequence: a skill may start on the day its predecessor ends (when the predecessor's work
 *   ends partway through that day), but never on an earlier day. As prerequisites always come
 *   earlier in the order, every prerequisite's work is finished before a dependant's work begins,
 *   and its end date is on or before the dependant's start date.
 */
import type { Roadmap, Skill } from "../content/content.schema.js";
import { isoDateOf } from "./calendar-date.js";
import { checkPlanInput } from "./plan-input.js";
import { learningOrder } from "./plan-order.js";
import type {
  Plan,
  PlanInput,
  PlanInputLabels,
  PlanItem,
  PlanStage,
  PlanTarget,
} from "./plan.types.js";

// Effort sums are floating point (e.g. 0.1 + 0.2); without a tolerance a skill ending exactly at
// midnight could be pushed to the next day by a rounding error of 1e-15.
const EPSILON = 1e-9;

export function schedulePlan(roadmap: Roadmap, input: PlanInput, labels?: PlanInputLabels): Plan {
  const checked = checkPlanInput(roadmap, input, labels);
  const remaining = new Set(
    roadmap.skills
      .filter((skill) => skill.tracks.includes(checked.track) && !checked.excluded.has(skill.id))
      .map((skill) => skill.id),
  );
  const order = learningOrder(roadmap, remaining);
  const items = scheduleItems(order, checked.hoursPerWeek, checked.startDay);
  const totalHours = sumHours(order);
  const endDay = items.length > 0 ? lastDayOffset(totalHours, checked.hoursPerWeek) : 0;
  const plan: Plan = {
    track: checked.track,
    hoursPerWeek: checked.hoursPerWeek,
    start: isoDateOf(checked.startDay),
    end: isoDateOf(checked.startDay + endDay),
    totalHours,
    totalWeeks: items.length > 0 ? Math.ceil((endDay + 1) / 7) : 0,
    items,
    stages: planStages(roadmap, items),
  };
  if (checked.targetDay === null) return plan;
  return {
    ...plan,
    target: planTarget(totalHours, checked.startDay, checked.targetDay, checked.startDay + endDay),
  };
}

function scheduleItems(order: readonly Skill[], hoursPerWeek: number, startDay: number) {
  const items: PlanItem[] = [];
  let before = 0;
  for (const skill of order) {
    const after = before + skill.effort.hours;
    const first = firstDayOffset(before, hoursPerWeek);
    const last = Math.max(first, lastDayOffset(after, hoursPerWeek));
    items.push({
      skillId: skill.id,
      title: skill.title,
      stage: skill.stage,
      hours: skill.effort.hours,
      start: isoDateOf(startDay + first),
      end: isoDateOf(startDay + last),
    });
    before = after;
  }
  return items;
}

/** The day offset on which study hour `hoursBefore` (0-based, continuous) is worked. */
function firstDayOffset(hoursBefore: number, hoursPerWeek: number): number {
  return Math.floor((hoursBefore * 7) / hoursPerWeek + EPSILON);
}

/** The last day offset with work, when `hoursDone` hours are finished (hoursDone > 0). */
function lastDayOffset(hoursDone: number, hoursPerWeek: number): number {
  return Math.max(0, Math.ceil((hoursDone * 7) / hoursPerWeek - EPSILON) - 1);
}

function sumHours(skills: readonly Skill[]): number {
  return skills.reduce((sum, skill) => sum + skill.effort.hours, 0);
}

/** Every roadmap stage in order; a stage with nothing left keeps its place with no dates. */
function planStages(roadmap: Roadmap, items: readonly PlanItem[]): PlanStage[] {
  return [...roadmap.stages]
    .sort((a, b) => a.order - b.order)
    .map((stage) => {
      const inStage = items.filter((item) => item.stage === stage.id);
      return {
        id: stage.id,
        order: stage.order,
        title: stage.title,
        start: inStage[0]?.start ?? null,
        end: inStage.at(-1)?.end ?? null,
        hours: inStage.reduce((sum, item) => sum + item.hours, 0),
        skills: inStage.length,
      };
    });
}

/**
 * Feasible when the plan's last day is on or before the target. The required weekly hours are the
 * smallest multiple of 0.1 whose schedule ends by the target: the target leaves
 * D = target - start + 1 study days, and the schedule ends by then when
 * ceil(totalHours * 7 / h) <= D, i.e. h >= totalHours * 7 / D (rounded up to the next 0.1).
 */
function planTarget(
  totalHours: number,
  startDay: number,
  targetDay: number,
  endDay: number,
): PlanTarget {
  const date = isoDateOf(targetDay);
  if (totalHours <= 0) return { date, feasible: true, requiredHoursPerWeek: 0 };
  const availableDays = targetDay - startDay + 1;
  let tenths = Math.max(1, Math.ceil(((totalHours * 7) / availableDays) * 10 - EPSILON));
  // The closed form can be off by one step through floating point; confirm with the schedule rule.
  while (lastDayOffset(totalHours, tenths / 10) > availableDays - 1) tenths += 1;
  while (tenths > 1 && lastDayOffset(totalHours, (tenths - 1) / 10) <= availableDays - 1) {
    tenths -= 1;
  }
  return { date, feasible: endDay <= targetDay, requiredHoursPerWeek: tenths / 10 };
}

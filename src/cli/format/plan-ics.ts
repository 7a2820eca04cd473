/**
 * The plan as an iCalendar file: one all-day event per skill, from its first to its last study
 * day. UIDs are stable per track and skill, so importing a re-plan updates the events in a
 * calendar app instead of duplicating them.
 */
import { createEvents, type EventAttributes } from "ics";
import { addDays, datePartsOf } from "../../domain/calendar-date.js";
import type { Plan } from "../../domain/plan.types.js";
import { formatHours } from "./plan-figures.js";

export function renderPlanIcs(plan: Plan): string {
  const stageTitle = new Map(plan.stages.map((stage) => [stage.id, stage.title]));
  const events: EventAttributes[] = plan.items.map((item) => ({
    uid: `${plan.track}-${item.skillId}@devladder`,
    title: item.title,
    // all-day events: DTEND is exclusive, so the event ends the day after the last study day
    start: datePartsOf(item.start),
    end: datePartsOf(addDays(item.end, 1)),
    description:
      `${stageTitle.get(item.stage) ?? item.stage}: about ${formatHours(item.hours)} of study.\n` +
      `Details: devladder skill ${item.skillId}`,
    categories: [stageTitle.get(item.stage) ?? item.stage],
    transp: "TRANSPARENT",
  }));
  const { error, value } = createEvents(events, {
    productId: "devladder",
    calName: `devladder: ${plan.track} plan`,
  });
  if (error || value === null) {
    throw new Error(`could not write the calendar: ${error?.message ?? "no output"}`, {
      cause: error,
    });
  }
  return value;
}

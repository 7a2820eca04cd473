/** How plan figures read in every output format, so text, Markdown and calendar agree. */
import type { Plan } from "../../domain/plan.types.js";

/** "12 h", "2.5 h": whole hours without decimals, others to one decimal. */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} h`;
}

export function formatWeeks(weeks: number): string {
  return `${weeks} week${weeks === 1 ? "" : "s"}`;
}

/** One sentence on the target date, or null without one. */
export function targetSentence(plan: Plan): string | null {
  const { target } = plan;
  if (!target) return null;
  const needed = `${formatHours(target.requiredHoursPerWeek)}/week`;
  // kept under 80 columns for the terminal
  return target.feasible
    ? `Target ${target.date} reachable (plan ends ${plan.end}): ${needed} would do.`
    : `Target ${target.date} not reachable (plan ends ${plan.end}): needs ${needed}.`;
}

/** The plan for a terminal: stages with their date ranges, the skills under them, the totals. */
import type { Plan } from "../../domain/plan.types.js";
import type { Colors } from "../cli-io.js";
import { formatHours, formatWeeks, targetSentence } from "./plan-figures.js";

/** Skill lines stay within 80 columns; the id (needed for --known) is never cut. */
const WIDTH = 80;

export function renderPlanText(plan: Plan, colors: Colors): string {
  const lines: string[] = [
    colors.bold(`Learning plan: ${plan.track} track, ${formatHours(plan.hoursPerWeek)}/week`),
  ];
  if (plan.items.length === 0) {
    lines.push("Nothing left to learn on this track: every skill is done or skipped.");
  } else {
    lines.push(
      `${plan.start} to ${plan.end}: ${formatWeeks(plan.totalWeeks)}, ${formatHours(plan.totalHours)} of study`,
    );
  }
  for (const stage of plan.stages) {
    lines.push("");
    const heading = colors.bold(`${stage.order}. ${stage.title}`);
    if (stage.start === null || stage.end === null) {
      lines.push(`${heading}  ${colors.dim("nothing left")}`);
      continue;
    }
    lines.push(
      `${heading}  ${colors.cyan(`${stage.start} to ${stage.end}`)}  ${colors.dim(formatHours(stage.hours))}`,
    );
    for (const item of plan.items.filter((entry) => entry.stage === stage.id)) {
      const dates = `   ${item.start} to ${item.end}  `;
      const details = `(${item.skillId}, ${formatHours(item.hours)})`;
      const title = fit(item.title, WIDTH - dates.length);
      if (dates.length + title.length + 1 + details.length <= WIDTH) {
        lines.push(`${colors.dim(dates)}${title} ${colors.dim(details)}`);
      } else {
        // a long title pushes the id and hours onto a second line, aligned under the title
        lines.push(
          `${colors.dim(dates)}${title}`,
          `${" ".repeat(dates.length)}${colors.dim(details)}`,
        );
      }
    }
  }
  const target = targetSentence(plan);
  if (target && plan.target) {
    lines.push("", plan.target.feasible ? colors.green(target) : colors.yellow(target));
  }
  return lines.join("\n");
}

function fit(text: string, width: number): string {
  if (text.length <= width) return text;
  return `${text.slice(0, Math.max(1, width - 1)).trimEnd()}…`;
}

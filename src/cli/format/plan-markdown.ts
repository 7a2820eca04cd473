/** The plan as Markdown: a summary and one table per stage, for a README, an issue or notes. */
import type { Plan } from "../../domain/plan.types.js";
import { formatHours, formatWeeks, targetSentence } from "./plan-figures.js";

export function renderPlanMarkdown(plan: Plan): string {
  const lines: string[] = [
    `# Learning plan: ${plan.track} track`,
    "",
    `- Study time: ${formatHours(plan.hoursPerWeek)} per week`,
    plan.items.length > 0
      ? `- From ${plan.start} to ${plan.end}: ${formatWeeks(plan.totalWeeks)}, ${formatHours(plan.totalHours)} of study`
      : "- Nothing left to learn on this track: every skill is done or skipped.",
  ];
  const target = targetSentence(plan);
  if (target) lines.push(`- ${target}`);
  for (const stage of plan.stages) {
    lines.push("", `## ${stage.order}. ${escapeCell(stage.title)}`, "");
    if (stage.start === null || stage.end === null) {
      lines.push("Nothing left in this stage.");
      continue;
    }
    lines.push(
      `${stage.start} to ${stage.end}, ${formatHours(stage.hours)}`,
      "",
      "| Skill | Id | Hours | Start | End |",
      "| --- | --- | ---: | --- | --- |",
    );
    for (const item of plan.items.filter((entry) => entry.stage === stage.id)) {
      lines.push(
        `| ${escapeCell(item.title)} | \`${item.skillId}\` | ${formatHours(item.hours)} | ${item.start} | ${item.end} |`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A pipe inside a table cell would end the cell. */
function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|");
}

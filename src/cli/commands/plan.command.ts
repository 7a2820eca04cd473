/** `devladder plan`: a dated personal plan for a track, as text, JSON, Markdown or iCalendar. */
import { InvalidArgumentError, Option, type Command } from "commander";
import { loadRoadmapForCommand } from "../../content/roadmap-snapshot.js";
import { invalidInput } from "../../errors.js";
import { utcDateOf } from "../../domain/calendar-date.js";
import { schedulePlan } from "../../domain/plan-schedule.js";
import { HOURS_PER_WEEK, type Plan } from "../../domain/plan.types.js";
import type { CliIO } from "../cli-io.js";
import { renderPlanMarkdown } from "../format/plan-markdown.js";
import { renderPlanText } from "../format/plan-text.js";
import { parseTrackOption } from "./content-options.js";

const PLAN_FORMATS = ["text", "json", "md", "ics"] as const;
type PlanFormat = (typeof PLAN_FORMATS)[number];

interface PlanFlags {
  track: string;
  hours: number;
  start?: string;
  known?: string[];
  target?: string;
  format: PlanFormat;
  content?: string;
}

export function registerPlanCommand(program: Command, io: CliIO): void {
  program
    .command("plan")
    .description("a dated learning plan for a track, from the hours you can study each week")
    .requiredOption("--track <track>", "the track to plan: python, java or node")
    .addOption(
      new Option(
        "--hours <hours>",
        `study hours per week (${HOURS_PER_WEEK.min} to ${HOURS_PER_WEEK.max})`,
      )
        .argParser(parseHours)
        .makeOptionMandatory(),
    )
    .option("--start <date>", "first study day, YYYY-MM-DD (default: today, UTC)")
    .option("--known <ids>", "skills you know or skip, comma-separated ids", parseIdList)
    .option("--target <date>", "the date you want to be done by, YYYY-MM-DD")
    .addOption(
      new Option("--format <format>", "output format").choices(PLAN_FORMATS).default("text"),
    )
    .option("--content <dir>", "use another roadmap content folder")
    .addHelpText(
      "after",
      `
Examples:
  $ devladder plan --track java --hours 10
  $ devladder plan --track python --hours 6 --start 2026-12-01
  $ devladder plan --track python --hours 6 --known python-basics,oop-principles
  $ devladder plan --track node --hours 12 --target 2027-09-01
  $ devladder plan --track java --hours 10 --format ics > plan.ics

Skills are learned one at a time, stage by stage, each after its prerequisites, at
hours/7 hours a day. With --target the plan says whether the date is reachable and how
many hours a week it would take. Run \`devladder roadmap --track <track>\` for skill ids.`,
    )
    .action(async (flags: PlanFlags) => {
      const roadmap = await loadRoadmapForCommand(flags.content);
      // the same track check and message as the roadmap commands; commander makes --track required
      const track = parseTrackOption(roadmap, flags.track);
      if (track === undefined) {
        throw invalidInput("--track is required", [
          { where: "--track", problem: "missing", accepted: "python, java or node" },
        ]);
      }
      const plan = schedulePlan(
        roadmap,
        {
          track,
          hoursPerWeek: flags.hours,
          start: flags.start ?? utcDateOf(new Date()),
          done: flags.known ?? [],
          ...(flags.target !== undefined && { target: flags.target }),
        },
        {
          track: "--track",
          hoursPerWeek: "--hours",
          start: "--start",
          done: "--known",
          target: "--target",
        },
      );
      io.out(await render(plan, flags.format, io));
    });
}

async function render(plan: Plan, format: PlanFormat, io: CliIO): Promise<string> {
  switch (format) {
    case "text":
      return renderPlanText(plan, io.colors);
    case "json":
      return JSON.stringify(plan, null, 2);
    case "md":
      return renderPlanMarkdown(plan);
    case "ics":
      // the iCalendar library (and its validator) is loaded only for this format
      return (await import("../format/plan-ics.js")).renderPlanIcs(plan);
  }
}

/** Only the number syntax is checked here; the range is checked with the plan input. */
function parseHours(text: string): number {
  const value = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw new InvalidArgumentError(
      `not a number; accepted: a number from ${HOURS_PER_WEEK.min} to ${HOURS_PER_WEEK.max}`,
    );
  }
  return value;
}

/** "a, b,,c" -> ["a", "b", "c"]; repeated --known options add up. */
function parseIdList(text: string, previous: string[] | undefined): string[] {
  const ids = text
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return [...(previous ?? []), ...ids];
}

/**
 * `devladder plan` run as a real process against the built CLI and the real content. Exact dates
 * are proven in the domain tests; here the output must agree with the plan engine, in every format.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadRoadmap } from "../../content/content-loader.js";
import { addDays, utcDateOf } from "../../domain/calendar-date.js";
import { schedulePlan } from "../../domain/plan-schedule.js";
import type { Plan } from "../../domain/plan.types.js";
import { assertCliBuilt, runCli, type CliResult } from "../test-support/run-cli.js";

const roadmap = loadRoadmap();
const base = ["plan", "--track", "java", "--hours", "10", "--start", "2026-12-01"];

function planJson(args: readonly string[]): Plan {
  const result = runCli([...args, "--format", "json"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Plan;
}

function expectBadInput(result: CliResult): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

beforeAll(() => {
  assertCliBuilt();
});

describe("devladder plan: output formats", () => {
  let plan: Plan;
  beforeAll(() => {
    plan = planJson(base);
  });

  it("prints JSON equal to the plan engine's result", () => {
    expect(plan).toEqual(
      schedulePlan(roadmap, { track: "java", hoursPerWeek: 10, start: "2026-12-01" }),
    );
    expect(plan.items.length).toBe(roadmap.skills.filter((s) => s.tracks.includes("java")).length);
  });

  it("prints text with every stage's dates, every skill and the total weeks", () => {
    const result = runCli(base);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `2026-12-01 to ${plan.end}: ${plan.totalWeeks} weeks, ${plan.totalHours} h of study`,
    );
    for (const stage of plan.stages) {
      expect(result.stdout).toContain(
        `${stage.order}. ${stage.title}  ${stage.start} to ${stage.end}`,
      );
    }
    for (const item of plan.items) {
      expect(result.stdout).toContain(`${item.start} to ${item.end}  `);
      expect(result.stdout).toContain(`(${item.skillId}, `);
    }
    for (const line of result.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("prints Markdown with a table row per skill", () => {
    const result = runCli([...base, "--format", "md"]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("# Learning plan: java track\n")).toBe(true);
    for (const item of plan.items) {
      expect(result.stdout).toContain(`| \`${item.skillId}\` | `);
      expect(result.stdout).toContain(` | ${item.start} | ${item.end} |`);
    }
  });

  it("prints a valid iCalendar file with one all-day event per skill", () => {
    const { code, stdout } = runCli([...base, "--format", "ics"]);
    expect(code).toBe(0);
    expect(stdout.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(stdout.endsWith("END:VCALENDAR\r\n")).toBe(true);
    // every line break is CRLF, as RFC 5545 requires
    expect(stdout.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(stdout).toContain("\r\nPRODID:devladder\r\n");
    const events = stdout.split("BEGIN:VEVENT\r\n").slice(1);
    expect(events).toHaveLength(plan.items.length);
    plan.items.forEach((item, index) => {
      const event = events[index] ?? "";
      expect(event).toContain(`UID:java-${item.skillId}@devladder\r\n`);
      expect(event).toContain(`DTSTART;VALUE=DATE:${item.start.replaceAll("-", "")}\r\n`);
      // all-day DTEND is exclusive: the day after the last study day
      expect(event).toContain(`DTEND;VALUE=DATE:${addDays(item.end, 1).replaceAll("-", "")}\r\n`);
      expect(event).toContain("END:VEVENT\r\n");
    });
  });
});

describe("devladder plan: options", () => {
  it("leaves out the skills given with --known", () => {
    const known = planJson([...base, "--known", "java-basics, oop-principles", "--known", "ci-cd"]);
    const ids = known.items.map((item) => item.skillId);
    for (const id of ["java-basics", "oop-principles", "ci-cd"]) expect(ids).not.toContain(id);
    const onTrack = roadmap.skills.filter((skill) => skill.tracks.includes("java"));
    expect(ids.length).toBe(onTrack.length - 3);
  });

  it("says a far target is reachable", () => {
    const result = runCli([...base, "--target", "2035-01-01"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Target 2035-01-01 reachable \(plan ends \d{4}-\d\d-\d\d\)/);
    expect(planJson([...base, "--target", "2035-01-01"]).target?.feasible).toBe(true);
  });

  it("says a near target is not reachable and how many hours a week it needs", () => {
    const near = planJson([...base, "--target", "2027-12-01"]);
    expect(near.target?.feasible).toBe(false);
    const needed = near.target?.requiredHoursPerWeek ?? 0;
    expect(needed).toBeGreaterThan(10);
    const result = runCli([...base, "--target", "2027-12-01"]);
    expect(result.stdout).toContain(
      `Target 2027-12-01 not reachable (plan ends ${near.end}): needs ${needed} h/week.`,
    );
    for (const line of result.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    // and at that pace the plan does end by the target
    const faster = planJson([
      "plan",
      "--track",
      "java",
      "--hours",
      String(needed),
      "--start",
      "2026-12-01",
    ]);
    expect(faster.end <= "2027-12-01").toBe(true);
  });

  it("starts today (UTC) without --start", () => {
    const before = utcDateOf(new Date());
    const plan = planJson(["plan", "--track", "node", "--hours", "8"]);
    const after = utcDateOf(new Date());
    expect([before, after]).toContain(plan.start);
  });

  it("shows help with examples", () => {
    const result = runCli(["plan", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--hours <hours>");
    expect(result.stdout).toContain("$ devladder plan --track java --hours 10 --format ics");
  });
});

describe("devladder plan: bad input exits 2 and says what is accepted", () => {
  it.each(["0.4", "81"])("rejects %s hours a week", (hours) => {
    const result = runCli(["plan", "--track", "java", "--hours", hours]);
    expectBadInput(result);
    expect(result.stderr).toContain(`--hours: ${hours} hours per week is out of range`);
    expect(result.stderr).toContain("accepted: a number from 0.5 to 80");
  });

  it("rejects hours that are not a number", () => {
    const result = runCli(["plan", "--track", "java", "--hours", "ten"]);
    expectBadInput(result);
    expect(result.stderr).toContain("argument 'ten' is invalid");
    expect(result.stderr).toContain("a number from 0.5 to 80");
  });

  it.each([
    ["--start", "2026-02-30"],
    ["--start", "12/01/2026"],
    ["--target", "2027-9-1"],
  ])("rejects the malformed date %s %s", (option, value) => {
    const result = runCli([...base, option, value]);
    expectBadInput(result);
    expect(result.stderr).toContain(`${option}: '${value}' is not a calendar date`);
    expect(result.stderr).toContain("accepted: a date written YYYY-MM-DD");
  });

  it("rejects a target before the start", () => {
    const result = runCli([...base, "--target", "2026-11-30"]);
    expectBadInput(result);
    expect(result.stderr).toContain("accepted: a date after 2026-12-01");
  });

  it("rejects an unknown track and lists the tracks", () => {
    const result = runCli(["plan", "--track", "rust", "--hours", "10"]);
    expectBadInput(result);
    expect(result.stderr).toContain("unknown track 'rust'");
    expect(result.stderr).toMatch(/accepted: python .*java .*node /);
  });

  it("rejects an unknown --known id, suggests the closest and lists the track's ids", () => {
    const result = runCli([...base, "--known", "rest-api-desing"]);
    expectBadInput(result);
    expect(result.stderr).toContain(
      "--known: unknown skill 'rest-api-desing' (did you mean rest-api-design",
    );
    expect(result.stderr).toContain("accepted: skill ids of the java track: java-basics, ");
  });

  it("rejects a --known id of another track", () => {
    const result = runCli([...base, "--known", "django"]);
    expectBadInput(result);
    expect(result.stderr).toContain("skill 'django' is not part of the java track");
  });

  it("rejects an unknown option", () => {
    const result = runCli([...base, "--weeks", "3"]);
    expectBadInput(result);
    expect(result.stderr).toContain("unknown option '--weeks'");
  });

  it("rejects an unknown format and lists the formats", () => {
    const result = runCli([...base, "--format", "pdf"]);
    expectBadInput(result);
    expect(result.stderr).toContain("Allowed choices are text, json, md, ics");
  });

  it("requires --track and --hours", () => {
    expectBadInput(runCli(["plan", "--hours", "10"]));
    const noHours = runCli(["plan", "--track", "java"]);
    expectBadInput(noHours);
    expect(noHours.stderr).toContain("required option '--hours <hours>' not specified");
  });
});

describe("devladder plan: content errors exit 1", () => {
  it("fails with 1 when the content folder does not exist", () => {
    const result = runCli([...base, "--content", "/nonexistent/devladder-content"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("content folder not found");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Roadmap, TrackId } from "../content/content.schema.js";
import { loadRoadmap } from "../content/content-loader.js";
import { DevladderError } from "../errors.js";
import { addDays } from "./calendar-date.js";
import { schedulePlan } from "./plan-schedule.js";
import type { Plan, PlanInput } from "./plan.types.js";
import {
  hoursPerWeekArbitrary,
  isoDateArbitrary,
  makeRoadmap,
  makeSkill,
  makeStage,
  roadmapArbitrary,
  trackArbitrary,
} from "./test-support/roadmap-fixtures.js";
import { checkPlanInvariants } from "./test-support/plan-invariants.js";

/** a (10 h) -> b (5 h) in stage 1, c (20 h, after b) in stage 2; d only on the python track. */
const small = makeRoadmap({
  skills: [
    makeSkill({ id: "a", effort: { hours: 10, basis: "t" } }),
    makeSkill({ id: "b", prerequisites: ["a"], effort: { hours: 5, basis: "t" } }),
    makeSkill({ id: "d", tracks: ["python"], effort: { hours: 4, basis: "t" } }),
    makeSkill({
      id: "c",
      stage: "stage-2",
      prerequisites: ["b"],
      effort: { hours: 20, basis: "t" },
    }),
  ],
});

function errorOf(run: () => unknown): DevladderError {
  try {
    run();
  } catch (error) {
    if (error instanceof DevladderError) return error;
    throw error;
  }
  throw new Error("expected a DevladderError");
}

describe("schedulePlan: exact dates", () => {
  it("schedules skills one after another at hoursPerWeek / 7 hours a day", () => {
    const plan = schedulePlan(small, { track: "java", hoursPerWeek: 7, start: "2026-12-01" });
    expect(plan.items.map(({ skillId, start, end }) => ({ skillId, start, end }))).toEqual([
      { skillId: "a", start: "2026-12-01", end: "2026-12-10" },
      { skillId: "b", start: "2026-12-11", end: "2026-12-15" },
      { skillId: "c", start: "2026-12-16", end: "2027-01-04" },
    ]);
    expect(plan).toMatchObject({
      start: "2026-12-01",
      end: "2027-01-04",
      totalHours: 35,
      totalWeeks: 5,
    });
    expect(plan.stages).toEqual([
      {
        id: "stage-1",
        order: 1,
        title: "Stage 1",
        start: "2026-12-01",
        end: "2026-12-15",
        hours: 15,
        skills: 2,
      },
      {
        id: "stage-2",
        order: 2,
        title: "Stage 2",
        start: "2026-12-16",
        end: "2027-01-04",
        hours: 20,
        skills: 1,
      },
      { id: "stage-3", order: 3, title: "Stage 3", start: null, end: null, hours: 0, skills: 0 },
    ]);
  });

  it("starts a skill on the day its predecessor's work ends partway through", () => {
    const roadmap = makeRoadmap({
      skills: [
        makeSkill({ id: "a", effort: { hours: 3, basis: "t" } }),
        makeSkill({ id: "b", prerequisites: ["a"], effort: { hours: 5, basis: "t" } }),
      ],
    });
    // 2 hours a day: a takes day 0 and the first hour of day 1; b begins in day 1's second hour.
    const plan = schedulePlan(roadmap, { track: "node", hoursPerWeek: 14, start: "2027-02-27" });
    expect(plan.items.map(({ start, end }) => [start, end])).toEqual([
      ["2027-02-27", "2027-02-28"],
      ["2027-02-28", "2027-03-02"],
    ]);
  });

  it("puts a prerequisite first even when the file lists it after its dependant", () => {
    const roadmap = makeRoadmap({
      skills: [
        makeSkill({ id: "x", prerequisites: ["y"] }),
        makeSkill({ id: "y" }),
        makeSkill({ id: "z" }),
      ],
    });
    const plan = schedulePlan(roadmap, { track: "java", hoursPerWeek: 10, start: "2026-01-01" });
    expect(plan.items.map((item) => item.skillId)).toEqual(["y", "x", "z"]);
  });

  it("follows the stages' order field rather than their position in the file", () => {
    const roadmap = makeRoadmap({
      stages: [makeStage({ id: "late", order: 2 }), makeStage({ id: "early", order: 1 })],
      skills: [makeSkill({ id: "p", stage: "late" }), makeSkill({ id: "q", stage: "early" })],
    });
    const plan = schedulePlan(roadmap, { track: "java", hoursPerWeek: 10, start: "2026-01-01" });
    expect(plan.items.map((item) => item.skillId)).toEqual(["q", "p"]);
    expect(plan.stages.map((stage) => stage.id)).toEqual(["early", "late"]);
  });

  it("leaves out done and skipped skills and the skills of other tracks", () => {
    const plan = schedulePlan(small, {
      track: "python",
      hoursPerWeek: 7,
      start: "2026-12-01",
      done: ["a"],
      skipped: ["d"],
    });
    expect(plan.items.map((item) => [item.skillId, item.start, item.end])).toEqual([
      ["b", "2026-12-01", "2026-12-05"],
      ["c", "2026-12-06", "2026-12-25"],
    ]);
    expect(plan.totalHours).toBe(25);
  });

  it("returns an empty plan ending on its start when everything is done", () => {
    const plan = schedulePlan(small, {
      track: "java",
      hoursPerWeek: 7,
      start: "2026-12-01",
      done: ["a", "b", "c"],
      target: "2027-01-01",
    });
    expect(plan).toMatchObject({ end: "2026-12-01", totalHours: 0, totalWeeks: 0, items: [] });
    expect(plan.target).toEqual({ date: "2027-01-01", feasible: true, requiredHoursPerWeek: 0 });
  });

  it("judges a target too close and names the weekly hours that would reach it", () => {
    const plan = schedulePlan(small, {
      track: "java",
      hoursPerWeek: 7,
      start: "2026-12-01",
      target: "2026-12-31",
    });
    // 35 hours in 31 days needs 35 * 7 / 31 = 7.9 hours a week, rounded up to 8.0 by the day rule.
    expect(plan.target).toEqual({ date: "2026-12-31", feasible: false, requiredHoursPerWeek: 8 });
    const faster = schedulePlan(small, {
      track: "java",
      hoursPerWeek: 8,
      start: "2026-12-01",
      target: "2026-12-31",
    });
    expect(faster.end).toBe("2026-12-31");
    expect(faster.target?.feasible).toBe(true);
  });
});

describe("schedulePlan: bad input", () => {
  const base: PlanInput = { track: "java", hoursPerWeek: 10, start: "2026-12-01" };

  it.each([0.4, 80.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "rejects %s hours per week and gives the accepted range",
    (hoursPerWeek) => {
      const error = errorOf(() => schedulePlan(small, { ...base, hoursPerWeek }));
      expect(error.code).toBe("invalid_input");
      expect(error.details).toEqual([
        expect.objectContaining({ where: "hoursPerWeek", accepted: "a number from 0.5 to 80" }),
      ]);
    },
  );

  it("accepts the ends of the hours range", () => {
    expect(schedulePlan(small, { ...base, hoursPerWeek: 0.5 }).items).toHaveLength(3);
    expect(schedulePlan(small, { ...base, hoursPerWeek: 80 }).items).toHaveLength(3);
  });

  it("rejects a date that does not exist", () => {
    const error = errorOf(() => schedulePlan(small, { ...base, start: "2026-02-30" }));
    expect(error.details[0]).toMatchObject({
      where: "start",
      problem: "'2026-02-30' is not a calendar date",
    });
  });

  it("rejects a target on or before the start", () => {
    const error = errorOf(() => schedulePlan(small, { ...base, target: "2026-12-01" }));
    expect(error.details[0]).toMatchObject({
      where: "target",
      accepted: "a date after 2026-12-01",
    });
  });

  it("rejects an unknown track and lists the tracks", () => {
    const error = errorOf(() =>
      schedulePlan(small, { ...base, track: "rust" as unknown as TrackId }),
    );
    expect(error.details[0]).toMatchObject({
      where: "track",
      problem: "unknown track 'rust'",
      accepted: "python, java, node",
    });
  });

  it("rejects unknown and off-track done ids and lists the track's skills", () => {
    const error = errorOf(() => schedulePlan(small, { ...base, done: ["nope"], skipped: ["d"] }));
    expect(error.details).toEqual([
      {
        where: "done",
        problem: "unknown skill 'nope'",
        accepted: "skill ids of the java track: a, b, c",
      },
      {
        where: "skipped",
        problem: "skill 'd' is not part of the java track",
        accepted: "a skill id of the java track (listed above)",
      },
    ]);
  });

  it("suggests the closest skill id for a mistyped one", () => {
    const roadmap = makeRoadmap({
      skills: [makeSkill({ id: "rest-api-design" }), makeSkill({ id: "sql-fundamentals" })],
    });
    const error = errorOf(() => schedulePlan(roadmap, { ...base, done: ["rest-api-desing"] }));
    expect(error.details[0]?.problem).toBe(
      "unknown skill 'rest-api-desing' (did you mean rest-api-design?)",
    );
  });

  it("lists every problem at once, under the caller's names for the fields", () => {
    const error = errorOf(() =>
      schedulePlan(
        small,
        { ...base, hoursPerWeek: 100, start: "soon", done: ["nope"] },
        { hoursPerWeek: "--hours", start: "--start", done: "--known" },
      ),
    );
    expect(error.message).toBe("cannot make the plan: 3 problems");
    expect(error.details.map((detail) => detail.where)).toEqual(["--hours", "--start", "--known"]);
  });
});

describe("schedulePlan: broken content", () => {
  it("names a prerequisite cycle", () => {
    const roadmap = makeRoadmap({
      skills: [
        makeSkill({ id: "a", prerequisites: ["b"] }),
        makeSkill({ id: "b", prerequisites: ["a"] }),
      ],
    });
    const error = errorOf(() =>
      schedulePlan(roadmap, { track: "java", hoursPerWeek: 5, start: "2026-01-01" }),
    );
    expect(error.code).toBe("content_invalid");
    expect(error.message).toContain("prerequisite cycle: a -> b -> a");
  });

  it("refuses a prerequisite placed in a later stage", () => {
    const roadmap = makeRoadmap({
      skills: [
        makeSkill({ id: "a", prerequisites: ["b"] }),
        makeSkill({ id: "b", stage: "stage-2" }),
      ],
    });
    const error = errorOf(() =>
      schedulePlan(roadmap, { track: "java", hoursPerWeek: 5, start: "2026-01-01" }),
    );
    expect(error.code).toBe("content_invalid");
    expect(error.message).toContain("'a' needs 'b', which is in a later stage");
  });
});

// ---- properties over generated roadmaps ------------------------------------------------------

interface Scenario {
  roadmap: Roadmap;
  track: TrackId;
  hoursPerWeek: number;
  start: string;
  done: string[];
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    roadmap: roadmapArbitrary,
    track: trackArbitrary,
    hoursPerWeek: hoursPerWeekArbitrary,
    start: isoDateArbitrary,
    donePicks: fc.array(fc.nat(), { maxLength: 5 }),
  })
  .map(({ roadmap, track, hoursPerWeek, start, donePicks }) => {
    const onTrack = roadmap.skills.filter((skill) => skill.tracks.includes(track));
    const done =
      onTrack.length === 0
        ? []
        : [...new Set(donePicks.map((pick) => onTrack[pick % onTrack.length]?.id ?? ""))];
    return { roadmap, track, hoursPerWeek, start, done };
  });

function planFor(scenario: Scenario, overrides: Partial<PlanInput> = {}): Plan {
  const { roadmap, track, hoursPerWeek, start, done } = scenario;
  return schedulePlan(roadmap, { track, hoursPerWeek, start, done, ...overrides });
}

describe("schedulePlan: properties", () => {
  it("schedules every remaining skill once, after its prerequisites, in stage order, conserving effort", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        checkPlanInvariants(scenario.roadmap, planFor(scenario), scenario.done);
      }),
      { numRuns: 300 },
    );
  });

  it("never schedules a done skill", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const scheduled = new Set(planFor(scenario).items.map((item) => item.skillId));
        for (const id of scenario.done) expect(scheduled.has(id)).toBe(false);
      }),
    );
  });

  it("never ends later with more hours per week", () => {
    fc.assert(
      fc.property(scenarioArbitrary, hoursPerWeekArbitrary, (scenario, otherHours) => {
        const [fewer, more] = [scenario.hoursPerWeek, otherHours].sort((a, b) => a - b);
        const slow = planFor(scenario, { hoursPerWeek: fewer });
        const fast = planFor(scenario, { hoursPerWeek: more });
        expect(fast.end <= slow.end).toBe(true);
        expect(fast.totalWeeks).toBeLessThanOrEqual(slow.totalWeeks);
      }),
    );
  });

  it("calls a target feasible exactly when the plan ends by it, and the required hours reach it", () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 1, max: 3000 }), (scenario, days) => {
        const start = scenario.start;
        const target = new Date(Date.parse(start) + days * 86_400_000).toISOString().slice(0, 10);
        const plan = planFor(scenario, { target });
        const result = plan.target;
        if (!result) throw new Error("a target was given, so the plan must judge it");
        expect(result.feasible).toBe(plan.end <= target);
        if (scenario.hoursPerWeek >= result.requiredHoursPerWeek)
          expect(result.feasible).toBe(true);
        if (result.requiredHoursPerWeek >= 0.5 && result.requiredHoursPerWeek <= 80) {
          const atRequired = planFor(scenario, {
            target,
            hoursPerWeek: result.requiredHoursPerWeek,
          });
          expect(atRequired.end <= target).toBe(true);
          // and 0.1 less would not do (the figure is the smallest such step)
          if (result.requiredHoursPerWeek - 0.1 >= 0.5) {
            const slower = planFor(scenario, {
              target,
              hoursPerWeek: Math.round((result.requiredHoursPerWeek - 0.1) * 10) / 10,
            });
            expect(slower.end > target).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("schedulePlan: properties over the real roadmap", () => {
  const roadmap = loadRoadmap();
  const realScenario = fc
    .record({
      track: trackArbitrary,
      hoursPerWeek: hoursPerWeekArbitrary,
      start: isoDateArbitrary,
      donePicks: fc.array(fc.nat(), { maxLength: 12 }),
    })
    .map(({ track, hoursPerWeek, start, donePicks }): Scenario => {
      const onTrack = roadmap.skills.filter((skill) => skill.tracks.includes(track));
      const done = [...new Set(donePicks.map((pick) => onTrack[pick % onTrack.length]?.id ?? ""))];
      return { roadmap, track, hoursPerWeek, start, done };
    });

  it("keeps every plan invariant for every track", () => {
    fc.assert(
      fc.property(realScenario, (scenario) => {
        checkPlanInvariants(roadmap, planFor(scenario), scenario.done);
      }),
      { numRuns: 150 },
    );
  });

  it("never ends later with more hours per week, and judges targets consistently", () => {
    fc.assert(
      fc.property(
        realScenario,
        hoursPerWeekArbitrary,
        fc.integer({ min: 30, max: 1500 }),
        (scenario, otherHours, days) => {
          const [fewer, more] = [scenario.hoursPerWeek, otherHours].sort((a, b) => a - b);
          const target = addDays(scenario.start, days);
          const slow = planFor(scenario, { hoursPerWeek: fewer, target });
          const fast = planFor(scenario, { hoursPerWeek: more, target });
          expect(fast.end <= slow.end).toBe(true);
          for (const plan of [slow, fast]) {
            expect(plan.target?.feasible).toBe(plan.end <= target);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("plans the whole java track stage by stage, every stage with dates", () => {
    const plan = schedulePlan(roadmap, { track: "java", hoursPerWeek: 10, start: "2026-12-01" });
    const javaSkills = roadmap.skills.filter((skill) => skill.tracks.includes("java"));
    expect(plan.items).toHaveLength(javaSkills.length);
    expect(plan.items[0]?.stage).toBe(roadmap.stages[0]?.id);
    expect(plan.stages.map((stage) => stage.id)).toEqual(roadmap.stages.map((stage) => stage.id));
    expect(plan.stages.every((stage) => stage.skills > 0 && stage.start !== null)).toBe(true);
    // 10 hours a week: the weeks are the effort divided by 10, rounded up (to the day, then week)
    expect(plan.totalWeeks).toBe(Math.ceil(Math.ceil((plan.totalHours * 7) / 10) / 7));
  });
});

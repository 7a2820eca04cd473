import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DevladderError } from "../errors.js";
import { addDays } from "./calendar-date.js";
import { comparePlan } from "./plan-compare.js";
import { schedulePlan } from "./plan-schedule.js";
import { checkPlanInvariants } from "./test-support/plan-invariants.js";
import {
  hoursPerWeekArbitrary,
  isoDateArbitrary,
  makeRoadmap,
  makeSkill,
  roadmapArbitrary,
  trackArbitrary,
} from "./test-support/roadmap-fixtures.js";

/** a 10 h, b 5 h (after a), c 20 h (stage 2, after b); e (8 h) only on the node track. */
const roadmap = makeRoadmap({
  skills: [
    makeSkill({ id: "a", effort: { hours: 10, basis: "t" } }),
    makeSkill({ id: "b", prerequisites: ["a"], effort: { hours: 5, basis: "t" } }),
    makeSkill({ id: "e", tracks: ["node"], effort: { hours: 8, basis: "t" } }),
    makeSkill({
      id: "c",
      stage: "stage-2",
      prerequisites: ["b"],
      effort: { hours: 20, basis: "t" },
    }),
  ],
});
// 1 hour a day: a 12-01..12-10, b 12-11..12-15, c 12-16..2027-01-04
const original = schedulePlan(roadmap, { track: "java", hoursPerWeek: 7, start: "2026-12-01" });

describe("comparePlan", () => {
  it("reports on schedule when each skill is finished on its planned end day", () => {
    const result = comparePlan(roadmap, original, {
      today: "2026-12-15",
      done: [
        { skillId: "a", on: "2026-12-10" },
        { skillId: "b", on: "2026-12-15" },
      ],
    });
    expect(result).toMatchObject({ daysAhead: 0, completedHours: 15, expectedHours: 15 });
    expect(result.replanned.items.map((item) => [item.skillId, item.start, item.end])).toEqual([
      ["c", "2026-12-15", "2027-01-03"],
    ]);
  });

  it("counts days ahead when more effort is finished than the plan expected", () => {
    // by the end of 12-05 the plan expected 5 hours; a (10 h) is done: 5 days ahead
    const result = comparePlan(roadmap, original, {
      today: "2026-12-05",
      done: [{ skillId: "a", on: "2026-12-05" }],
    });
    expect(result.daysAhead).toBe(5);
    expect(result.replanned.items.map((item) => item.skillId)).toEqual(["b", "c"]);
    expect(result.replanned.start).toBe("2026-12-05");
  });

  it("counts days behind and re-plans everything left from today", () => {
    // by the end of 12-20 the plan expected 20 hours; only a (10 h) is done: 10 days behind
    const result = comparePlan(roadmap, original, {
      today: "2026-12-20",
      done: [{ skillId: "a", on: "2026-12-12" }],
    });
    expect(result.daysAhead).toBe(-10);
    expect(result.replanned.items.map((item) => [item.skillId, item.start, item.end])).toEqual([
      ["b", "2026-12-20", "2026-12-24"],
      ["c", "2026-12-25", "2027-01-13"],
    ]);
  });

  it("keeps skills the original plan left out out of the re-plan", () => {
    const nodePlan = schedulePlan(roadmap, {
      track: "node",
      hoursPerWeek: 7,
      start: "2026-12-01",
      skipped: ["e"],
    });
    const result = comparePlan(roadmap, nodePlan, { today: "2026-12-02", done: [] });
    expect(result.replanned.items.map((item) => item.skillId)).toEqual(["a", "b", "c"]);
  });

  it("re-plans from the original start when the report comes before it", () => {
    const result = comparePlan(roadmap, original, { today: "2026-11-20", done: [] });
    expect(result.daysAhead).toBe(0);
    expect(result.replanned.start).toBe("2026-12-01");
    expect(result.replanned.end).toBe(original.end);
  });

  it("carries the target over while it is still ahead, and drops it once it has passed", () => {
    const withTarget = schedulePlan(roadmap, {
      track: "java",
      hoursPerWeek: 7,
      start: "2026-12-01",
      target: "2027-01-31",
    });
    const early = comparePlan(roadmap, withTarget, { today: "2026-12-10", done: [] });
    expect(early.replanned.target).toMatchObject({ date: "2027-01-31", feasible: true });
    const late = comparePlan(roadmap, withTarget, { today: "2027-02-01", done: [] });
    expect(late.replanned.target).toBeUndefined();
  });

  it("rejects finished skills off the track, dates that do not exist and dates after today", () => {
    let caught: unknown;
    try {
      comparePlan(roadmap, original, {
        today: "2026-12-10",
        done: [
          { skillId: "e", on: "2026-12-01" },
          { skillId: "a", on: "2026-12-32" },
          { skillId: "b", on: "2026-12-11" },
        ],
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DevladderError);
    expect((caught as DevladderError).details.map((detail) => detail.where)).toEqual([
      "done[0].skillId",
      "done[1].on",
      "done[2].on",
    ]);
  });

  it("never re-plans a finished skill and keeps every plan invariant (property)", () => {
    fc.assert(
      fc.property(
        roadmapArbitrary,
        trackArbitrary,
        hoursPerWeekArbitrary,
        isoDateArbitrary,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: -30, max: 400 }),
        (map, track, hoursPerWeek, start, picks, offset) => {
          const plan = schedulePlan(map, { track, hoursPerWeek, start });
          const today = addDays(start, offset);
          const finished = [
            ...new Set(picks.map((pick) => plan.items[pick % Math.max(1, plan.items.length)])),
          ].filter((item) => item !== undefined);
          const result = comparePlan(map, plan, {
            today,
            done: finished.map((item) => ({ skillId: item.skillId, on: today })),
          });
          const doneIds = finished.map((item) => item.skillId);
          checkPlanInvariants(map, result.replanned, doneIds);
          expect(result.replanned.start >= today || result.replanned.start === plan.start).toBe(
            true,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("is on schedule exactly at each planned end day when the skills up to it are done (property)", () => {
    fc.assert(
      fc.property(
        roadmapArbitrary,
        trackArbitrary,
        hoursPerWeekArbitrary,
        isoDateArbitrary,
        fc.nat(),
        (map, track, hoursPerWeek, start, pick) => {
          const plan = schedulePlan(map, { track, hoursPerWeek, start });
          if (plan.items.length === 0) return;
          const upTo = pick % plan.items.length;
          const today = plan.items[upTo]?.end ?? start;
          const done = plan.items
            .slice(0, upTo + 1)
            .map((item) => ({ skillId: item.skillId, on: today }));
          expect(comparePlan(map, plan, { today, done }).daysAhead).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

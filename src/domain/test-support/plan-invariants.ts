/** The invariants every plan must keep, asserted for generated and for the real roadmap. */
import { expect } from "vitest";
import type { Roadmap } from "../../content/content.schema.js";
import { daysBetween } from "../calendar-date.js";
import type { Plan } from "../plan.types.js";

export function checkPlanInvariants(roadmap: Roadmap, plan: Plan, done: readonly string[]): void {
  const position = new Map(plan.items.map((item, index) => [item.skillId, index]));
  const skillById = new Map(roadmap.skills.map((skill) => [skill.id, skill]));
  const stageOrder = new Map(roadmap.stages.map((stage) => [stage.id, stage.order]));

  // exactly the track's skills minus the done ones, each once
  const expected = roadmap.skills
    .filter((skill) => skill.tracks.includes(plan.track) && !done.includes(skill.id))
    .map((skill) => skill.id);
  expect([...position.keys()].sort()).toEqual([...expected].sort());
  expect(position.size).toBe(plan.items.length);

  plan.items.forEach((item, index) => {
    expect(item.start <= item.end).toBe(true);
    expect(item.start >= plan.start && item.end <= plan.end).toBe(true);
    const previous = plan.items[index - 1];
    if (previous) {
      // sequential work: no skill starts before the one before it ends
      expect(item.start >= previous.end).toBe(true);
      expect(stageOrder.get(item.stage) ?? 0).toBeGreaterThanOrEqual(
        stageOrder.get(previous.stage) ?? 0,
      );
    }
    for (const prerequisite of skillById.get(item.skillId)?.prerequisites ?? []) {
      const before = position.get(prerequisite);
      if (before === undefined) continue;
      expect(before).toBeLessThan(index);
      expect(plan.items[before]?.end.localeCompare(item.start)).toBeLessThanOrEqual(0);
    }
  });

  const remainingEffort = expected.reduce(
    (sum, id) => sum + (skillById.get(id)?.effort.hours ?? 0),
    0,
  );
  const scheduled = plan.items.reduce((sum, item) => sum + item.hours, 0);
  expect(scheduled).toBeCloseTo(remainingEffort, 6);
  expect(plan.totalHours).toBeCloseTo(remainingEffort, 6);
  const stageHours = plan.stages.reduce((sum, stage) => sum + stage.hours, 0);
  expect(stageHours).toBeCloseTo(remainingEffort, 6);
  if (plan.items.length > 0) {
    expect(plan.totalWeeks).toBe(Math.ceil((daysBetween(plan.start, plan.end) + 1) / 7));
  }
}

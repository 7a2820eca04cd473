import { describe, expect, it } from "vitest";
import type { Level } from "../content/content.schema.js";
import { growthSummary } from "./growth-summary.js";

const level = (id: string, order: number, criteria: Level["criteria"]): Level => ({
  id,
  order,
  title: id,
  summary: id,
  criteria,
});
const growth = (id: string, dimension: "impact" | "mastery" | "collaboration", min: number) => ({
  id,
  description: id,
  evidence: ["growth-impact" as const],
  measure: { type: "growth" as const, dimension, min },
});

describe("growthSummary", () => {
  it("compares each asked dimension's count with the strictest criterion, in level order", () => {
    const levels = [
      level("lead", 2, [growth("own", "impact", 3), growth("design", "impact", 4)]),
      level("senior", 1, [growth("ship", "impact", 2), growth("mentor", "collaboration", 2)]),
    ];
    const summary = growthSummary(levels, { impact: 3, mastery: 9, collaboration: 1 });
    expect(summary.map((l) => l.levelId)).toEqual(["senior", "lead"]);
    expect(summary[0]?.dimensions).toEqual([
      { dimension: "impact", have: 3, need: 2, met: true, criteria: ["ship"] },
      { dimension: "collaboration", have: 1, need: 2, met: false, criteria: ["mentor"] },
    ]);
    expect(summary[0]?.met).toBe(false);
    expect(summary[1]?.dimensions).toEqual([
      { dimension: "impact", have: 3, need: 4, met: false, criteria: ["own", "design"] },
    ]);
  });

  it("treats a level without growth criteria as met with nothing to show", () => {
    const levels = [
      level("entry", 1, [
        {
          id: "certs",
          description: "c",
          evidence: ["certification"],
          measure: { type: "certifications", min: 1 },
        },
      ]),
    ];
    expect(growthSummary(levels, { impact: 0, mastery: 0, collaboration: 0 })).toEqual([
      { levelId: "entry", title: "entry", dimensions: [], met: true },
    ]);
  });
});

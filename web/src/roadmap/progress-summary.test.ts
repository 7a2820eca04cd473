import { describe, expect, it } from "vitest";
import type { Roadmap, RoadmapSkill } from "../api/api-types.js";
import { progressByStage, statusLookup, tally } from "./progress-summary.js";

const skill = (id: string, stage: string, hours: number): RoadmapSkill => ({
  id,
  title: id,
  description: "",
  stage,
  prerequisites: [],
  hours,
  tags: [],
  signals: [],
  questions: [],
});

const roadmap: Roadmap = {
  version: "v",
  track: { id: "node", title: "Node", language: "TypeScript", frameworks: [], summary: "" },
  stages: [
    { id: "later", order: 2, title: "Later", months: { from: 3, to: null }, goals: [] },
    { id: "first", order: 1, title: "First", months: { from: 0, to: 3 }, goals: [] },
  ],
  skills: [
    skill("a", "first", 10),
    skill("b", "first", 20),
    skill("c", "first", 5),
    skill("d", "later", 8),
  ],
};

describe("progress summary", () => {
  it("counts done against the skills not skipped, and hours done and left", () => {
    const statusOf = statusLookup([
      { skillId: "a", status: "done" },
      { skillId: "b", status: "learning" },
      { skillId: "c", status: "skipped" },
    ]);
    expect(tally(roadmap.skills, statusOf)).toEqual({
      total: 4,
      done: 1,
      learning: 1,
      skipped: 1,
      pending: 1,
      percent: 33,
      hoursDone: 10,
      hoursLeft: 28,
    });
  });

  it("gives stages in their order, a fully skipped stage counting as complete", () => {
    const statusOf = statusLookup([{ skillId: "d", status: "skipped" }]);
    const stages = progressByStage(roadmap, statusOf);
    expect(stages.map((s) => [s.stageId, s.percent])).toEqual([
      ["first", 0],
      ["later", 100],
    ]);
  });

  it("only reaches 100% when every counted skill is done", () => {
    const statusOf = statusLookup(
      ["a", "b", "c"].map((skillId) => ({ skillId, status: "done" as const })),
    );
    expect(tally(roadmap.skills, statusOf).percent).toBe(75);
    expect(tally(roadmap.skills.slice(0, 3), statusOf).percent).toBe(100);
  });

  it("treats a skill without an entry as not started", () => {
    expect(statusLookup([])("anything")).toBe("pending");
  });
});

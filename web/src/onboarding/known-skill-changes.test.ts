import { describe, expect, it } from "vitest";
import type { ProgressStatus } from "../api/api-types.js";
import { knownSkillChanges } from "./known-skill-changes.js";

describe("known skill changes", () => {
  it("marks ticked skills done and known before the start, unticked done skills not started, and leaves the rest", () => {
    const current = new Map<string, ProgressStatus>([
      ["already-done", "done"],
      ["was-done", "done"],
      ["learning", "learning"],
      ["skipped", "skipped"],
    ]);
    const ticked = new Set(["already-done", "new", "learning"]);
    const onTrack = ["already-done", "was-done", "learning", "skipped", "new", "untouched"];
    expect(knownSkillChanges(current, ticked, onTrack)).toEqual([
      { skillId: "was-done", status: "pending" },
      { skillId: "learning", status: "done", knownBeforeStart: true },
      { skillId: "new", status: "done", knownBeforeStart: true },
    ]);
  });

  it("ignores ticks on skills that are not on the chosen track", () => {
    expect(knownSkillChanges(new Map(), new Set(["elsewhere"]), ["here"])).toEqual([]);
  });
});

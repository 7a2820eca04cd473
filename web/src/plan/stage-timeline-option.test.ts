import { describe, expect, it } from "vitest";
import type { LearnerPlan, Plan } from "../api/api-types.js";
import { stageTimelineOption } from "./stage-timeline-option.js";

const plan = (start: string, stages: Plan["stages"]): Plan => ({
  track: "node",
  hoursPerWeek: 10,
  start,
  end: "2027-12-31",
  totalHours: 100,
  totalWeeks: 10,
  items: [],
  stages,
});

const learnerPlan: LearnerPlan = {
  today: "2027-01-11",
  standing: "behind",
  daysAhead: -3,
  completedHours: 0,
  expectedHours: 10,
  original: plan("2027-01-01", [
    {
      id: "b",
      order: 2,
      title: "Second",
      start: "2027-02-01",
      end: "2027-02-10",
      hours: 20,
      skills: 2,
    },
    {
      id: "a",
      order: 1,
      title: "First",
      start: "2027-01-01",
      end: "2027-01-31",
      hours: 40,
      skills: 3,
    },
  ]),
  replanned: plan("2027-01-11", [
    { id: "a", order: 1, title: "First", start: null, end: null, hours: 0, skills: 0 },
    {
      id: "b",
      order: 2,
      title: "Second",
      start: "2027-01-11",
      end: "2027-01-20",
      hours: 20,
      skills: 2,
    },
  ]),
};

const colours = {
  text: "#111",
  muted: "#555",
  grid: "#ccc",
  original: "#999",
  replanned: "#00f",
  today: "#f60",
};

describe("stage timeline option", () => {
  it("places each stage's bars as offset and length in days from the earliest start", () => {
    const option = stageTimelineOption(learnerPlan, colours);
    expect(option.yAxis).toMatchObject({ data: ["First", "Second"] });
    const series = Array.isArray(option.series) ? option.series : [];
    const data = new Map<string, unknown>(series.map((s) => [String(s.name), s.data]));
    expect(data.get("As first planned offset")).toEqual([0, 31]);
    expect(data.get("As first planned")).toEqual([31, 10]);
    // a stage with nothing left has no bar from today
    expect(data.get("From today offset")).toEqual(["-", 10]);
    expect(data.get("From today")).toEqual(["-", 10]);
  });

  it("draws today's line at the day it falls on", () => {
    const option = stageTimelineOption(learnerPlan, colours);
    const series = Array.isArray(option.series) ? option.series : [];
    const withLine = series.find((s) => s.markLine !== undefined);
    expect(withLine?.markLine?.data).toEqual([{ xAxis: 10 }]);
  });
});

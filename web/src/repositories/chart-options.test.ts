import { describe, expect, it } from "vitest";
import { activityHeatmapOption, weekCells } from "./activity-heatmap-option.js";
import { signalsByArea } from "./signal-areas.js";
import { skillRadarOption } from "./skill-radar-option.js";

const colours = { text: "#111", empty: "#eee", low: "#9bf", high: "#12c" };

describe("the activity heatmap", () => {
  it("fills the weeks without commits between the first and the last with zero", () => {
    const cells = weekCells([
      ["2025-12-22", 3],
      ["2026-01-05", 1],
    ]);
    expect(cells.map((c) => [c.weekStart, c.year, c.commits])).toEqual([
      ["2025-12-22", 2025, 3],
      ["2025-12-29", 2025, 0],
      ["2026-01-05", 2026, 1],
    ]);
    expect(cells[0]?.week).toBe(50);
    expect(cells[2]?.week).toBe(0);
  });

  it("puts each year on its own row and scales the colours to the busiest week", () => {
    const option = activityHeatmapOption(
      [
        ["2025-12-29", 2],
        ["2026-01-05", 5],
      ],
      colours,
    );
    expect(option.yAxis).toMatchObject({ data: ["2025", "2026"] });
    expect(option.visualMap).toMatchObject({ max: 5 });
    expect(option.series).toMatchObject([
      {
        data: [
          [51, 0, 2],
          [0, 1, 5],
        ],
      },
    ]);
  });

  it("draws nothing for a history without weeks", () => {
    expect(weekCells([])).toEqual([]);
  });
});

describe("the skill-area radar", () => {
  it("has one axis per area and the share of signals found as a percentage", () => {
    const areas = signalsByArea({
      signals: {
        readme: { value: true, evidence: [] },
        readme_has_setup: { value: false, evidence: [] },
        api_docs: { value: true, evidence: [] },
      },
    });
    const option = skillRadarOption(areas, { text: "#111", grid: "#ccc", accent: "#12c" });
    expect(option.radar).toMatchObject({
      indicator: areas.map((a) => ({ name: a.title, max: 100 })),
    });
    expect(option.series).toMatchObject([{ data: [{ value: [0, 0, 0, 0, 0, 67, 0] }] }]);
  });
});

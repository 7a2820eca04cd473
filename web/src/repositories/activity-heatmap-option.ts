/**
 * The ECharts option for git activity: one row per year, one cell per week of that year, coloured
 * by the commits that week (report.git.weekly). Weeks without commits are drawn too, so pauses
 * show up as gaps rather than vanishing.
 */
import type { HeatmapSeriesOption } from "echarts/charts";
import type {
  GridComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from "echarts/components";
import type { ComposeOption } from "echarts/core";

export type HeatmapOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export interface HeatmapColours {
  readonly text: string;
  readonly empty: string;
  readonly low: string;
  readonly high: string;
}

export interface WeekCell {
  readonly year: number;
  /** 0-based week of the year, counted from 1 January */
  readonly week: number;
  readonly weekStart: string;
  readonly commits: number;
}

const DAY = 86_400_000;

/** Every week from the first to the last in `weekly`, with zero for weeks that had no commits. */
export function weekCells(weekly: readonly (readonly [string, number])[]): WeekCell[] {
  const first = weekly[0];
  const last = weekly.at(-1);
  if (!first || !last) return [];
  const counts = new Map(weekly.map(([week, commits]) => [week, commits]));
  const cells: WeekCell[] = [];
  for (let t = Date.parse(`${first[0]}T00:00:00Z`); t <= Date.parse(`${last[0]}T00:00:00Z`);) {
    const date = new Date(t);
    const weekStart = date.toISOString().slice(0, 10);
    const year = date.getUTCFullYear();
    const week = Math.floor((t - Date.UTC(year, 0, 1)) / (7 * DAY));
    cells.push({ year, week, weekStart, commits: counts.get(weekStart) ?? 0 });
    t += 7 * DAY;
  }
  return cells;
}

export function activityHeatmapOption(
  weekly: readonly (readonly [string, number])[],
  colours: HeatmapColours,
): HeatmapOption {
  const cells = weekCells(weekly);
  const years = [...new Set(cells.map((c) => c.year))].map(String);
  const most = Math.max(1, ...cells.map((c) => c.commits));
  return {
    grid: { left: 48, right: 16, top: 8, bottom: 56, containLabel: false },
    tooltip: {
      formatter: (params) => {
        const cell = cells[(params as { dataIndex: number }).dataIndex];
        if (!cell) return "";
        const noun = cell.commits === 1 ? "commit" : "commits";
        return `Week of ${cell.weekStart}: ${cell.commits} ${noun}`;
      },
    },
    xAxis: {
      type: "category",
      data: Array.from({ length: 53 }, (_, i) => String(i + 1)),
      name: "week of the year",
      nameLocation: "middle",
      nameGap: 24,
      nameTextStyle: { color: colours.text },
      axisLabel: { color: colours.text, interval: 3 },
      splitArea: { show: false },
    },
    yAxis: {
      type: "category",
      data: years,
      axisLabel: { color: colours.text },
    },
    visualMap: {
      min: 0,
      max: most,
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemHeight: 80,
      textStyle: { color: colours.text },
      inRange: { color: [colours.empty, colours.low, colours.high] },
    },
    series: [
      {
        type: "heatmap",
        name: "Commits per week",
        data: cells.map((c) => [c.week, years.indexOf(String(c.year)), c.commits]),
        itemStyle: { borderColor: colours.empty, borderWidth: 1 },
      },
    ],
  };
}

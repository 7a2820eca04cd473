/**
 * The report's two charts (ECharts, canvas): git activity as a heatmap of commits per week and a
 * radar of skill areas. Loaded lazily so the chart library is only fetched with a report; the
 * colours are read from the stylesheet, so both follow the theme.
 */
import { HeatmapChart, RadarChart } from "echarts/charts";
import {
  GridComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import { use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { EChart } from "../components/echart.js";
import { activityHeatmapOption } from "./activity-heatmap-option.js";
import type { AreaSignals } from "./signal-areas.js";
import { skillRadarOption } from "./skill-radar-option.js";

use([
  HeatmapChart,
  RadarChart,
  GridComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

const cssVar = (name: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim();

export function ActivityHeatmap({
  weekly,
  label,
}: {
  weekly: readonly (readonly [string, number])[];
  label: string;
}) {
  return (
    <EChart
      className="report-chart activity-chart"
      label={label}
      data={weekly}
      option={() =>
        activityHeatmapOption(weekly, {
          text: cssVar("--text"),
          empty: cssVar("--surface-2"),
          low: cssVar("--heat-low"),
          high: cssVar("--accent"),
        })
      }
    />
  );
}

export function SkillRadar({ areas, label }: { areas: readonly AreaSignals[]; label: string }) {
  return (
    <EChart
      className="report-chart radar-chart"
      label={label}
      data={areas}
      option={() =>
        skillRadarOption(areas, {
          text: cssVar("--text"),
          grid: cssVar("--border"),
          accent: cssVar("--accent"),
        })
      }
    />
  );
}

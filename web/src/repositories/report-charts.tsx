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
import { init, use, type EChartsCoreOption } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useThemeState } from "../theme/theme-context.js";
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

function Chart({
  option,
  label,
  className,
}: {
  option: () => EChartsCoreOption;
  label: string;
  className: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { theme } = useThemeState();
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = init(element, null, { renderer: "canvas" });
    chart.setOption(option());
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
    // `option` is rebuilt on every render; the data and the theme say when it changed
  }, [label, theme]);
  return <div ref={box} className={`report-chart ${className}`} role="img" aria-label={label} />;
}

export function ActivityHeatmap({
  weekly,
  label,
}: {
  weekly: readonly (readonly [string, number])[];
  label: string;
}) {
  return (
    <Chart
      className="activity-chart"
      label={label}
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
    <Chart
      className="radar-chart"
      label={label}
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

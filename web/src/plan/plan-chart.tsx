/**
 * The stage timeline chart (ECharts, canvas). Loaded lazily so the chart library is only fetched
 * on the plan page; the colours are read from the stylesheet, so it follows the theme.
 */
import { BarChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from "echarts/components";
import { use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { LearnerPlan } from "../api/api-types.js";
import { EChart } from "../components/echart.js";
import { stageTimelineOption, type TimelineColours } from "./stage-timeline-option.js";

use([
  BarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

function coloursFromStylesheet(): TimelineColours {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: v("--text"),
    muted: v("--text-muted"),
    grid: v("--border"),
    original: v("--chart-original"),
    replanned: v("--accent"),
    today: v("--today"),
  };
}

export default function PlanChart({ plan, label }: { plan: LearnerPlan; label: string }) {
  return (
    <EChart
      className="plan-chart"
      label={label}
      data={plan}
      option={() => stageTimelineOption(plan, coloursFromStylesheet())}
    />
  );
}

/** The ECharts option for the radar of skill areas: the share of each area's signals found. */
import type { RadarSeriesOption } from "echarts/charts";
import type { RadarComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import type { AreaSignals } from "./signal-areas.js";

export type RadarOption = ComposeOption<
  RadarSeriesOption | RadarComponentOption | TooltipComponentOption
>;

export interface RadarColours {
  readonly text: string;
  readonly grid: string;
  readonly accent: string;
}

export function skillRadarOption(
  areas: readonly AreaSignals[],
  colours: RadarColours,
): RadarOption {
  return {
    tooltip: { trigger: "item" },
    radar: {
      indicator: areas.map((a) => ({ name: a.title, max: 100 })),
      axisName: { color: colours.text },
      splitLine: { lineStyle: { color: colours.grid } },
      axisLine: { lineStyle: { color: colours.grid } },
      splitArea: { show: false },
    },
    series: [
      {
        type: "radar",
        name: "Skill areas",
        data: [
          {
            name: "Signals found (%)",
            value: areas.map((a) => Math.round(a.share * 100)),
            areaStyle: { color: colours.accent, opacity: 0.25 },
            lineStyle: { color: colours.accent },
            itemStyle: { color: colours.accent },
          },
        ],
      },
    ],
  };
}

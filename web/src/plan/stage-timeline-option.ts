/**
 * The ECharts option for the plan's stage timeline: for each stage a bar as first planned and a
 * bar as scheduled from today, on one day axis, with a line at today. Bars are drawn as stacked
 * horizontal bars whose first, invisible part is the offset from the earliest date.
 */
import type { BarSeriesOption } from "echarts/charts";
import type { ComposeOption } from "echarts/core";
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import type { LearnerPlan, Plan } from "../api/api-types.js";
import { addDays, daysBetween, formatDate, formatMonth } from "./plan-dates.js";

export type TimelineOption = ComposeOption<
  | BarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

export interface TimelineColours {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly original: string;
  readonly replanned: string;
  readonly today: string;
}

interface Span {
  readonly offset: number | "-";
  readonly length: number | "-";
}

export function stageTimelineOption(plan: LearnerPlan, colours: TimelineColours): TimelineOption {
  const origin =
    plan.original.start < plan.replanned.start ? plan.original.start : plan.replanned.start;
  const stages = [...plan.original.stages].sort((a, b) => a.order - b.order);
  const spanOf = (p: Plan, stageId: string): Span => {
    const stage = p.stages.find((s) => s.id === stageId);
    if (!stage || stage.start === null || stage.end === null) return { offset: "-", length: "-" };
    return {
      offset: daysBetween(origin, stage.start),
      length: daysBetween(stage.start, stage.end) + 1,
    };
  };
  const original = stages.map((s) => spanOf(plan.original, s.id));
  const replanned = stages.map((s) => spanOf(plan.replanned, s.id));
  const titles = stages.map((s) => s.title);
  const pair = (
    name: string,
    spans: Span[],
    colour: string,
    extra: Partial<BarSeriesOption> = {},
  ): BarSeriesOption[] => [
    {
      name: `${name} offset`,
      type: "bar",
      stack: name,
      silent: true,
      itemStyle: { color: "transparent" },
      data: spans.map((s) => s.offset),
      tooltip: { show: false },
    },
    {
      ...extra,
      name,
      type: "bar",
      stack: name,
      itemStyle: { color: colour, borderRadius: 3 },
      data: spans.map((s) => s.length),
    },
  ];
  const series = [
    ...pair("As first planned", original, colours.original),
    ...pair("From today", replanned, colours.replanned, {
      markLine: {
        symbol: "none",
        silent: true,
        lineStyle: { color: colours.today, width: 2, type: "solid" },
        label: { formatter: "Today", color: colours.text, position: "start" },
        data: [{ xAxis: daysBetween(origin, plan.today) }],
      },
    }),
  ];

  return {
    animation: false,
    backgroundColor: "transparent",
    textStyle: { color: colours.text },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: {
      data: ["As first planned", "From today"],
      textStyle: { color: colours.text },
      top: 0,
    },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: unknown) => {
        const index = Array.isArray(params) ? indexOf(params[0]) : indexOf(params);
        const stage = stages[index];
        if (!stage) return "";
        const line = (label: string, span: Span) =>
          typeof span.offset === "number" && typeof span.length === "number"
            ? `${label}: ${formatDate(addDays(origin, span.offset))} – ${formatDate(addDays(origin, span.offset + span.length - 1))}`
            : `${label}: nothing left`;
        return [
          stage.title,
          line("As first planned", original[index] ?? { offset: "-", length: "-" }),
          line("From today", replanned[index] ?? { offset: "-", length: "-" }),
        ].join("<br/>");
      },
    },
    xAxis: {
      type: "value",
      min: 0,
      axisLabel: {
        color: colours.muted,
        formatter: (value: number) => formatMonth(addDays(origin, value)),
      },
      splitLine: { lineStyle: { color: colours.grid } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: titles,
      axisLabel: { color: colours.text },
      axisLine: { lineStyle: { color: colours.grid } },
    },
    series,
  };
}

function indexOf(param: unknown): number {
  return typeof param === "object" &&
    param !== null &&
    "dataIndex" in param &&
    typeof param.dataIndex === "number"
    ? param.dataIndex
    : -1;
}

/**
 * One ECharts chart on a canvas, sized with its box and drawn again when its data or the theme
 * changes (the colours come from the stylesheet). The chart types it draws are registered with
 * echarts' `use` by the calling module, so each lazily loaded chart carries only its own.
 */
import { init, type EChartsCoreOption } from "echarts/core";
import { useEffect, useRef } from "react";
import { useThemeState } from "../theme/theme-context.js";

export function EChart({
  option,
  data,
  label,
  className,
}: {
  /** built when the chart is drawn, after the theme's stylesheet applies */
  option: () => EChartsCoreOption;
  /** what the option is built from: a new value draws the chart again */
  data: unknown;
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
    // `option` is a new closure on every render; `data` and the theme say when it changed
  }, [data, label, theme]);
  return <div ref={box} className={className} role="img" aria-label={label} />;
}

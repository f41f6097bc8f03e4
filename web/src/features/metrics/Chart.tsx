import { BarChart, CustomChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  LineChart,
  BarChart,
  CustomChart,
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
  AriaComponent,
  CanvasRenderer,
]);

export type ChartOption = Parameters<echarts.ECharts["setOption"]>[0];

/**
 * An ECharts canvas that follows its container's width. The chart is an image for assistive
 * technology: `label` describes it, and every chart has a table or list with the same numbers beside it.
 */
export function Chart({
  option,
  label,
  className = "chart",
  height,
}: {
  option: ChartOption;
  label: string;
  className?: string;
  /** Overrides the class's height, for charts that grow with their data. */
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      className={className}
      role="img"
      aria-label={label}
      style={height === undefined ? undefined : { height }}
    />
  );
}

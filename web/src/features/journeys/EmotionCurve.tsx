import { LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface CurvePoint {
  /** Column key: a step id, or a placeholder for an empty stage (no value). */
  key: string;
  title: string;
  emotion: number | null;
  signature: boolean;
}

const STAR = "path://M12 1.5l3.2 6.6 7.3 1-5.3 5.1 1.3 7.2L12 18l-6.5 3.4 1.3-7.2L1.5 9.1l7.3-1z";

const RED = [217, 45, 32] as const;
const AMBER = [247, 144, 9] as const;
const GREEN = [18, 183, 106] as const;

/** −3 red, 0 amber, +3 green, blended in between. */
function emotionColor(v: number): string {
  const t = Math.max(-3, Math.min(3, v)) / 3;
  const [from, to, f] = t < 0 ? [AMBER, RED, -t] : [AMBER, GREEN, t];
  const mix = from.map((c, i) => Math.round(c + ((to[i] ?? c) - c) * f));
  return `rgb(${mix.join(",")})`;
}

const PAD_TOP = 18;
const PAD_BOTTOM = 18;

/**
 * The emotion curve across all steps. One category per map column so every point sits in the middle
 * of its step's column; the chart is exactly as wide as those columns.
 */
export function EmotionCurve({
  points,
  width,
  height,
  ariaLabel,
  tooltip,
}: {
  points: CurvePoint[];
  width: number;
  height: number;
  ariaLabel: string;
  tooltip: (point: CurvePoint) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const pointsRef = useRef(points);
  pointsRef.current = points;
  const tooltipRef = useRef(tooltip);
  tooltipRef.current = tooltip;

  useEffect(() => {
    if (!ref.current) return;
    // Two pixels per CSS pixel at least, so exported images stay sharp.
    const chart = echarts.init(ref.current, undefined, {
      renderer: "canvas",
      devicePixelRatio: Math.max(2, window.devicePixelRatio || 1),
    });
    chartRef.current = chart;
    return () => {
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.resize({ width, height });
    chart.setOption(
      {
        animation: false,
        aria: { enabled: true, label: { description: ariaLabel } },
        grid: { left: 0, right: 0, top: PAD_TOP, bottom: PAD_BOTTOM },
        xAxis: {
          type: "category",
          data: points.map((p) => p.key),
          boundaryGap: true,
          axisLine: { show: false },
          axisTick: { show: false },
          axisLabel: { show: false },
        },
        yAxis: {
          type: "value",
          min: -3,
          max: 3,
          interval: 1,
          axisLabel: { show: false },
          splitLine: { lineStyle: { color: "#eef0f3" } },
        },
        tooltip: {
          trigger: "item",
          // Canvas-drawn tooltips: no HTML, so no inline styles under the CSP and user text stays text.
          renderMode: "richText",
          formatter: (params: { dataIndex: number }) => {
            const p = pointsRef.current[params.dataIndex];
            return p ? tooltipRef.current(p) : "";
          },
        },
        series: [
          {
            type: "line",
            smooth: 0.4,
            connectNulls: true,
            z: 3,
            lineStyle: {
              width: 3,
              color: {
                type: "linear",
                global: true,
                x: 0,
                y: PAD_TOP,
                x2: 0,
                y2: height - PAD_BOTTOM,
                colorStops: [
                  { offset: 0, color: emotionColor(3) },
                  { offset: 0.5, color: emotionColor(0) },
                  { offset: 1, color: emotionColor(-3) },
                ],
              },
            },
            areaStyle: { origin: 0, opacity: 0.06, color: "#4338ca" },
            data: points.map((p) =>
              p.emotion === null
                ? { value: "-" }
                : {
                    value: p.emotion,
                    symbol: p.signature ? STAR : "circle",
                    symbolSize: p.signature ? 24 : 11,
                    itemStyle: {
                      color: emotionColor(p.emotion),
                      borderColor: p.signature ? "#1b1f24" : "#ffffff",
                      borderWidth: p.signature ? 1.5 : 2,
                    },
                  },
            ),
            markLine: {
              silent: true,
              symbol: "none",
              label: { show: false },
              lineStyle: { color: "#98a2b3", type: "dashed", width: 1 },
              data: [{ yAxis: 0 }],
            },
          },
        ],
      },
      { notMerge: true },
    );
  }, [points, width, height, ariaLabel]);

  return <div ref={ref} className="emotion-curve" style={{ width, height }} />;
}

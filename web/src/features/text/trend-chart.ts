import type { Polarity } from "../../api/text";
import type { ChartOption } from "../metrics/Chart";
import { BAND_COLORS } from "../metrics/chart-options";
import type { TrendPoint } from "./trend";

const AXIS = "#98a2b3";
const GRID = "#eef0f3";
const TEXT = "#555c69";
const LINE = "#4338ca";
const axisLabel = { color: TEXT, fontSize: 12 };

/** Negative at the bottom, so the part that needs attention starts on the axis. */
export const STACK: readonly Polarity[] = ["negative", "neutral", "positive"];

/**
 * Mentions per period as bars stacked by polarity (left axis) and the mean score as a line on
 * its own axis from −1 to 1 (right). Tooltips are canvas text, so user-named labels stay inert.
 */
export function trendChartOption(
  points: TrendPoint[],
  labels: { period: (p: string) => string; polarity: Record<Polarity, string>; meanScore: string },
  describe: (index: number) => string,
): ChartOption {
  return {
    animation: false,
    grid: { left: 48, right: 48, top: 16, bottom: 48 },
    tooltip: {
      trigger: "axis",
      renderMode: "richText",
      axisPointer: { type: "shadow" },
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? params[0] : params;
        const index =
          typeof first === "object" && first !== null && "dataIndex" in first ? Number(first.dataIndex) : -1;
        return index >= 0 ? describe(index) : "";
      },
    },
    xAxis: {
      type: "category",
      data: points.map((p) => labels.period(p.period)),
      axisLine: { lineStyle: { color: AXIS } },
      axisLabel: { ...axisLabel, hideOverlap: true },
    },
    yAxis: [
      { type: "value", minInterval: 1, axisLabel, splitLine: { lineStyle: { color: GRID } } },
      {
        type: "value",
        min: -1,
        max: 1,
        interval: 0.5,
        axisLabel,
        splitLine: { show: false },
      },
    ],
    series: [
      ...STACK.map((polarity) => ({
        name: labels.polarity[polarity],
        type: "bar" as const,
        stack: "mentions",
        barMaxWidth: 36,
        itemStyle: { color: BAND_COLORS[polarity] },
        data: points.map((p) => p[polarity]),
      })),
      {
        name: labels.meanScore,
        type: "line" as const,
        yAxisIndex: 1,
        connectNulls: true,
        symbol: "circle",
        symbolSize: 7,
        lineStyle: { width: 2.5, color: LINE },
        itemStyle: { color: LINE },
        data: points.map((p) => (p.meanScore === null ? "-" : p.meanScore)),
      },
    ],
  } as ChartOption;
}

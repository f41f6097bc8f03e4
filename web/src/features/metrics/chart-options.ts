import type { ChartOption } from "./Chart";

export interface ChartPoint {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  /** Under n = 30: drawn hollow, so a thin sample does not look as firm as a large one. */
  small: boolean;
}

const ACCENT = "#4338ca";
const BAND = "rgba(67, 56, 202, 0.14)";
const AXIS = "#98a2b3";
const GRID = "#eef0f3";
const TEXT = "#555c69";

const axisLabel = { color: TEXT, fontSize: 12 };

/** Shared tooltip: canvas-drawn text, so no inline HTML under the CSP and labels stay inert. */
function tooltip(describe: (index: number) => string) {
  return {
    trigger: "axis" as const,
    renderMode: "richText" as const,
    formatter: (params: unknown) => {
      const first = Array.isArray(params) ? params[0] : params;
      const index =
        typeof first === "object" && first !== null && "dataIndex" in first ? Number(first.dataIndex) : -1;
      return index >= 0 ? describe(index) : "";
    },
  };
}

/**
 * A trend line with the 95 % interval as a band: an invisible series at the lower bound, and the band's
 * height stacked on it (`stackStrategy: "all"` so NPS bands below zero stack correctly).
 */
export function trendOption(
  points: ChartPoint[],
  range: { min: number; max: number },
  format: (v: number) => string,
  describe: (index: number) => string,
): ChartOption {
  // A band needs two points; a single point shows its interval as an error bar instead.
  const hasBand = points.length > 1 && points.some((p) => p.low !== null && p.high !== null);
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    tooltip: tooltip(describe),
    xAxis: {
      type: "category",
      data: points.map((p) => p.label),
      boundaryGap: false,
      axisLine: { lineStyle: { color: AXIS } },
      axisLabel: { ...axisLabel, hideOverlap: true },
    },
    yAxis: {
      type: "value",
      min: range.min,
      max: range.max,
      axisLabel: { ...axisLabel, formatter: (v: number) => format(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      ...(hasBand
        ? [
            {
              type: "line" as const,
              stack: "band",
              stackStrategy: "all" as const,
              silent: true,
              symbol: "none",
              lineStyle: { opacity: 0 },
              data: points.map((p) => p.low ?? "-"),
            },
            {
              type: "line" as const,
              stack: "band",
              stackStrategy: "all" as const,
              silent: true,
              symbol: "none",
              lineStyle: { opacity: 0 },
              areaStyle: { color: BAND },
              data: points.map((p) => (p.low !== null && p.high !== null ? p.high - p.low : "-")),
            },
          ]
        : []),
      {
        type: "line" as const,
        connectNulls: true,
        lineStyle: { width: 2.5, color: ACCENT },
        itemStyle: { color: ACCENT },
        symbol: "circle",
        symbolSize: 8,
        data: points.map((p) =>
          p.value === null
            ? "-"
            : {
                value: p.value,
                // An empty circle is filled white and stroked in the item colour.
                symbol: p.small ? "emptyCircle" : "circle",
                itemStyle: { color: ACCENT, borderWidth: 2 },
              },
        ),
      },
      ...(points.length === 1 ? [errorBars(points)] : []),
    ],
  } as ChartOption;
}

/**
 * The 95 % interval of each point as an error bar with caps (a custom series): vertical over a
 * category x axis, horizontal over a category y axis.
 */
function errorBars(points: ChartPoint[], horizontal = false) {
  return {
    type: "custom" as const,
    silent: true,
    z: 5,
    data: points.map((p, i) => [i, p.low ?? Number.NaN, p.high ?? Number.NaN]),
    renderItem: (_params: unknown, api: RenderApi) => {
      const index = api.value(0);
      const low = api.value(1);
      const high = api.value(2);
      if (!Number.isFinite(low) || !Number.isFinite(high)) return null;
      const cap = 5;
      const style = { stroke: "#1b1f24", lineWidth: 1.5 };
      if (horizontal) {
        const [xLow = 0, y = 0] = api.coord([low, index]);
        const [xHigh = 0] = api.coord([high, index]);
        return {
          type: "group",
          children: [
            { type: "line", shape: { x1: xLow, y1: y, x2: xHigh, y2: y }, style },
            { type: "line", shape: { x1: xLow, y1: y - cap, x2: xLow, y2: y + cap }, style },
            { type: "line", shape: { x1: xHigh, y1: y - cap, x2: xHigh, y2: y + cap }, style },
          ],
        };
      }
      const [x = 0, yLow = 0] = api.coord([index, low]);
      const [, yHigh = 0] = api.coord([index, high]);
      return {
        type: "group",
        children: [
          { type: "line", shape: { x1: x, y1: yLow, x2: x, y2: yHigh }, style },
          { type: "line", shape: { x1: x - cap, y1: yLow, x2: x + cap, y2: yLow }, style },
          { type: "line", shape: { x1: x - cap, y1: yHigh, x2: x + cap, y2: yHigh }, style },
        ],
      };
    },
  };
}

interface RenderApi {
  value: (dim: number) => number;
  coord: (point: [number, number]) => number[];
}

/** Pixels per group in the horizontal bar chart; the chart grows with the number of groups. */
export const BAR_ROW_HEIGHT = 28;
/** Groups drawn at most (the largest first, as the API orders them); the table lists all. */
export const MAX_BARS = 30;

/**
 * Horizontal bars for categorical groups (names stay readable however many there are), with the
 * 95 % interval as error bars. Small samples are drawn pale with a dashed outline.
 */
export function barOption(
  points: ChartPoint[],
  range: { min: number; max: number },
  format: (v: number) => string,
  describe: (index: number) => string,
): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { ...tooltip(describe), axisPointer: { type: "shadow" } },
    yAxis: {
      type: "category",
      inverse: true,
      data: points.map((p) => p.label),
      axisLine: { lineStyle: { color: AXIS } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, width: 200, overflow: "truncate" },
    },
    xAxis: {
      type: "value",
      min: range.min,
      max: range.max,
      axisLabel: { ...axisLabel, formatter: (v: number) => format(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 18,
        data: points.map((p) =>
          p.value === null
            ? "-"
            : {
                value: p.value,
                itemStyle: p.small
                  ? {
                      color: "rgba(67, 56, 202, 0.3)",
                      borderColor: ACCENT,
                      borderWidth: 1,
                      borderType: "dashed",
                    }
                  : { color: ACCENT },
              },
        ),
      },
      errorBars(points, true),
    ],
  } as ChartOption;
}

export type Band = "negative" | "neutral" | "positive";
export const BAND_COLORS: Record<Band, string> = {
  negative: "#d92d20",
  neutral: "#f79009",
  positive: "#12b76a",
};

/** A histogram of answers per scale value, each bar coloured by its score band. */
export function distributionOption(
  bars: { label: string; count: number; band: Band | null }[],
  describe: (index: number) => string,
): ChartOption {
  return {
    animation: false,
    grid: { left: 40, right: 8, top: 12, bottom: 28 },
    tooltip: tooltip(describe),
    xAxis: {
      type: "category",
      data: bars.map((b) => b.label),
      axisLine: { lineStyle: { color: AXIS } },
      axisTick: { show: false },
      axisLabel,
    },
    yAxis: {
      type: "value",
      minInterval: 1,
      axisLabel,
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 36,
        data: bars.map((b) => ({
          value: b.count,
          itemStyle: { color: b.band ? BAND_COLORS[b.band] : ACCENT },
        })),
      },
    ],
  };
}

/** Horizontal bars for choice questions: one per option. */
export function optionsOption(
  bars: { label: string; count: number }[],
  describe: (index: number) => string,
): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: tooltip(describe),
    xAxis: { type: "value", minInterval: 1, axisLabel, splitLine: { lineStyle: { color: GRID } } },
    yAxis: {
      type: "category",
      inverse: true,
      data: bars.map((b) => b.label),
      axisLabel: { ...axisLabel, width: 160, overflow: "truncate" },
    },
    series: [{ type: "bar", barMaxWidth: 22, itemStyle: { color: ACCENT }, data: bars.map((b) => b.count) }],
  };
}

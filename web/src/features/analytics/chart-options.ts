import { SankeyChart } from "echarts/charts";
import { LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import type { ChartOption } from "../metrics/Chart";

// The metrics chart registers bars, lines and custom series; the paths view adds the sankey series.
echarts.use([SankeyChart, LegendComponent]);

const ACCENT = "#4338ca";
const PALE = "#e0e3f5";
const P90 = "#f79009";
const OVER = "#d92d20";
const END = "#98a2b3";
/** Node colours of the sankey: one per event name, the same in every column. */
const PALETTE = ["#4338ca", "#0e9384", "#dc6803", "#7a5af8", "#2e90fa", "#c11574", "#4e5ba6", "#669f2a"];
const AXIS = "#98a2b3";
const GRID = "#eef0f3";
const TEXT = "#555c69";
const axisLabel = { color: TEXT, fontSize: 12 };

/** Canvas-drawn tooltip text (no HTML under the CSP), described per data index by the caller. */
function tooltip(describe: (index: number) => string, trigger: "axis" | "item" = "axis") {
  return {
    trigger,
    renderMode: "richText" as const,
    formatter: (params: unknown) => {
      const first = Array.isArray(params) ? params[0] : params;
      const index =
        typeof first === "object" && first !== null && "dataIndex" in first ? Number(first.dataIndex) : -1;
      return index >= 0 ? describe(index) : "";
    },
  };
}

export interface FunnelBar {
  label: string;
  reached: number;
  /** The first step's units that did not get this far: the pale rest of the bar. */
  lost: number;
  /** Shown above the bar, e.g. "35 · 87.5 %". */
  caption: string;
  /** Shown under the step name, e.g. the median time from the step before. */
  detail: string;
}

/** Vertical bars per step: reached in colour, the units lost since step 1 pale on top. */
export function funnelOption(bars: FunnelBar[], describe: (index: number) => string): ChartOption {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { ...tooltip(describe), axisPointer: { type: "shadow" } },
    xAxis: {
      type: "category",
      data: bars.map((b) => (b.detail ? `${b.label}\n${b.detail}` : b.label)),
      axisLine: { lineStyle: { color: AXIS } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, interval: 0, width: 140, overflow: "break", lineHeight: 16 },
    },
    yAxis: { type: "value", minInterval: 1, axisLabel, splitLine: { lineStyle: { color: GRID } } },
    series: [
      {
        type: "bar",
        stack: "funnel",
        barMaxWidth: 72,
        itemStyle: { color: ACCENT },
        data: bars.map((b) => b.reached),
      },
      {
        type: "bar",
        stack: "funnel",
        barMaxWidth: 72,
        itemStyle: { color: PALE },
        label: {
          show: true,
          position: "top",
          color: "#1b1f24",
          fontSize: 12,
          fontWeight: 600,
          formatter: (p: { dataIndex: number }) => bars[p.dataIndex]?.caption ?? "",
        },
        data: bars.map((b) => b.lost),
      },
    ],
  } as ChartOption;
}

/** A histogram of waits; bars starting at or above the target are drawn in red. */
export function histogramOption(
  bars: { label: string; count: number; over: boolean }[],
  describe: (index: number) => string,
): ChartOption {
  return {
    animation: false,
    grid: { left: 40, right: 8, top: 12, bottom: 8, containLabel: true },
    tooltip: { ...tooltip(describe), axisPointer: { type: "shadow" } },
    xAxis: {
      type: "category",
      data: bars.map((b) => b.label),
      axisLine: { lineStyle: { color: AXIS } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, interval: 0, rotate: 35 },
    },
    yAxis: { type: "value", minInterval: 1, axisLabel, splitLine: { lineStyle: { color: GRID } } },
    series: [
      {
        type: "bar",
        barCategoryGap: "8%",
        data: bars.map((b) => ({ value: b.count, itemStyle: { color: b.over ? OVER : ACCENT } })),
      },
    ],
  } as ChartOption;
}

/** Median and p90 wait per week, in seconds on the axis, formatted by the caller. */
export function weeklyOption(
  weeks: { label: string; median: number | null; p90: number | null }[],
  names: { median: string; p90: string },
  format: (seconds: number) => string,
  describe: (index: number) => string,
): ChartOption {
  const line = (name: string, color: string, values: (number | null)[]) => ({
    type: "line" as const,
    name,
    connectNulls: true,
    symbol: "circle",
    symbolSize: 7,
    lineStyle: { width: 2.5, color },
    itemStyle: { color },
    data: values.map((v) => v ?? "-"),
  });
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: TEXT } },
    tooltip: tooltip(describe),
    xAxis: {
      type: "category",
      data: weeks.map((w) => w.label),
      boundaryGap: false,
      axisLine: { lineStyle: { color: AXIS } },
      axisLabel: { ...axisLabel, hideOverlap: true },
    },
    yAxis: {
      type: "value",
      axisLabel: { ...axisLabel, formatter: (v: number) => format(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      line(
        names.median,
        ACCENT,
        weeks.map((w) => w.median),
      ),
      line(
        names.p90,
        P90,
        weeks.map((w) => w.p90),
      ),
    ],
  } as ChartOption;
}

export interface SankeyNode {
  /** Unique per column, since one event can appear at several depths. */
  id: string;
  label: string;
  end: boolean;
}

/** A sankey of paths: nodes per column (depth), links weighted by units. */
export function sankeyOption(
  nodes: SankeyNode[],
  links: { source: string; target: string; value: number }[],
  describeLink: (index: number) => string,
): ChartOption {
  const labels = new Map(nodes.map((n) => [n.id, n.label]));
  const colors = new Map<string, string>();
  for (const n of nodes)
    if (!n.end && !colors.has(n.label)) colors.set(n.label, PALETTE[colors.size % PALETTE.length] ?? ACCENT);
  return {
    animation: false,
    tooltip: {
      trigger: "item",
      renderMode: "richText",
      formatter: (p: { dataType?: string; dataIndex: number; name?: string }) =>
        p.dataType === "edge" ? describeLink(p.dataIndex) : (labels.get(p.name ?? "") ?? ""),
    },
    series: [
      {
        type: "sankey",
        left: 8,
        right: 140,
        top: 8,
        bottom: 8,
        nodeGap: 10,
        nodeWidth: 14,
        layoutIterations: 32,
        emphasis: { focus: "adjacency" },
        data: nodes.map((n) => ({
          name: n.id,
          itemStyle: { color: n.end ? END : (colors.get(n.label) ?? ACCENT), borderWidth: 0 },
        })),
        links,
        lineStyle: { color: "source", opacity: 0.25, curveness: 0.5 },
        label: {
          color: "#1b1f24",
          fontSize: 12,
          formatter: (p: { name: string }) => labels.get(p.name) ?? p.name,
        },
      },
    ],
  } as ChartOption;
}

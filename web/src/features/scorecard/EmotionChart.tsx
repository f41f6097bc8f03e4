import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Chart, type ChartOption } from "../metrics/Chart";
import { formatNumber } from "../metrics/format";
import { BELOW_COLOR, DESIGNED_COLOR, emotionSeries, MEASURED_COLOR, OFFSET } from "./emotion-chart";
import type { ScorecardStep } from "./types";

/** Designed vs measured emotion per step; red shading where the measured curve falls below the design. */
export function EmotionChart({ steps }: { steps: ScorecardStep[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const s = emotionSeries(steps);
    const label = (v: number) => formatNumber(v - OFFSET, 0);
    return {
      grid: { left: 48, right: 24, top: 24, bottom: 96 },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: unknown) => (typeof v === "number" ? formatNumber(v - OFFSET, 2) : "–"),
      },
      xAxis: {
        type: "category",
        data: s.labels,
        axisLabel: { interval: 0, rotate: 35, width: 140, overflow: "truncate" },
      },
      yAxis: { type: "value", min: 0, max: 6, interval: 1, axisLabel: { formatter: label } },
      series: [
        {
          name: "base",
          type: "line",
          stack: "gap",
          data: s.base,
          symbol: "none",
          lineStyle: { opacity: 0 },
          tooltip: { show: false },
          silent: true,
        },
        {
          name: t("scorecard.below"),
          type: "line",
          stack: "gap",
          data: s.band,
          symbol: "none",
          lineStyle: { opacity: 0 },
          areaStyle: { color: BELOW_COLOR, opacity: 0.35 },
          tooltip: { show: false },
          silent: true,
        },
        {
          name: t("scorecard.designed"),
          type: "line",
          data: s.designed,
          connectNulls: true,
          lineStyle: { type: "dashed", color: DESIGNED_COLOR, width: 2 },
          itemStyle: { color: DESIGNED_COLOR },
        },
        {
          name: t("scorecard.measured"),
          type: "line",
          data: s.measured,
          connectNulls: true,
          lineStyle: { color: MEASURED_COLOR, width: 3 },
          itemStyle: { color: MEASURED_COLOR },
        },
      ],
    };
  }, [steps, t]);
  return <Chart option={option} label={t("scorecard.chartLabel")} height={360} />;
}

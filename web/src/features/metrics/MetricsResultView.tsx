import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type GroupBy, type MetricGroup, type MetricsResult, TIME_GROUPS } from "../../api/listen";
import { formatDate } from "../../components/format";
import { channelLabel, languageLabel } from "../feedback/labels";
import { Chart } from "./Chart";
import { BAR_ROW_HEIGHT, barOption, type ChartPoint, MAX_BARS, trendOption } from "./chart-options";
import { formatInterval, formatMetric, formatNumber, metricRange } from "./format";
import { MetricFigure, SmallSampleIcon } from "./MetricFigure";

/** Channel and language keys are translated, dates formatted; other labels come resolved from the API. */
export function groupLabel(t: TFunction, groupBy: GroupBy, group: MetricGroup): string {
  if (groupBy === "channel") return channelLabel(t, group.key);
  if (groupBy === "language") return languageLabel(t, group.key);
  if ((groupBy === "day" || groupBy === "week") && /^\d{4}-\d{2}-\d{2}/.test(group.key)) {
    const day = formatDate(group.key.slice(0, 10));
    return groupBy === "week" ? t("metrics.weekOf", { day }) : day;
  }
  if (group.key === "") return t("metrics.none");
  return group.label ?? group.key;
}

export function MetricsResultView({ result, busy }: { result: MetricsResult; busy: boolean }) {
  const { t } = useTranslation();
  const { metric, groupBy } = result;
  const isTime = TIME_GROUPS.includes(groupBy);
  const labels = useMemo(() => result.groups.map((g) => groupLabel(t, groupBy, g)), [result, groupBy, t]);

  const option = useMemo(() => {
    if (groupBy === "none" || result.groups.length === 0) return null;
    const shown = isTime ? result.groups : result.groups.slice(0, MAX_BARS);
    const points: ChartPoint[] = shown.map((g, i) => ({
      label: labels[i] ?? g.key,
      value: g.value,
      low: g.interval?.low ?? null,
      high: g.interval?.high ?? null,
      small: g.warning === "small_sample",
    }));
    const format = (v: number) => formatMetric(metric, v);
    const describe = (i: number) => {
      const g = result.groups[i];
      if (!g) return "";
      return [
        labels[i],
        `${t(`metrics.names.${metric}`)}: ${formatMetric(metric, g.value)}`,
        t("metrics.interval95", { range: formatInterval(metric, g.interval) }),
        t("metrics.nValue", { n: formatNumber(g.n) }),
      ].join("\n");
    };
    return isTime
      ? trendOption(points, metricRange(metric), format, describe)
      : barOption(points, metricRange(metric), format, describe);
  }, [result, labels, metric, groupBy, isTime, t]);

  const chartLabel = t(isTime ? "metrics.trendLabel" : "metrics.barLabel", {
    metric: t(`metrics.names.${metric}`),
    group: t(`metrics.groups.${groupBy}`),
  });

  return (
    <div className={busy ? "metrics-result metrics-result--busy" : "metrics-result"}>
      <div className="metrics-result__top">
        <MetricFigure metric={metric} value={result.overall} label={t("metrics.overall")} />
        {option ? (
          <div className="chart-card">
            <Chart
              option={option}
              label={chartLabel}
              className="chart chart--metrics"
              height={isTime ? undefined : barsHeight(Math.min(MAX_BARS, result.groups.length))}
            />
            <p className="chart-card__legend">
              {isTime ? t("metrics.bandLegend") : t("metrics.barLegend")}
              {!isTime && result.groups.length > MAX_BARS
                ? ` ${t("metrics.barsTruncated", { count: MAX_BARS })}`
                : null}
            </p>
          </div>
        ) : null}
      </div>
      {result.groups.length === 0 ? (
        <p className="notice-inline">{t("metrics.noData")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense metrics-table">
            <caption className="sr-only">{chartLabel}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`metrics.groups.${groupBy}`)}</th>
                <th scope="col" className="cell-num">
                  n
                </th>
                <th scope="col" className="cell-num">
                  {t(`metrics.names.${metric}`)}
                </th>
                <th scope="col" className="cell-num">
                  {t("metrics.intervalColumn")}
                </th>
                <th scope="col">{t("metrics.warningColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {result.groups.map((g, i) => (
                <tr key={g.key || "(none)"}>
                  <th scope="row" className="cell-primary">
                    {labels[i]}
                  </th>
                  <td className="cell-num">{formatNumber(g.n)}</td>
                  <td className="cell-num">{formatMetric(metric, g.value)}</td>
                  <td className="cell-num">{formatInterval(metric, g.interval)}</td>
                  <td>{g.warning === "small_sample" ? <SmallSampleIcon /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

const barsHeight = (count: number) => Math.max(160, count * BAR_ROW_HEIGHT + 48);

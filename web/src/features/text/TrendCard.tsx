import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { TrendResult } from "../../api/text";
import { Chart } from "../metrics/Chart";
import { formatCount, formatPeriod, formatScore } from "./format";
import { trendPoints } from "./trend";
import { STACK, trendChartOption } from "./trend-chart";

/** Mentions by polarity and the mean score per period, with the numbers as a table for everyone. */
export function TrendCard({
  result,
  aspect,
  aspectLabel,
  busy,
}: {
  result: TrendResult | undefined;
  aspect: string;
  aspectLabel: (key: string) => string;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const points = useMemo(() => (result ? trendPoints(result, aspect) : []), [result, aspect]);
  const interval = result?.interval ?? "week";
  const name = aspectLabel(aspect);
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels follow the UI language
  const option = useMemo(() => {
    const polarity = {
      negative: t("text.polarity.negative"),
      neutral: t("text.polarity.neutral"),
      positive: t("text.polarity.positive"),
    };
    const describe = (index: number) => {
      const p = points[index];
      if (!p) return "";
      return [
        formatPeriod(p.period, interval),
        ...STACK.map((s) => `${polarity[s]}: ${formatCount(p[s])}`),
        `${t("text.stats.meanScore")}: ${formatScore(p.meanScore)}`,
      ].join("\n");
    };
    return trendChartOption(
      points,
      { period: (p) => formatPeriod(p, interval), polarity, meanScore: t("text.stats.meanScore") },
      describe,
    );
  }, [points, interval, t, i18n.language]);

  return (
    <section
      className={busy ? "chart-card metrics-result--busy" : "chart-card"}
      aria-labelledby="trend-title"
    >
      <h2 className="section__title" id="trend-title">
        {t("text.trend.title", { aspect: name })}
      </h2>
      {points.length === 0 ? (
        <p className="muted">{t("text.trend.empty")}</p>
      ) : (
        <>
          <Chart
            option={option}
            className="chart chart--trend"
            label={t("text.trend.chartLabel", { aspect: name, count: points.length })}
          />
          <ul className="trend-legend">
            {STACK.map((s) => (
              <li key={s}>
                <span className={`trend-legend__swatch trend-legend__swatch--${s}`} aria-hidden="true" />
                {t("text.trend.mentions", { polarity: t(`text.polarity.${s}`) })}
              </li>
            ))}
            <li>
              <span className="trend-legend__swatch trend-legend__swatch--line" aria-hidden="true" />
              {t("text.trend.meanLine")}
            </li>
          </ul>
          <details className="trend-data">
            <summary>{t("text.trend.showData")}</summary>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("text.trend.period")}</th>
                    {STACK.map((s) => (
                      <th key={s} scope="col">
                        {t(`text.polarity.${s}`)}
                      </th>
                    ))}
                    <th scope="col">{t("text.stats.meanScore")}</th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.period}>
                      <th scope="row">{formatPeriod(p.period, interval)}</th>
                      {STACK.map((s) => (
                        <td key={s} className="cell-number">
                          {formatCount(p[s])}
                        </td>
                      ))}
                      <td className="cell-number">{formatScore(p.meanScore)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

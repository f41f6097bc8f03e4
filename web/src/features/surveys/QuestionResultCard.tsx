import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { QuestionResult, RatingMetric } from "../../api/listen";
import { DateText } from "../../components/DateText";
import { scoreBand } from "../feedback/bands";
import { languageLabel } from "../feedback/labels";
import { Chart } from "../metrics/Chart";
import { type Band, distributionOption, optionsOption } from "../metrics/chart-options";
import { formatNumber } from "../metrics/format";
import { MetricFigure } from "../metrics/MetricFigure";
import { localized } from "./localized";

/** One question's results: a distribution with its metrics, option counts, or the newest comments. */
export function QuestionResultCard({ index, result }: { index: number; result: QuestionResult }) {
  const { t } = useTranslation();
  const title = localized(result.text, result.questionId);

  const bars = useMemo((): { label: string; count: number; band: Band | null }[] => {
    if (result.kind === "rating") {
      const metric: RatingMetric =
        result.type === "nps" || result.type === "csat" || result.type === "ces" ? result.type : "rating";
      return result.distribution.map((d) => ({
        label: String(d.value),
        count: d.count,
        band: scoreBand(metric, d.value, result.scale.min, result.scale.max),
      }));
    }
    if (result.kind === "choice") {
      return result.options.map((o) => ({
        label: o.label
          ? localized(o.label, o.optionId)
          : t("surveys.results.removedOption", { id: o.optionId }),
        count: o.count,
        band: null,
      }));
    }
    return [];
  }, [result, t]);

  const option = useMemo(() => {
    if (bars.length === 0) return null;
    const describe = (i: number) => {
      const b = bars[i];
      return b ? t("surveys.results.barTooltip", { label: b.label, count: b.count }) : "";
    };
    return result.kind === "rating" ? distributionOption(bars, describe) : optionsOption(bars, describe);
  }, [bars, result.kind, t]);

  return (
    <article className="result-card" aria-labelledby={`result-${result.questionId}`}>
      <header className="result-card__head">
        <span className="result-card__number">{index + 1}</span>
        <div>
          <h3 className="result-card__title" id={`result-${result.questionId}`}>
            {title}
          </h3>
          <p className="cell-secondary">
            {t(`surveys.questionTypes.${result.type}`)} ·{" "}
            {t("surveys.results.answered", { count: result.answered })}
          </p>
        </div>
      </header>
      {result.kind === "rating" && result.metrics.length > 0 ? (
        <div className="result-card__metrics">
          {result.metrics.map((m) => (
            <MetricFigure key={m.metric} metric={m.metric} value={m} />
          ))}
        </div>
      ) : null}
      {option ? (
        <>
          <Chart
            option={option}
            className={result.kind === "rating" ? "chart chart--distribution" : "chart chart--options"}
            label={t("surveys.results.chartLabel", { question: title })}
          />
          <table className="sr-only">
            <caption>{t("surveys.results.chartLabel", { question: title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.results.answer")}</th>
                <th scope="col">{t("surveys.results.count")}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td>{formatNumber(b.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {result.kind === "text" ? (
        result.comments.length > 0 ? (
          <ul className="comment-list">
            {result.comments.map((c) => (
              <li key={c.feedbackId} className="comment">
                <p className="comment__text">{c.text}</p>
                <p className="comment__meta">
                  <DateText value={c.receivedAt} withTime />
                  {c.language ? ` · ${languageLabel(t, c.language)}` : null}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="notice-inline">{t("surveys.results.noComments")}</p>
        )
      ) : null}
    </article>
  );
}

import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Question, QuestionResult, RatingMetric } from "../../api/listen";
import { DateText } from "../../components/DateText";
import { scoreBand } from "../feedback/bands";
import { languageLabel } from "../feedback/labels";
import { Chart } from "../metrics/Chart";
import { distributionOption, optionsOption } from "../metrics/chart-options";
import { formatNumber } from "../metrics/format";
import { MetricFigure } from "../metrics/MetricFigure";
import { isRatingType, scaleOf } from "./definition";
import { localized } from "./localized";

/** One question's results: a distribution with its metric, option counts, or the newest comments. */
export function QuestionResultCard({
  question,
  index,
  result,
}: {
  question: Question;
  index: number;
  result: QuestionResult;
}) {
  const { t } = useTranslation();
  const title = localized(question.text, question.id);
  const rating = isRatingType(question.type);

  const bars = useMemo(() => {
    if (rating) {
      const scale = scaleOf(question) ?? { min: 1, max: 5 };
      const metric: RatingMetric = question.type === "rating" ? "rating" : (question.type as RatingMetric);
      return (result.distribution ?? []).map((d) => ({
        label: String(d.value),
        count: d.count,
        band: scoreBand(metric, d.value, scale.min, scale.max),
      }));
    }
    return (result.options ?? []).map((o) => ({
      label: localized(question.options?.find((opt) => opt.id === o.optionId)?.label, o.optionId),
      count: o.count,
      band: null,
    }));
  }, [rating, question, result]);

  const option = useMemo(() => {
    if (bars.length === 0) return null;
    const describe = (i: number) => {
      const b = bars[i];
      return b ? t("surveys.results.barTooltip", { label: b.label, count: b.count }) : "";
    };
    return rating ? distributionOption(bars, describe) : optionsOption(bars, describe);
  }, [bars, rating, t]);

  return (
    <article className="result-card" aria-labelledby={`result-${question.id}`}>
      <header className="result-card__head">
        <span className="result-card__number">{index + 1}</span>
        <div>
          <h3 className="result-card__title" id={`result-${question.id}`}>
            {title}
          </h3>
          <p className="cell-secondary">
            {t(`surveys.questionTypes.${question.type}`)} ·{" "}
            {t("surveys.results.answered", { count: result.answered })}
          </p>
        </div>
      </header>
      {result.metric ? <MetricFigure metric={result.metric.metric} value={result.metric} /> : null}
      {option ? (
        <>
          <Chart
            option={option}
            className={rating ? "chart chart--distribution" : "chart chart--options"}
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
      {question.type === "text" ? (
        result.comments && result.comments.length > 0 ? (
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

import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Survey } from "../../api/listen";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loading } from "../../components/Loading";
import { Chart } from "../metrics/Chart";
import { type ChartPoint, trendOption } from "../metrics/chart-options";
import { formatInterval, formatMetric, formatNumber, METRIC_RANGE } from "../metrics/format";
import { useMetrics } from "../metrics/hooks";
import { groupLabel } from "../metrics/MetricsResultView";
import { browserTimeZone, endOfDay, startOfDay } from "../metrics/range";
import { headlineMetric } from "./headline";
import { useSurveyResults } from "./hooks";
import { QuestionResultCard } from "./QuestionResultCard";

/** Response counts, per-question distributions and metrics, comments and the weekly trend. */
export function ResultsTab({ workspaceId, survey }: { workspaceId: string; survey: Survey }) {
  const { t } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const range = { from: from ? startOfDay(from) : undefined, to: to ? endOfDay(to) : undefined };
  const results = useSurveyResults(workspaceId, survey.id, range);
  const questionById = useMemo(
    () => new Map(survey.definition.questions.map((q) => [q.id, q])),
    [survey.definition.questions],
  );

  return (
    <div className="results-tab">
      <div className="results-tab__bar">
        <div className="form-row form-row--tight">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-from`}>
              {t("metrics.from")}
            </label>
            <input
              id={`${id}-from`}
              type="date"
              className="input"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-to`}>
              {t("metrics.to")}
            </label>
            <input
              id={`${id}-to`}
              type="date"
              className="input"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </div>
        </div>
        <Link className="button button--ghost" to={`/w/${workspaceId}/feedback?surveyId=${survey.id}`}>
          {t("surveys.results.openInbox")}
        </Link>
      </div>
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorAlert error={results.error} />
      ) : (
        <>
          <dl className="stat-tiles">
            {(["total", "finished", "partial", "flagged"] as const).map((k) => (
              <div key={k} className="stat-tile">
                <dt>{t(`surveys.results.counts.${k}`)}</dt>
                <dd data-testid={`responses-${k}`}>{formatNumber(results.data.responses[k])}</dd>
              </div>
            ))}
          </dl>
          <p className="field__hint">{t("surveys.results.countsHint")}</p>
          <WeeklyTrend workspaceId={workspaceId} survey={survey} range={range} />
          <div className="result-grid">
            {results.data.questions.map((result) => {
              const question = questionById.get(result.questionId);
              return question ? (
                <QuestionResultCard
                  key={result.questionId}
                  question={question}
                  index={survey.definition.questions.indexOf(question)}
                  result={result}
                />
              ) : null;
            })}
          </div>
        </>
      )}
    </div>
  );
}

/** The survey's headline metric per week with its 95 % band, from the metrics API. */
function WeeklyTrend({
  workspaceId,
  survey,
  range,
}: {
  workspaceId: string;
  survey: Survey;
  range: { from?: string; to?: string };
}) {
  const { t } = useTranslation();
  const metric = headlineMetric(survey);
  const trend = useMetrics(
    workspaceId,
    { metric: metric ?? "nps", groupBy: "week", surveyId: survey.id, tz: browserTimeZone(), ...range },
    metric !== null,
  );
  const option = useMemo(() => {
    if (!metric || !trend.data || trend.data.groups.length === 0) return null;
    const groups = trend.data.groups;
    const labels = groups.map((g) => groupLabel(t, "week", g));
    const points: ChartPoint[] = groups.map((g, i) => ({
      label: labels[i] ?? g.key,
      value: g.value,
      low: g.interval?.low ?? null,
      high: g.interval?.high ?? null,
      small: g.warning === "small_sample",
    }));
    return trendOption(
      points,
      METRIC_RANGE[metric],
      (v) => formatMetric(metric, v),
      (i) => {
        const g = groups[i];
        return g
          ? `${labels[i]}\n${formatMetric(metric, g.value)} (${formatInterval(metric, g.interval)})\nn = ${formatNumber(g.n)}`
          : "";
      },
    );
  }, [metric, trend.data, t]);
  if (!metric) return null;
  return (
    <section className="chart-card" aria-labelledby="results-trend">
      <h2 className="section__title" id="results-trend">
        {t("surveys.results.trend", { metric: t(`metrics.names.${metric}`) })}
      </h2>
      <ErrorAlert error={trend.error} />
      {option ? (
        <>
          <Chart
            option={option}
            className="chart chart--trend"
            label={t("metrics.trendLabel", {
              metric: t(`metrics.names.${metric}`),
              group: t("metrics.groups.week"),
            })}
          />
          <p className="chart-card__legend">{t("metrics.bandLegend")}</p>
        </>
      ) : trend.data ? (
        <p className="notice-inline">{t("metrics.noData")}</p>
      ) : null}
      <p className="field__hint">
        <Link to={`/w/${workspaceId}/metrics?metric=${metric}&groupBy=week&surveyId=${survey.id}`}>
          {t("surveys.results.openMetrics")}
        </Link>
      </p>
    </section>
  );
}

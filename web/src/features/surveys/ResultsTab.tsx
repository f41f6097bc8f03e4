import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { METRIC_IDS, type Survey, type SurveyResults } from "../../api/listen";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/Field";
import { formatDate } from "../../components/format";
import { Loading } from "../../components/Loading";
import { Chart } from "../metrics/Chart";
import { type ChartPoint, trendOption } from "../metrics/chart-options";
import { formatInterval, formatMetric, formatNumber, metricRange } from "../metrics/format";
import { browserTimeZone } from "../metrics/range";
import { useSurveyResults } from "./hooks";
import { QuestionResultCard } from "./QuestionResultCard";

/** Response counts, per-question distributions and metrics, comments and the weekly trend. */
export function ResultsTab({ workspaceId, survey }: { workspaceId: string; survey: Survey }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const results = useSurveyResults(workspaceId, survey.id, {
    from: from || undefined,
    to: to || undefined,
    tz: browserTimeZone(),
  });

  return (
    <div className="results-tab">
      <div className="results-tab__bar">
        <div className="form-row form-row--tight">
          <TextField
            label={t("metrics.from")}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <TextField label={t("metrics.to")} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
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
          {results.data.trend ? (
            <WeeklyTrend
              workspaceId={workspaceId}
              survey={survey}
              trend={results.data.trend}
              scale={trendScale(results.data)}
            />
          ) : null}
          <div className="result-grid">
            {results.data.questions.map((result, index) => (
              <QuestionResultCard key={result.questionId} index={index} result={result} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** The first rating question's figure per week with its 95 % band (the results' `trend`). */
function WeeklyTrend({
  workspaceId,
  survey,
  trend,
  scale,
}: {
  workspaceId: string;
  survey: Survey;
  trend: NonNullable<SurveyResults["trend"]>;
  scale: { min: number; max: number } | undefined;
}) {
  const { t } = useTranslation();
  const { metric, points } = trend;
  const name = t(`metrics.names.${metric}`);
  const option = useMemo(() => {
    if (points.length === 0) return null;
    const labels = points.map((p) => t("metrics.weekOf", { day: formatDate(p.week) }));
    const chartPoints: ChartPoint[] = points.map((p, i) => ({
      label: labels[i] ?? p.week,
      value: p.value,
      low: p.interval?.low ?? null,
      high: p.interval?.high ?? null,
      small: p.warning === "small_sample",
    }));
    return trendOption(
      chartPoints,
      metricRange(metric, scale),
      (v) => formatMetric(metric, v),
      (i) => {
        const p = points[i];
        return p
          ? `${labels[i]}\n${formatMetric(metric, p.value)} (${formatInterval(metric, p.interval)})\n${t("metrics.nValue", { n: formatNumber(p.n) })}`
          : "";
      },
    );
  }, [metric, points, scale, t]);
  const inMetrics = METRIC_IDS.find((m) => m === metric);
  return (
    <section className="chart-card" aria-labelledby="results-trend">
      <h2 className="section__title" id="results-trend">
        {t("surveys.results.trend", { metric: name })}
      </h2>
      {option ? (
        <>
          <Chart
            option={option}
            className="chart chart--trend"
            label={t("metrics.trendLabel", { metric: name, group: t("metrics.groups.week") })}
          />
          <p className="chart-card__legend">{t("metrics.bandLegend")}</p>
        </>
      ) : (
        <p className="notice-inline">{t("metrics.noData")}</p>
      )}
      {inMetrics ? (
        <p className="field__hint">
          <Link to={`/w/${workspaceId}/metrics?metric=${inMetrics}&groupBy=week&surveyId=${survey.id}`}>
            {t("surveys.results.openMetrics")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

const trendScale = (results: SurveyResults) => {
  const q = results.questions.find((r) => r.questionId === results.trend?.questionId);
  return q?.kind === "rating" ? q.scale : undefined;
};

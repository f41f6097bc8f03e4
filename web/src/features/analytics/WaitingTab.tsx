import { type FormEvent, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { HistogramBucket, WaitingTimesRequest, WaitingTimesResult } from "../../api/analytics";
import { formatDate } from "../../components/format";
import { Loading } from "../../components/Loading";
import { Chart } from "../metrics/Chart";
import { formatNumber } from "../metrics/format";
import { DurationField, EventNameList, ScopeFields, StepFields, WindowField } from "./Controls";
import { histogramOption, weeklyOption } from "./chart-options";
import { defaultWaiting, type WaitingDraft, waitingRequest } from "./draft";
import { unclaimedErrors, useFieldMessage } from "./errors";
import { bucketLabel, formatDuration, formatShare } from "./format";
import { useWaitingTimes } from "./hooks";
import { ReportErrors } from "./ReportErrors";
import { SlowestHandoversSection } from "./SlowestHandovers";
import { useDraftForm } from "./useDraftForm";

const FIELDS = [
  "/body/fromStep",
  "/body/toStep",
  "/body/window",
  "/body/targetSeconds",
  "/body/from",
  "/body/to",
  "/body/timezone",
];

/** Waiting times between two steps: distribution, median, p90, share over a target, weekly trend. */
export function WaitingTab({ workspaceId, eventNames }: { workspaceId: string; eventNames: string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const form = useDraftForm(defaultWaiting, waitingRequest);
  const { draft, setDraft } = form;
  const result = useWaitingTimes(workspaceId, form.applied);
  const message = useFieldMessage(result.error, form.errors);
  const set = (patch: Partial<WaitingDraft>) => setDraft({ ...draft, ...patch });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.apply();
  }

  return (
    <div className="analytics-report">
      <form className="analytics-form" onSubmit={submit} noValidate>
        <EventNameList id={`${id}-events`} names={eventNames} />
        <div className="analytics-pair">
          <StepFields
            title={t("analytics.waiting.fromStep")}
            step={draft.from}
            pointer="/body/fromStep"
            listId={`${id}-events`}
            message={message}
            onChange={(from) => set({ from })}
          />
          <StepFields
            title={t("analytics.waiting.toStep")}
            step={draft.to}
            pointer="/body/toStep"
            listId={`${id}-events`}
            message={message}
            onChange={(to) => set({ to })}
          />
        </div>
        <div className="analytics-form__grid">
          <DurationField
            label={t("analytics.waiting.target")}
            optional
            value={draft.target}
            unit={draft.targetUnit}
            error={message("/body/targetSeconds")}
            onChange={(target, targetUnit) => set({ target, targetUnit })}
          />
          <WindowField
            window={draft.window}
            hint={t("analytics.waiting.windowHint")}
            message={message}
            onChange={(window) => set({ window })}
          />
          <ScopeFields scope={draft.scope} message={message} onChange={(scope) => set({ scope })} />
        </div>
        <div className="analytics-form__row">
          <button type="submit" className="button button--primary">
            {t("analytics.apply")}
          </button>
        </div>
      </form>
      <ReportErrors error={result.error} unclaimed={unclaimedErrors(result.error, FIELDS)} />
      {!form.applied ? null : result.isPending ? (
        <Loading />
      ) : result.data ? (
        <WaitingResultView request={form.applied} result={result.data} busy={result.isFetching} />
      ) : null}
      <SlowestHandoversSection workspaceId={workspaceId} />
    </div>
  );
}

function WaitingResultView({
  request,
  result,
  busy,
}: {
  request: WaitingTimesRequest;
  result: WaitingTimesResult;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const target = request.targetSeconds ?? null;
  const pair = `${request.fromStep.event} → ${request.toStep.event}`;

  const histogram = useMemo(() => {
    const range = (b: HistogramBucket) => bucketLabel(t, b);
    const bars = result.histogram.map((b) => ({
      label: range(b),
      count: b.count,
      over: target !== null && b.fromSeconds >= target,
    }));
    const describe = (i: number) => {
      const b = result.histogram[i];
      return b ? `${range(b)}\n${t("analytics.waiting.tipCount", { n: formatNumber(b.count) })}` : "";
    };
    return histogramOption(bars, describe);
  }, [result, target, t]);

  const weekly = useMemo(() => {
    const weeks = result.weekly.map((w) => ({
      label: formatDate(w.week),
      median: w.medianSeconds,
      p90: w.p90Seconds,
    }));
    const describe = (i: number) => {
      const w = result.weekly[i];
      if (!w) return "";
      return [
        t("analytics.waiting.weekOf", { day: formatDate(w.week) }),
        `${t("analytics.waiting.median")}: ${formatDuration(t, w.medianSeconds)}`,
        `${t("analytics.waiting.p90")}: ${formatDuration(t, w.p90Seconds)}`,
        t("analytics.waiting.tipCount", { n: formatNumber(w.n) }),
      ].join("\n");
    };
    return weeklyOption(
      weeks,
      { median: t("analytics.waiting.median"), p90: t("analytics.waiting.p90") },
      (s) => formatDuration(t, s),
      describe,
    );
  }, [result, t]);

  if (result.n === 0)
    return (
      <div className="analytics-empty">
        <p className="notice-inline">{t("analytics.waiting.empty")}</p>
      </div>
    );

  return (
    <div className={busy ? "analytics-result analytics-result--busy" : "analytics-result"}>
      <dl className="analytics-figures">
        <div className="analytics-figure">
          <dt>{t("analytics.waiting.median")}</dt>
          <dd>{formatDuration(t, result.medianSeconds)}</dd>
        </div>
        <div className="analytics-figure">
          <dt>{t("analytics.waiting.p90")}</dt>
          <dd>{formatDuration(t, result.p90Seconds)}</dd>
        </div>
        <div className="analytics-figure">
          <dt>{t("analytics.waiting.mean")}</dt>
          <dd>{formatDuration(t, result.meanSeconds)}</dd>
        </div>
        <div className="analytics-figure">
          <dt>{t("analytics.waiting.n")}</dt>
          <dd>{formatNumber(result.n)}</dd>
        </div>
        {result.overTarget && target !== null ? (
          <div className="analytics-figure analytics-figure--warning">
            <dt>{t("analytics.waiting.overTarget", { target: formatDuration(t, target) })}</dt>
            <dd>
              {formatShare(result.overTarget.share)}{" "}
              <span className="analytics-figure__meta">
                ({t("analytics.waiting.overTargetCount", { n: formatNumber(result.overTarget.count) })})
              </span>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="analytics-charts">
        <div className="chart-card">
          <h2 className="analytics-chart__title">{t("analytics.waiting.distribution")}</h2>
          <Chart
            option={histogram}
            label={t("analytics.waiting.histogramLabel", { pair })}
            className="chart analytics-chart--histogram"
          />
          <p className="chart-card__legend">
            {target !== null ? t("analytics.waiting.targetLegend") : t("analytics.waiting.histogramLegend")}
          </p>
        </div>
        <div className="chart-card">
          <h2 className="analytics-chart__title">{t("analytics.waiting.trend")}</h2>
          {result.weekly.length > 0 ? (
            <Chart
              option={weekly}
              label={t("analytics.waiting.trendLabel", { pair })}
              className="chart analytics-chart--weekly"
            />
          ) : (
            <p className="notice-inline">{t("analytics.waiting.noWeeks")}</p>
          )}
        </div>
      </div>
      <div className="table-wrap">
        <table className="table table--dense analytics-table">
          <caption className="sr-only">{t("analytics.waiting.histogramLabel", { pair })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("analytics.waiting.bucket")}</th>
              <th scope="col" className="cell-num">
                {t("analytics.waiting.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.histogram.map((b) => (
              <tr key={b.fromSeconds}>
                <th scope="row" className="cell-primary">
                  {bucketLabel(t, b)}
                </th>
                <td className="cell-num">{formatNumber(b.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

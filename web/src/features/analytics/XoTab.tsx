import type { TFunction } from "i18next";
import { type FormEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  XO_FEEDBACK,
  XO_GROUPINGS,
  XO_METRICS,
  type XoBy,
  type XoFeedback,
  type XoGroup,
  type XoMetric,
  type XoRequest,
  type XoResult,
} from "../../api/analytics";
import { SelectField, TextField } from "../../components/Field";
import { Loading } from "../../components/Loading";
import { useJourneys } from "../journeys/hooks";
import { Chart, type ChartOption } from "../metrics/Chart";
import { formatNumber } from "../metrics/format";
import { ScopeFields } from "./Controls";
import { type DraftErrors, type ScopeDraft, scopeOf } from "./draft";
import { unclaimedErrors, useFieldMessage } from "./errors";
import { bucketLabel, formatShare } from "./format";
import { useXo } from "./hooks";
import { ReportErrors } from "./ReportErrors";
import { useDraftForm } from "./useDraftForm";

/** The form's state: texts as typed. */
export interface XoDraft {
  journeyId: string;
  metric: XoMetric;
  by: XoBy;
  pathLevel: "stage" | "step";
  feedback: XoFeedback;
  inactivityDays: string;
  scope: ScopeDraft;
}

const FIELDS = [
  "/body/journeyId",
  "/body/metric",
  "/body/by",
  "/body/pathLevel",
  "/body/feedback",
  "/body/inactivityDays",
  "/body/from",
  "/body/to",
  "/body/timezone",
];

const OTHER = "(other)";
const NONE = "(none)";
const ACCENT = "#4338ca";
const NEGATIVE = "#d92d20";
const AXIS = "#98a2b3";
const GRID = "#eef0f3";
const TEXT = "#555c69";

export const defaultXo = (): XoDraft => ({
  journeyId: "",
  metric: "nps",
  by: "status",
  pathLevel: "stage",
  feedback: "all",
  inactivityDays: "30",
  scope: { fromDay: "", toDay: "" },
});

/** Without a journey nothing is asked; the inactivity is sent as typed so the API's message shows. */
export function xoRequest(draft: XoDraft): { request: XoRequest; errors: DraftErrors } {
  const errors: DraftErrors = new Map();
  if (!draft.journeyId) errors.set("/body/journeyId", "required");
  const request: XoRequest = {
    ...scopeOf(draft.scope),
    journeyId: draft.journeyId,
    metric: draft.metric,
    by: draft.by,
    feedback: draft.feedback,
    inactivityDays: Number(draft.inactivityDays.trim() || Number.NaN),
  };
  if (draft.by === "path") request.pathLevel = draft.pathLevel;
  return { request, errors };
}

/** A score as the metric shows it: NPS points, CSAT %, sentiment −1 … 1. */
export function formatScore(metric: XoMetric, score: number | null): string {
  if (score === null) return "–";
  if (metric === "csat") return `${formatNumber(score, 1)} %`;
  if (metric === "sentiment") return formatNumber(score, 2);
  return formatNumber(score, 1);
}

/** A group's name for people: statuses and buckets translated, paths as the journey names them. */
function groupLabelOf(t: TFunction, by: XoBy, g: XoGroup): string {
  if (by === "status")
    return g.group === "completed" || g.group === "dropped" || g.group === "in_progress"
      ? t(`analytics.xo.status.${g.group}`)
      : g.group;
  if (by === "waiting")
    return bucketLabel(t, { fromSeconds: g.fromSeconds ?? 0, toSeconds: g.toSeconds ?? null, count: 0 });
  if (by === "contacts") return t("analytics.xo.contactsGroup", { n: g.group });
  if (g.group === OTHER) return t("analytics.xo.other");
  if (g.group === NONE) return t("analytics.xo.none");
  return g.group;
}

/** DESIGN §3: below this many answers a figure is marked as a small sample. */
const SMALL_SAMPLE = 30;

/** A normalised (0–1) rating of the check: NPS back on 0–10, the others as a share of the scale. */
function formatNormalised(metric: XoMetric, value: number): string {
  return metric === "nps" ? formatNumber(value * 10, 1) : formatShare(value);
}

/** Scores per group as bars (negative ones red) with n above each; groups without ratings have none. */
function scoreOption(
  bars: { label: string; score: number | null; caption: string }[],
  metric: XoMetric,
  describe: (index: number) => string,
): ChartOption {
  const range = metric === "nps" ? [-100, 100] : metric === "csat" ? [0, 100] : [-1, 1];
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: "axis",
      renderMode: "richText",
      axisPointer: { type: "shadow" },
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? params[0] : params;
        const index =
          typeof first === "object" && first !== null && "dataIndex" in first ? Number(first.dataIndex) : -1;
        return index >= 0 ? describe(index) : "";
      },
    },
    xAxis: {
      type: "category",
      data: bars.map((b) => b.label),
      axisLine: { lineStyle: { color: AXIS } },
      axisTick: { show: false },
      axisLabel: { color: TEXT, fontSize: 12, interval: 0, width: 160, overflow: "break", lineHeight: 16 },
    },
    yAxis: {
      type: "value",
      min: range[0],
      max: range[1],
      axisLabel: { color: TEXT, fontSize: 12 },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 72,
        label: {
          show: true,
          position: "top",
          color: "#1b1f24",
          fontSize: 12,
          fontWeight: 600,
          formatter: (p: { dataIndex: number }) => bars[p.dataIndex]?.caption ?? "",
        },
        data: bars.map((b) =>
          b.score === null
            ? { value: 0, itemStyle: { color: "transparent" } }
            : { value: b.score, itemStyle: { color: b.score < 0 ? NEGATIVE : ACCENT } },
        ),
      },
    ],
  } as ChartOption;
}

/** X+O: satisfaction from linked feedback by the journey instances' status, contacts, wait or path. */
export function XoTab({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const form = useDraftForm(defaultXo, xoRequest);
  const { draft, setDraft } = form;
  const result = useXo(workspaceId, form.applied);
  const journeys = useJourneys(workspaceId);
  const message = useFieldMessage(result.error, form.errors);
  const set = (patch: Partial<XoDraft>) => setDraft({ ...draft, ...patch });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.apply();
  }

  return (
    <div className="analytics-report">
      <form className="analytics-form" onSubmit={submit} noValidate>
        <div className="analytics-form__grid">
          <SelectField
            label={t("analytics.xo.journey")}
            value={draft.journeyId}
            error={message("/body/journeyId")}
            onChange={(e) => set({ journeyId: e.target.value })}
          >
            <option value="">{t("analytics.xo.pickJourney")}</option>
            {(journeys.data ?? []).map((j) => (
              <option key={j.id} value={j.id}>
                {j.title}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("analytics.xo.metric")}
            value={draft.metric}
            error={message("/body/metric")}
            onChange={(e) => set({ metric: e.target.value as XoMetric })}
          >
            {XO_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`analytics.xo.metrics.${m}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("analytics.xo.by")}
            value={draft.by}
            error={message("/body/by")}
            onChange={(e) => set({ by: e.target.value as XoBy })}
          >
            {XO_GROUPINGS.map((b) => (
              <option key={b} value={b}>
                {t(`analytics.xo.groupings.${b}`)}
              </option>
            ))}
          </SelectField>
          {draft.by === "path" ? (
            <SelectField
              label={t("analytics.xo.pathLevel")}
              value={draft.pathLevel}
              error={message("/body/pathLevel")}
              onChange={(e) => set({ pathLevel: e.target.value as "stage" | "step" })}
            >
              <option value="stage">{t("analytics.xo.pathLevels.stage")}</option>
              <option value="step">{t("analytics.xo.pathLevels.step")}</option>
            </SelectField>
          ) : null}
          <SelectField
            label={t("analytics.xo.feedback")}
            value={draft.feedback}
            hint={t("analytics.xo.feedbackHint")}
            error={message("/body/feedback")}
            onChange={(e) => set({ feedback: e.target.value as XoFeedback })}
          >
            {XO_FEEDBACK.map((f) => (
              <option key={f} value={f}>
                {t(`analytics.xo.feedbackKinds.${f}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("analytics.xo.inactivityDays")}
            type="number"
            min={1}
            max={365}
            step={1}
            value={draft.inactivityDays}
            hint={t("analytics.xo.inactivityHint")}
            error={message("/body/inactivityDays")}
            onChange={(e) => set({ inactivityDays: e.target.value })}
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
      {!form.applied ? (
        <p className="notice-inline">{t("analytics.xo.intro")}</p>
      ) : result.isPending ? (
        <Loading />
      ) : result.data ? (
        <XoResultView workspaceId={workspaceId} result={result.data} busy={result.isFetching} />
      ) : null}
    </div>
  );
}

function XoResultView({
  workspaceId,
  result,
  busy,
}: {
  workspaceId: string;
  result: XoResult;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const metric = result.metric;
  const groupLabel = (g: XoGroup) => groupLabelOf(t, result.by, g);

  const chart = useMemo(() => {
    const label = (g: XoGroup) => groupLabelOf(t, result.by, g);
    const bars = result.groups.map((g) => ({
      label: label(g),
      score: g.score,
      caption: g.score === null ? t("analytics.xo.noRatings") : `n = ${formatNumber(g.n)}`,
    }));
    const describe = (i: number) => {
      const g = result.groups[i];
      if (!g) return "";
      return [
        label(g),
        `${t(`analytics.xo.metrics.${result.metric}`)}: ${formatScore(result.metric, g.score)}`,
        t("analytics.xo.tipN", { n: formatNumber(g.n) }),
        t("analytics.xo.tipInstances", {
          n: formatNumber(g.instances),
          withFeedback: formatNumber(g.withFeedback),
        }),
      ].join("\n");
    };
    return scoreOption(bars, result.metric, describe);
  }, [result, t]);

  if (result.total.instances === 0)
    return (
      <div className="analytics-empty">
        <p className="notice-inline">{t("analytics.xo.empty")}</p>
      </div>
    );

  const check = result.ratedWellJourneyBad;
  return (
    <div className={busy ? "analytics-result analytics-result--busy" : "analytics-result"}>
      <dl className="analytics-figures">
        <div className="analytics-figure">
          <dt>{t(`analytics.xo.metrics.${metric}`)}</dt>
          <dd>
            {formatScore(metric, result.total.score)}{" "}
            <span className="analytics-figure__meta">(n = {formatNumber(result.total.n)})</span>
          </dd>
        </div>
        <div className="analytics-figure">
          <dt>{t("analytics.xo.instances")}</dt>
          <dd>{formatNumber(result.total.instances)}</dd>
        </div>
        <div className="analytics-figure">
          <dt>{t("analytics.xo.withFeedback")}</dt>
          <dd>
            {formatNumber(result.total.withFeedback)}{" "}
            <span className="analytics-figure__meta">
              ({formatShare(result.total.withFeedback / result.total.instances)})
            </span>
          </dd>
        </div>
      </dl>
      <div className="chart-card">
        <h2 className="analytics-chart__title">
          {t("analytics.xo.chartTitle", {
            metric: t(`analytics.xo.metrics.${metric}`),
            by: t(`analytics.xo.groupings.${result.by}`),
          })}
        </h2>
        <Chart
          option={chart}
          label={t("analytics.xo.chartLabel", {
            metric: t(`analytics.xo.metrics.${metric}`),
            by: t(`analytics.xo.groupings.${result.by}`),
          })}
          className="chart analytics-chart--funnel"
        />
        <p className="chart-card__legend">
          {metric === "sentiment"
            ? t("analytics.xo.sentimentDefinition")
            : t(`metrics.definitions.${metric}`)}
          {result.groups.some((g) => g.n > 0 && g.n < SMALL_SAMPLE)
            ? ` · * ${t("analytics.xo.smallSample")}`
            : ""}
        </p>
      </div>
      <div className="table-wrap">
        <table className="table table--dense analytics-table">
          <caption className="sr-only">{t(`analytics.xo.groupings.${result.by}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`analytics.xo.groupings.${result.by}`)}</th>
              <th scope="col" className="cell-num">
                {t("analytics.xo.instances")}
              </th>
              <th scope="col" className="cell-num">
                {t("analytics.xo.withFeedback")}
              </th>
              <th scope="col" className="cell-num">
                n
              </th>
              <th scope="col" className="cell-num">
                {t(`analytics.xo.metrics.${metric}`)}
              </th>
              <th scope="col" className="cell-num">
                {t("analytics.xo.interval")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row" className="cell-primary">
                  {groupLabel(g)}
                </th>
                <td className="cell-num">{formatNumber(g.instances)}</td>
                <td className="cell-num">{formatNumber(g.withFeedback)}</td>
                <td className="cell-num">
                  {formatNumber(g.n)}
                  {g.n > 0 && g.n < SMALL_SAMPLE ? (
                    <>
                      <span aria-hidden="true" title={t("analytics.xo.smallSample")}>
                        {" "}
                        *
                      </span>
                      <span className="sr-only"> ({t("analytics.xo.smallSample")})</span>
                    </>
                  ) : null}
                </td>
                <td className="cell-num">{formatScore(metric, g.score)}</td>
                <td className="cell-num">
                  {g.interval
                    ? `${formatScore(metric, g.interval.low)} – ${formatScore(metric, g.interval.high)}`
                    : "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="chart-card" aria-labelledby="xo-check-title">
        <h2 id="xo-check-title" className="analytics-chart__title">
          {t("analytics.xo.check.title")}
        </h2>
        <p className="chart-card__legend">
          {t(`analytics.xo.check.rule.${metric}`)} {t("analytics.xo.check.scaleHint")}
        </p>
        {check.instances === 0 ? (
          <p className="notice-inline">{t("analytics.xo.check.none")}</p>
        ) : (
          <>
            <dl className="analytics-figures">
              <div className="analytics-figure analytics-figure--warning">
                <dt>{t("analytics.xo.check.count")}</dt>
                <dd>
                  {formatNumber(check.count)}{" "}
                  <span className="analytics-figure__meta">
                    (
                    {t("analytics.xo.check.of", {
                      share: formatShare(check.share),
                      n: formatNumber(check.instances),
                    })}
                    )
                  </span>
                </dd>
              </div>
            </dl>
            {check.examples.length > 0 ? (
              <div className="table-wrap">
                <table className="table table--dense analytics-table">
                  <caption className="sr-only">{t("analytics.xo.check.examples")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("analytics.xo.check.customer")}</th>
                      <th scope="col" className="cell-num">
                        {t("analytics.xo.check.stepMean")}
                      </th>
                      <th scope="col" className="cell-num">
                        {t("analytics.xo.check.overall")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {check.examples.map((e) => (
                      <tr key={`${e.unit}:${e.seq}`}>
                        <th scope="row" className="cell-primary">
                          {e.customerId ? (
                            // The whole id: customer UUIDs are v7, so their first characters (the
                            // creation time) are shared by customers created together.
                            <Link to={`/w/${workspaceId}/customers/${encodeURIComponent(e.customerId)}`}>
                              {t("analytics.xo.check.openCustomer", { id: e.customerId })}
                            </Link>
                          ) : (
                            <span className="input--mono">{e.unit}</span>
                          )}
                        </th>
                        <td className="cell-num">{formatNormalised(metric, e.stepMean)}</td>
                        <td className="cell-num">{formatNormalised(metric, e.overall)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}

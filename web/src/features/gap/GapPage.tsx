import { ScatterChart } from "echarts/charts";
import { MarkLineComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadBlob } from "../../components/download";
import { ErrorAlert } from "../../components/ErrorAlert";
import { serverFieldMessage } from "../../components/errors";
import { SelectField, TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useJourneys } from "../journeys/hooks";
import { Chart, type ChartOption } from "../metrics/Chart";
import { formatNumber } from "../metrics/format";
import { useCurrentWorkspace } from "../workspaces/context";
import {
  fetchGapCsv,
  useCloseRound,
  useCreateRound,
  useGapReport,
  useMyAssessments,
  useRemindRound,
  useRounds,
  useSubmitAssessment,
} from "./hooks";
import { CLASS_COLORS, matrixPoints } from "./matrix";
import {
  type Assessment,
  GAP_CLASSES,
  type GapReport,
  type GapRequest,
  type GroupGap,
  type ImportanceSource,
  type MeanOnScale,
} from "./types";
import "./gap.css";

echarts.use([ScatterChart, MarkLineComponent]);

const num = (v: number | null, digits = 2) => (v === null ? "–" : formatNumber(v, digits));
/** A mean with its interval and n on a second line, so the tables fit without scrolling. */
const mean = (m: MeanOnScale) =>
  m.value === null ? (
    "–"
  ) : (
    <>
      {num(m.value)}
      <span className="gap-detail">
        {m.interval ? `${num(m.interval.low)} – ${num(m.interval.high)} · ` : ""}n = {m.n}
      </span>
    </>
  );
const gapCell = (g: GroupGap["gap"]) =>
  g.value === null ? (
    "–"
  ) : (
    <>
      {num(g.value)}
      {g.interval ? (
        <span className="gap-detail">
          {num(g.interval.low)} – {num(g.interval.high)}
        </span>
      ) : null}
    </>
  );

/** `/w/:ws/gap`: inside-out vs outside-in — assessment rounds, the gap and the blindspot matrix. */
export function GapPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("gap.title"), workspace.name);
  const journeys = useJourneys(workspace.id);
  const rounds = useRounds(workspace.id);
  const [journeyId, setJourneyId] = useState("");
  const [roundId, setRoundId] = useState("");
  const [importance, setImportance] = useState<ImportanceSource>("volume");
  const [threshold, setThreshold] = useState("0.5");
  const [includeSentiment, setIncludeSentiment] = useState(false);
  const [csvError, setCsvError] = useState<unknown>(null);
  const body: GapRequest = {
    threshold: Number(threshold.replace(",", ".")),
    importance,
    includeSentiment,
    ...(journeyId && { journeyId }),
    ...(roundId && { roundId }),
  };
  const report = useGapReport(workspace.id, body);
  const message = (pointer: string) => serverFieldMessage(report.error, pointer);

  async function exportCsv() {
    setCsvError(null);
    try {
      downloadBlob(await fetchGapCsv(workspace.id, body), "experience-gap.csv");
    } catch (e) {
      setCsvError(e);
    }
  }

  return (
    <div className="page gap-page">
      <PageHeader
        title={t("gap.title")}
        description={t("gap.description")}
        actions={
          <button type="button" className="button" onClick={exportCsv} disabled={!report.data}>
            <Icon name="download" />
            <span>{t("gap.exportCsv")}</span>
          </button>
        }
      />
      <form className="gap-form" onSubmit={(e) => e.preventDefault()} noValidate>
        <SelectField
          label={t("gap.journey")}
          value={journeyId}
          error={message("/body/journeyId")}
          onChange={(e) => setJourneyId(e.target.value)}
        >
          <option value="">{t("gap.roundJourney")}</option>
          {(journeys.data ?? []).map((j) => (
            <option key={j.id} value={j.id}>
              {j.title}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("gap.round")}
          value={roundId}
          error={message("/body/roundId")}
          onChange={(e) => setRoundId(e.target.value)}
        >
          <option value="">{t("gap.latestRound")}</option>
          {(rounds.data ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.title} ({t(`gap.status.${r.status}`)})
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("gap.importance")}
          value={importance}
          onChange={(e) => setImportance(e.target.value as ImportanceSource)}
        >
          <option value="volume">{t("gap.importanceVolume")}</option>
          <option value="drivers">{t("gap.importanceDrivers")}</option>
        </SelectField>
        <TextField
          label={t("gap.threshold")}
          inputMode="decimal"
          value={threshold}
          error={message("/body/threshold")}
          onChange={(e) => setThreshold(e.target.value)}
        />
        <label className="gap-form__check">
          <input
            type="checkbox"
            checked={includeSentiment}
            onChange={(e) => setIncludeSentiment(e.target.checked)}
          />
          {t("gap.includeSentiment")}
        </label>
      </form>
      <ErrorAlert error={report.error ?? csvError} />
      {report.isLoading ? <Loading /> : null}
      {report.data ? <GapResult report={report.data} /> : null}
      <MyAssessments />
      <Rounds />
    </div>
  );
}

function GapResult({ report }: { report: GapReport }) {
  const { t } = useTranslation();
  const points = useMemo(() => matrixPoints(report.touchpoints), [report.touchpoints]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 56, right: 32, top: 24, bottom: 48 },
      tooltip: {
        trigger: "item",
        formatter: (p: { data: { name: string; owner: string; value: [number, number] } }) =>
          `${p.data.name}${p.data.owner ? ` (${p.data.owner})` : ""}<br/>${t("gap.col.gap")}: ${formatNumber(
            p.data.value[1],
            2,
          )}<br/>${t("gap.col.importance")}: ${formatNumber(p.data.value[0], 1)} %`,
      },
      xAxis: {
        type: "value",
        min: 0,
        name: t("gap.col.importance"),
        nameLocation: "middle",
        nameGap: 28,
        axisLabel: { formatter: "{value} %" },
      },
      yAxis: { type: "value", name: t("gap.gapAxis"), nameLocation: "middle", nameGap: 40 },
      series: [
        {
          type: "scatter",
          symbolSize: 14,
          // Names only at blindspots and under-rated touchpoints, so the labels stay readable.
          data: points.map((p) => ({
            ...p,
            itemStyle: { color: CLASS_COLORS[p.gapClass] },
            label: { show: p.gapClass === "blindspot" || p.gapClass === "under_rated" },
          })),
          label: { position: "right", formatter: (p: { data: { name: string } }) => p.data.name },
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { type: "dashed", color: "#98a2b3" },
            data: [
              { yAxis: report.threshold },
              { yAxis: -report.threshold },
              ...(report.importance.median === null
                ? []
                : [{ xAxis: Math.round(report.importance.median * 1000) / 10 }]),
            ],
          },
        },
      ],
    }),
    [points, report.threshold, report.importance.median, t],
  );
  const s = report.statement;

  return (
    <section className="gap-result" aria-label={t("gap.resultLabel")}>
      {s.internalGoodPercent !== null && s.customerGoodPercent !== null ? (
        <p className="gap-statement" role="status">
          {t("gap.statement", {
            internal: formatNumber(s.internalGoodPercent, 0),
            customers: formatNumber(s.customerGoodPercent, 0),
            raters: s.raters,
            ratings: s.customerRatings,
          })}
        </p>
      ) : (
        <p className="gap-statement" role="status">
          {t("gap.noStatement")}
        </p>
      )}
      <p className="gap-meta">
        {report.round
          ? t("gap.roundUsed", { title: report.round.title, status: t(`gap.status.${report.round.status}`) })
          : t("gap.noRound")}{" "}
        {t(`gap.importanceUsed.${report.importance.used}`)}
      </p>
      <h2 className="gap-heading">{t("gap.matrix")}</h2>
      <div className="gap-chart">
        <Chart option={option} label={t("gap.chartLabel")} height={400} />
        <ul className="gap-legend">
          {GAP_CLASSES.map((c) => (
            <li key={c}>
              <span className="gap-legend__dot" style={{ background: CLASS_COLORS[c] }} />
              {t(`gap.classes.${c}`)}
            </li>
          ))}
        </ul>
      </div>
      <h2 className="gap-heading">{t("gap.touchpoints")}</h2>
      <div className="table-wrap">
        <table className="table gap-table">
          <caption className="sr-only">{t("gap.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("gap.col.touchpoint")}</th>
              <th scope="col">{t("gap.col.owner")}</th>
              <th scope="col">{t("gap.col.class")}</th>
              <th scope="col" className="cell-number">
                {t("gap.col.internal")}
              </th>
              <th scope="col" className="cell-number">
                {t("gap.col.measured")}
              </th>
              <th scope="col" className="cell-number">
                {t("gap.col.gap")}
              </th>
              <th scope="col" className="cell-number">
                {t("gap.col.importance")}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.touchpoints.map((tp) => (
              <tr key={tp.touchpointId}>
                <th scope="row">
                  {tp.name}
                  {tp.comments.length > 0 ? (
                    <div className="gap-comment">„{tp.comments.join(" · ")}“</div>
                  ) : null}
                </th>
                <td>{[tp.owner.team, tp.owner.name].filter(Boolean).join(" · ") || "–"}</td>
                <td>
                  <span className={`gap-class gap-class--${tp.class}`}>{t(`gap.classes.${tp.class}`)}</span>
                </td>
                <td className="cell-number">{mean(tp.internal)}</td>
                <td className="cell-number">{mean(tp.measured)}</td>
                <td className="cell-number">{gapCell(tp.gap)}</td>
                <td className="cell-number">
                  {tp.importance === null ? "–" : `${formatNumber(tp.importance * 100, 1)} %`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.journey ? (
        <>
          <h2 className="gap-heading">{t("gap.stages")}</h2>
          <GroupTable groups={[...report.stages, report.journey]} caption={t("gap.stagesCaption")} />
        </>
      ) : null}
      <p className="gap-definition">
        {t("gap.definition", { threshold: formatNumber(report.threshold, 1) })}
      </p>
    </section>
  );
}

function GroupTable({ groups, caption }: { groups: GroupGap[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("gap.col.group")}</th>
            <th scope="col" className="cell-number">
              {t("gap.col.internal")}
            </th>
            <th scope="col" className="cell-number">
              {t("gap.col.measured")}
            </th>
            <th scope="col" className="cell-number">
              {t("gap.col.gap")}
            </th>
            <th scope="col" className="cell-number">
              {t("gap.col.good")}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id}>
              <th scope="row">{g.title}</th>
              <td className="cell-number">{mean(g.internal)}</td>
              <td className="cell-number">{mean(g.measured)}</td>
              <td className="cell-number">{gapCell(g.gap)}</td>
              <td className="cell-number">
                {num(g.internalGood.value, 0)} % / {num(g.customerGood.value, 0)} %
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Open assessments listed at first; the rest behind "show all". */
const MINE_SHOWN = 5;

function MyAssessments() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const mine = useMyAssessments(workspace.id);
  const [all, setAll] = useState(false);
  if (!mine.data || mine.data.length === 0) return null;
  const shown = all ? mine.data : mine.data.slice(0, MINE_SHOWN);
  return (
    <section className="gap-section" aria-labelledby="gap-mine">
      <h2 className="gap-heading" id="gap-mine">
        {t("gap.mine", { count: mine.data.length })}
      </h2>
      <p className="gap-meta">{t("gap.mineHint")}</p>
      <ul className="gap-assessments">
        {shown.map((a) => (
          <AssessmentForm key={a.id} assessment={a} />
        ))}
      </ul>
      {shown.length < mine.data.length ? (
        <button type="button" className="button" onClick={() => setAll(true)}>
          {t("gap.showAll", { count: mine.data.length })}
        </button>
      ) : null}
    </section>
  );
}

function AssessmentForm({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const submit = useSubmitAssessment(workspace.id);
  const [rating, setRating] = useState("");
  const [csat, setCsat] = useState("");
  const [comment, setComment] = useState("");
  const message = (pointer: string) => serverFieldMessage(submit.error, pointer);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    submit.mutate({
      id: assessment.id,
      rating: Number(rating || Number.NaN),
      predicted: csat.trim() ? { metric: "csat", value: Number(csat.replace(",", ".")) } : null,
      comment,
    });
  }

  return (
    <li className="gap-assessment">
      <form onSubmit={onSubmit} noValidate>
        <h3>
          {assessment.touchpoint.name} <span className="gap-meta">· {assessment.roundTitle}</span>
        </h3>
        <div className="gap-assessment__fields">
          <SelectField
            label={t("gap.rating")}
            value={rating}
            error={message("/body/rating")}
            onChange={(e) => setRating(e.target.value)}
          >
            <option value="">{t("gap.choose")}</option>
            {(["1", "2", "3", "4", "5"] as const).map((v) => (
              <option key={v} value={v}>
                {t(`gap.ratings.${v}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("gap.predictedCsat")}
            inputMode="decimal"
            optional={t("common.optional")}
            value={csat}
            error={message("/body/predicted")}
            onChange={(e) => setCsat(e.target.value)}
          />
          <TextField
            label={t("gap.comment")}
            optional={t("common.optional")}
            value={comment}
            error={message("/body/comment")}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="gap-form__actions">
            <button type="submit" className="button button--primary" disabled={submit.isPending}>
              {t("gap.submit")}
            </button>
          </div>
        </div>
      </form>
    </li>
  );
}

function Rounds() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const rounds = useRounds(workspace.id);
  const journeys = useJourneys(workspace.id);
  const create = useCreateRound(workspace.id);
  const close = useCloseRound(workspace.id);
  const remind = useRemindRound(workspace.id);
  const [title, setTitle] = useState("");
  const [journeyId, setJourneyId] = useState("");
  const [notice, setNotice] = useState("");
  const message = (pointer: string) => serverFieldMessage(create.error, pointer);

  function onCreate(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { title, journeyId: journeyId || null, dueAt: null },
      {
        onSuccess: () => {
          setTitle("");
          setNotice(t("gap.created"));
        },
      },
    );
  }

  return (
    <section className="gap-section" aria-labelledby="gap-rounds">
      <h2 className="gap-heading" id="gap-rounds">
        {t("gap.rounds")}
      </h2>
      <ErrorAlert error={close.error ?? remind.error} />
      {notice ? (
        <p className="gap-meta" role="status">
          {notice}
        </p>
      ) : null}
      {rounds.data && rounds.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t("gap.rounds")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("gap.col.round")}</th>
                <th scope="col">{t("gap.col.status")}</th>
                <th scope="col" className="cell-number">
                  {t("gap.col.progress")}
                </th>
                <th scope="col" className="cell-number">
                  {t("gap.col.meanRating")}
                </th>
                <th scope="col">
                  <span className="sr-only">{t("gap.col.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.title}</th>
                  <td>{t(`gap.status.${r.status}`)}</td>
                  <td className="cell-number">
                    {r.progress.answered} / {r.progress.assessments}
                  </td>
                  <td className="cell-number">{num(r.meanRating)}</td>
                  <td className="gap-actions">
                    {r.status === "open" ? (
                      <>
                        <button
                          type="button"
                          className="button"
                          disabled={remind.isPending || r.progress.ownersWithOpen === 0}
                          onClick={() =>
                            remind.mutate(r.id, {
                              onSuccess: (res) =>
                                setNotice(t("gap.reminded", { count: res.reminders.length })),
                            })
                          }
                        >
                          <Icon name="mail" />
                          <span>{t("gap.remind")}</span>
                        </button>
                        <button
                          type="button"
                          className="button"
                          disabled={close.isPending}
                          onClick={() => close.mutate(r.id, { onSuccess: () => setNotice(t("gap.closed")) })}
                        >
                          <Icon name="check" />
                          <span>{t("gap.close")}</span>
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="gap-meta">{t("gap.noRounds")}</p>
      )}
      <form className="gap-form" onSubmit={onCreate} noValidate>
        <TextField
          label={t("gap.newRoundTitle")}
          value={title}
          error={message("/body/title")}
          onChange={(e) => setTitle(e.target.value)}
        />
        <SelectField
          label={t("gap.newRoundScope")}
          value={journeyId}
          error={message("/body/journeyId")}
          onChange={(e) => setJourneyId(e.target.value)}
        >
          <option value="">{t("gap.wholeRegister")}</option>
          {(journeys.data ?? []).map((j) => (
            <option key={j.id} value={j.id}>
              {j.title}
            </option>
          ))}
        </SelectField>
        <div className="gap-form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            <Icon name="plus" />
            <span>{t("gap.startRound")}</span>
          </button>
        </div>
      </form>
      <ErrorAlert error={create.error} />
    </section>
  );
}

import { ScatterChart } from "echarts/charts";
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
import { fetchDriversCsv, useKeyDrivers } from "./hooks";
import { QUADRANT_COLORS, quadrantPoints } from "./quadrant";
import {
  DRIVER_OUTCOMES,
  DRIVER_SETS,
  type DriverOutcome,
  type DriverSet,
  type KeyDriversRequest,
  type KeyDriversResult,
  QUADRANTS,
} from "./types";
import "./drivers.css";

echarts.use([ScatterChart]);

interface Draft {
  journeyId: string;
  outcome: DriverOutcome;
  driverSet: DriverSet;
  missing: "listwise" | "mean";
  minN: string;
  fromDay: string;
  toDay: string;
}

const initial: Draft = {
  journeyId: "",
  outcome: "nps",
  driverSet: "touchpoints",
  missing: "mean",
  minN: "30",
  fromDay: "",
  toDay: "",
};

/** Days in the browser's time zone; `to` includes its whole day. */
function requestOf(d: Draft): KeyDriversRequest {
  const day = (s: string, plus = 0) => {
    const date = new Date(`${s}T00:00:00`);
    date.setDate(date.getDate() + plus);
    return date.toISOString();
  };
  return {
    outcome: d.outcome,
    driverSet: d.driverSet,
    missing: d.missing,
    minN: Number(d.minN.trim() || Number.NaN),
    ...(d.journeyId && { journeyId: d.journeyId }),
    ...(d.fromDay && { from: day(d.fromDay) }),
    ...(d.toDay && { to: day(d.toDay, 1) }),
  };
}

const pct = (x: number, digits = 1) => `${formatNumber(x * 100, digits)} %`;

/** `/w/:ws/drivers`: which touchpoints, stages, aspects or operational factors drive NPS or CSAT. */
export function DriversPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("drivers.title"), workspace.name);
  const journeys = useJourneys(workspace.id);
  const [draft, setDraft] = useState<Draft>(initial);
  const [applied, setApplied] = useState<KeyDriversRequest | null>(() => requestOf(initial));
  const result = useKeyDrivers(workspace.id, applied);
  const [csvError, setCsvError] = useState<unknown>(null);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const message = (pointer: string) => serverFieldMessage(result.error, pointer);

  function submit(event: FormEvent) {
    event.preventDefault();
    setApplied(requestOf(draft));
  }

  async function exportCsv() {
    if (!applied) return;
    setCsvError(null);
    try {
      downloadBlob(await fetchDriversCsv(workspace.id, applied), `key-drivers-${applied.driverSet}.csv`);
    } catch (e) {
      setCsvError(e);
    }
  }

  return (
    <div className="page drivers-page">
      <PageHeader
        title={t("drivers.title")}
        description={t("drivers.description")}
        actions={
          <button type="button" className="button" onClick={exportCsv} disabled={!result.data}>
            <Icon name="download" />
            <span>{t("drivers.exportCsv")}</span>
          </button>
        }
      />
      <form className="drivers-form" onSubmit={submit} noValidate>
        <SelectField
          label={t("drivers.journey")}
          value={draft.journeyId}
          error={message("/body/journeyId")}
          onChange={(e) => set({ journeyId: e.target.value })}
        >
          <option value="">{t("drivers.allJourneys")}</option>
          {(journeys.data ?? []).map((j) => (
            <option key={j.id} value={j.id}>
              {j.title}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("drivers.outcome")}
          value={draft.outcome}
          error={message("/body/outcome")}
          onChange={(e) => set({ outcome: e.target.value as DriverOutcome })}
        >
          {DRIVER_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`drivers.outcomes.${o}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("drivers.driverSet")}
          value={draft.driverSet}
          error={message("/body/driverSet")}
          onChange={(e) => set({ driverSet: e.target.value as DriverSet })}
        >
          {DRIVER_SETS.map((s) => (
            <option key={s} value={s}>
              {t(`drivers.sets.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("drivers.missing")}
          value={draft.missing}
          onChange={(e) => set({ missing: e.target.value as Draft["missing"] })}
        >
          <option value="mean">{t("drivers.missingMean")}</option>
          <option value="listwise">{t("drivers.missingListwise")}</option>
        </SelectField>
        <TextField
          label={t("drivers.minN")}
          inputMode="numeric"
          value={draft.minN}
          error={message("/body/minN")}
          onChange={(e) => set({ minN: e.target.value })}
        />
        <TextField
          label={t("drivers.from")}
          type="date"
          value={draft.fromDay}
          error={message("/body/from")}
          onChange={(e) => set({ fromDay: e.target.value })}
        />
        <TextField
          label={t("drivers.to")}
          type="date"
          value={draft.toDay}
          error={message("/body/to")}
          onChange={(e) => set({ toDay: e.target.value })}
        />
        <div className="drivers-form__actions">
          <button type="submit" className="button button--primary">
            {t("drivers.run")}
          </button>
        </div>
      </form>
      <ErrorAlert error={result.error ?? csvError} />
      {result.isLoading ? <Loading /> : null}
      {result.data ? <DriversResult result={result.data} /> : null}
    </div>
  );
}

function DriversResult({ result }: { result: KeyDriversResult }) {
  const { t } = useTranslation();
  const points = useMemo(() => quadrantPoints(result.drivers), [result.drivers]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 56, right: 24, top: 24, bottom: 48 },
      tooltip: {
        trigger: "item",
        formatter: (p: { data: { label: string; value: [number, number] } }) =>
          `${p.data.label}<br/>${t("drivers.importance")}: ${formatNumber(p.data.value[1], 1)} %<br/>${t(
            "drivers.performanceAxis",
          )}: ${formatNumber(p.data.value[0] * 100, 0)} %`,
      },
      xAxis: {
        type: "value",
        min: 0,
        max: 1,
        name: t("drivers.performanceAxis"),
        nameLocation: "middle",
        nameGap: 28,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` },
      },
      yAxis: {
        type: "value",
        min: 0,
        name: t("drivers.importance"),
        nameLocation: "middle",
        nameGap: 40,
        axisLabel: { formatter: "{value} %" },
      },
      series: [
        {
          type: "scatter",
          symbolSize: 14,
          data: points.map((p) => ({ ...p, itemStyle: { color: QUADRANT_COLORS[p.quadrant] } })),
          label: {
            show: true,
            position: "right",
            formatter: (p: { data: { label: string } }) => p.data.label,
          },
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { type: "dashed", color: "#98a2b3" },
            data: [
              ...(result.medians.performance === null ? [] : [{ xAxis: result.medians.performance }]),
              ...(result.medians.share === null
                ? []
                : [{ yAxis: Math.round(result.medians.share * 1000) / 10 }]),
            ],
          },
        },
      ],
    }),
    [points, result.medians, t],
  );

  if (result.drivers.length === 0)
    return (
      <p className="drivers-empty" role="status">
        {t("drivers.empty", { respondents: result.respondents })}
      </p>
    );

  return (
    <section className="drivers-result" aria-label={t("drivers.resultLabel")}>
      <p className="drivers-summary">
        {t("drivers.summary", {
          n: result.n,
          respondents: result.respondents,
          r2: result.r2 === null ? "–" : formatNumber(result.r2, 3),
        })}
      </p>
      <div className="drivers-chart">
        <Chart option={option} label={t("drivers.chartLabel")} height={380} />
        <ul className="drivers-legend">
          {QUADRANTS.map((q) => (
            <li key={q}>
              <span className="drivers-legend__dot" style={{ background: QUADRANT_COLORS[q] }} />
              {t(`drivers.quadrants.${q}`)}
            </li>
          ))}
        </ul>
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="sr-only">{t("drivers.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("drivers.col.driver")}</th>
              <th scope="col" className="cell-number">
                {t("drivers.col.share")}
              </th>
              <th scope="col" className="cell-number">
                {t("drivers.col.weight")}
              </th>
              <th scope="col">{t("drivers.col.ci")}</th>
              <th scope="col">{t("drivers.col.significant")}</th>
              <th scope="col">{t("drivers.col.sign")}</th>
              <th scope="col" className="cell-number">
                {t("drivers.col.performance")}
              </th>
              <th scope="col" className="cell-number">
                n
              </th>
              <th scope="col">{t("drivers.col.quadrant")}</th>
            </tr>
          </thead>
          <tbody>
            {result.drivers.map((d) => (
              <tr key={d.key}>
                <th scope="row">
                  {result.driverSet === "operations" ? t(`drivers.operations.${d.key}`, d.label) : d.label}
                </th>
                <td className="cell-number">{pct(d.share)}</td>
                <td className="cell-number">{formatNumber(d.weight, 3)}</td>
                <td>{d.ci ? `${formatNumber(d.ci[0], 3)} – ${formatNumber(d.ci[1], 3)}` : "–"}</td>
                <td>{d.significant === null ? "–" : d.significant ? t("drivers.yes") : t("drivers.no")}</td>
                <td>{d.sign > 0 ? "+" : d.sign < 0 ? "−" : "0"}</td>
                <td className="cell-number">{formatNumber(d.performance, 2)}</td>
                <td className="cell-number">{d.n}</td>
                <td>
                  <span className={`drivers-quadrant drivers-quadrant--${d.quadrant}`}>
                    {t(`drivers.quadrants.${d.quadrant}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.aspectCosts && result.aspectCosts.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t("drivers.costCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("drivers.col.aspect")}</th>
                <th scope="col" className="cell-number">
                  {t("drivers.col.cost")}
                </th>
                <th scope="col" className="cell-number">
                  {t("drivers.col.npsWithout")}
                </th>
                <th scope="col" className="cell-number">
                  n
                </th>
              </tr>
            </thead>
            <tbody>
              {result.aspectCosts.map((a) => (
                <tr key={a.key}>
                  <th scope="row">{a.label}</th>
                  <td className="cell-number">{a.cost === null ? "–" : formatNumber(a.cost, 1)}</td>
                  <td className="cell-number">
                    {a.npsWithout === null ? "–" : formatNumber(a.npsWithout, 1)}
                  </td>
                  <td className="cell-number">{a.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result.excluded.length > 0 ? (
        <p className="drivers-excluded">
          {t("drivers.excluded", {
            list: result.excluded
              .map((e) => `${e.label} (n = ${e.n}, ${t(`drivers.reasons.${e.reason}`)})`)
              .join("; "),
          })}
        </p>
      ) : null}
      <p className="drivers-definition">{t("drivers.definition")}</p>
    </section>
  );
}

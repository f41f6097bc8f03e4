import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadBlob } from "../../components/download";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useJourneys } from "../journeys/hooks";
import { formatNumber } from "../metrics/format";
import { useMembers } from "../settings/hooks";
import { useCurrentWorkspace } from "../workspaces/context";
import { formatKpi, formatKpiInterval } from "./format";
import { fetchKpiCsv, useKpiValues, useUpdateKpi } from "./hooks";
import { Sparkline } from "./Sparkline";
import type { KpiKind, KpiValues, KpiValuesRequest } from "./types";
import "./kpis.css";

const PERIODS = [30, 90, 180, 365] as const;
const KINDS: KpiKind[] = ["performance", "brand"];

/** `/w/:ws/kpis`: the workspace's KPI catalogue with values, intervals, trends, targets and owners. */
export function KpiCataloguePage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("kpis.title"), workspace.name);
  const [days, setDays] = useState(90);
  const [granularity, setGranularity] = useState<"week" | "month">("month");
  const body: KpiValuesRequest = { days, granularity, periods: granularity === "month" ? 6 : 12 };
  const values = useKpiValues(workspace.id, body);
  const journeys = useJourneys(workspace.id);
  const [csvError, setCsvError] = useState<unknown>(null);
  const journeyTitle = new Map((journeys.data ?? []).map((j) => [j.id, j.title]));

  async function exportCsv() {
    setCsvError(null);
    try {
      downloadBlob(await fetchKpiCsv(workspace.id, body), "kpis.csv");
    } catch (e) {
      setCsvError(e);
    }
  }

  return (
    <div className="page page--wide kpi-page">
      <PageHeader
        title={t("kpis.title")}
        description={t("kpis.description")}
        actions={
          <button type="button" className="button" onClick={exportCsv} disabled={!values.data}>
            <Icon name="download" />
            <span>{t("kpis.exportCsv")}</span>
          </button>
        }
      />
      <div className="kpi-controls">
        <SelectField
          label={t("kpis.period")}
          value={String(days)}
          onChange={(e) => setDays(Number(e.target.value))}
        >
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              {t("kpis.lastDays", { count: d })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("kpis.granularity")}
          value={granularity}
          onChange={(e) => setGranularity(e.target.value as "week" | "month")}
        >
          <option value="month">{t("kpis.byMonth")}</option>
          <option value="week">{t("kpis.byWeek")}</option>
        </SelectField>
      </div>
      <ErrorAlert error={values.error ?? csvError} />
      {values.isLoading ? <Loading /> : null}
      {values.data
        ? KINDS.map((kind) => (
            <KpiTable
              key={kind}
              kind={kind}
              items={values.data.filter((i) => i.kpi.kind === kind)}
              journeyTitle={journeyTitle}
            />
          ))
        : null}
    </div>
  );
}

function KpiTable({
  kind,
  items,
  journeyTitle,
}: {
  kind: KpiKind;
  items: KpiValues[];
  journeyTitle: Map<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section className="kpi-section" aria-labelledby={`kpi-${kind}`}>
      <h2 id={`kpi-${kind}`}>{t(`kpis.kinds.${kind}`)}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("kpis.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table kpi-table">
            <caption className="sr-only">{t(`kpis.kinds.${kind}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("kpis.col.kpi")}</th>
                <th scope="col" className="cell-number">
                  {t("kpis.col.value")}
                </th>
                <th scope="col">{t("kpis.col.interval")}</th>
                <th scope="col" className="cell-number">
                  n
                </th>
                <th scope="col">{t("kpis.col.trend")}</th>
                <th scope="col">{t("kpis.col.series")}</th>
                <th scope="col">{t("kpis.col.target")}</th>
                <th scope="col">{t("kpis.col.owner")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <KpiRow key={item.kpi.id} item={item} journeyTitle={journeyTitle} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function KpiRow({ item, journeyTitle }: { item: KpiValues; journeyTitle: Map<string, string> }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const members = useMembers(workspace.id);
  const update = useUpdateKpi(workspace.id);
  const { kpi, current } = item;
  const [target, setTarget] = useState(kpi.target === null ? "" : String(kpi.target));
  const [owner, setOwner] = useState(kpi.owner?.id ?? "");
  const parsed = target.trim() === "" ? null : Number(target.replace(",", "."));
  const dirty = parsed !== kpi.target || owner !== (kpi.owner?.id ?? "");
  const state = item.met === null ? "none" : item.met ? "met" : "missed";
  const scope = kpi.journeyId ? journeyTitle.get(kpi.journeyId) : null;
  const formId = `kpi-edit-${kpi.id}`;

  return (
    <tr data-kpi={kpi.key} className={`kpi-row kpi-row--${state}`}>
      <th scope="row">
        <span className="kpi-row__name">{kpi.name}</span>
        <span className="kpi-row__definition">{kpi.definition || item.definitionUsed}</span>
        {scope ? <span className="kpi-row__scope">{t("kpis.journeyScope", { title: scope })}</span> : null}
      </th>
      <td className="cell-number kpi-row__value">{formatKpi(kpi.unit, current.value)}</td>
      <td>{formatKpiInterval(kpi.unit, current.interval) || "–"}</td>
      <td className="cell-number">{formatNumber(current.n)}</td>
      <td>
        {item.trend ? (
          <span className={`kpi-trend kpi-trend--${item.trend}`}>
            {t(`kpis.trend.${item.trend}`)}
            {item.previous.value === null
              ? null
              : ` (${t("kpis.previous", { value: formatKpi(kpi.unit, item.previous.value) })})`}
          </span>
        ) : (
          "–"
        )}
      </td>
      <td>
        <Sparkline series={item.series} target={kpi.target} label={t("kpis.sparkline", { name: kpi.name })} />
      </td>
      <td>
        <form
          id={formId}
          className="kpi-row__edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (parsed !== null && !Number.isFinite(parsed)) return;
            update.mutate({ id: kpi.id, target: parsed, ownerUserId: owner || null });
          }}
        >
          <span aria-hidden="true">{kpi.direction === "higher" ? "≥" : "≤"}</span>
          <label className="sr-only" htmlFor={`kpi-target-${kpi.id}`}>
            {t("kpis.targetOf", { name: kpi.name })}
          </label>
          <input
            id={`kpi-target-${kpi.id}`}
            className="input input--compact kpi-row__target"
            inputMode="decimal"
            value={target}
            aria-invalid={parsed !== null && !Number.isFinite(parsed)}
            onChange={(e) => setTarget(e.target.value)}
          />
        </form>
      </td>
      <td>
        <div className="kpi-row__owner-cell">
          <label className="sr-only" htmlFor={`kpi-owner-${kpi.id}`}>
            {t("kpis.ownerOf", { name: kpi.name })}
          </label>
          <select
            id={`kpi-owner-${kpi.id}`}
            form={formId}
            className="input select select--compact kpi-row__owner"
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
          >
            <option value="">{t("kpis.noOwner")}</option>
            {(members.data ?? []).map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
          <button
            type="submit"
            form={formId}
            className="button button--small"
            disabled={!dirty || update.isPending}
          >
            {t("kpis.save")}
          </button>
        </div>
        {update.error ? <ErrorAlert error={update.error} /> : null}
      </td>
    </tr>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField } from "../../components/Field";
import { Loading } from "../../components/Loading";
import { useTeams } from "../alert-rules/hooks";
import { formatKpi } from "../kpis/format";
import { useKpiValues } from "../kpis/hooks";
import { formatNumber } from "../metrics/format";
import { useMembers } from "../settings/hooks";
import { CaseTable } from "./bits";
import { usePainPoints, usePromotePainPoint, useTeamView } from "./hooks";
import type { PainPoint } from "./types";

/** The journey's KPIs against their targets (the catalogue's values over the last 90 days). */
export function JourneyKpis({ workspaceId, journeyId }: { workspaceId: string; journeyId: string }) {
  const { t } = useTranslation();
  const values = useKpiValues(workspaceId, { journeyId, days: 90, granularity: "month", periods: 3 });
  const items = values.data ?? [];
  return (
    <>
      <h2 className="cases-heading">{t("casesPage.journeyKpis")}</h2>
      <ErrorAlert error={values.error} />
      {values.isLoading ? <Loading /> : null}
      {values.data && items.length === 0 ? <p className="cases-meta">{t("casesPage.noKpis")}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t("casesPage.journeyKpis")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("casesPage.kpi")}</th>
                <th scope="col" className="cell-number">
                  {t("casesPage.kpiValue")}
                </th>
                <th scope="col" className="cell-number">
                  {t("casesPage.kpiTarget")}
                </th>
                <th scope="col">{t("casesPage.kpiStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((v) => (
                <tr key={v.kpi.id}>
                  <th scope="row">{v.kpi.name}</th>
                  <td className="cell-number">
                    {formatKpi(v.kpi.unit, v.current.value)}
                    <span className="cases-meta"> n = {formatNumber(v.current.n)}</span>
                  </td>
                  <td className="cell-number">{formatKpi(v.kpi.unit, v.kpi.target)}</td>
                  <td>
                    {v.met === null ? "–" : v.met ? t("casesPage.kpiMet") : t("casesPage.kpiMissed")}
                    {v.trend ? ` · ${t(`casesPage.trend.${v.trend}`)}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/**
 * Inner loop → outer loop: the journey's cases rolled up by touchpoint, step and root cause, each
 * promotable to a proposed initiative on the roadmap.
 */
export function PainPoints({
  workspaceId,
  journeyId,
  stepName,
  touchpointName,
}: {
  workspaceId: string;
  journeyId: string;
  stepName: (id: string | null) => string;
  touchpointName: (id: string | null) => string;
}) {
  const { t } = useTranslation();
  const points = usePainPoints(workspaceId, journeyId);
  const promote = usePromotePainPoint(workspaceId, journeyId);
  const promoteTitle = (p: PainPoint) =>
    t("casesPage.initiativeTitle", {
      touchpoint: touchpointName(p.touchpointId),
      cause: p.rootCause ? t(`casesPage.rootCauses.${p.rootCause}`, { defaultValue: p.rootCause }) : "–",
    });
  const rows = points.data ?? [];
  return (
    <>
      <h2 className="cases-heading">{t("casesPage.painPoints")}</h2>
      <p className="cases-meta">{t("casesPage.painPointsHint")}</p>
      <ErrorAlert error={points.error ?? promote.error} />
      {points.isLoading ? <Loading /> : null}
      {points.data && rows.length === 0 ? <p className="cases-meta">{t("casesPage.none")}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table cases-pain-points">
            <caption className="sr-only">{t("casesPage.painPoints")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("casesPage.col.touchpoint")}</th>
                <th scope="col">{t("casesPage.step")}</th>
                <th scope="col">{t("casesPage.rootCause")}</th>
                <th scope="col" className="cell-number">
                  {t("casesPage.total")}
                </th>
                <th scope="col" className="cell-number">
                  {t("casesPage.open")}
                </th>
                <th scope="col" className="cell-number">
                  {t("casesPage.painTrend")}
                </th>
                <th scope="col" className="cell-number">
                  {t("casesPage.medianHours")}
                </th>
                <th scope="col">
                  <span className="sr-only">{t("casesPage.initiative")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 20).map((p) => (
                <tr key={`${p.touchpointId}|${p.stepId}|${p.rootCause}`}>
                  <th scope="row">{touchpointName(p.touchpointId)}</th>
                  <td>{stepName(p.stepId)}</td>
                  <td>
                    {p.rootCause
                      ? t(`casesPage.rootCauses.${p.rootCause}`, { defaultValue: p.rootCause })
                      : "–"}
                  </td>
                  <td className="cell-number">{p.cases}</td>
                  <td className="cell-number">{p.open}</td>
                  <td className="cell-number">{p.trend > 0 ? `+${p.trend}` : p.trend}</td>
                  <td className="cell-number">
                    {p.medianHoursToResolve === null
                      ? "–"
                      : t("casesPage.hours", { n: formatNumber(p.medianHoursToResolve, 1) })}
                  </td>
                  <td>
                    {p.initiativeId ? (
                      <span className="cases-meta">{t("casesPage.promoted")}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={promote.isPending}
                        onClick={() => promote.mutate({ ...p, title: promoteTitle(p) })}
                      >
                        {t("casesPage.promote")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/** A team lead's view: the team's open cases, each member's load and what waits unassigned. */
export function TeamCases({
  workspaceId,
  touchpointName,
  now,
}: {
  workspaceId: string;
  touchpointName: (id: string | null) => string;
  now: number;
}) {
  const { t } = useTranslation();
  const teams = useTeams(workspaceId);
  const members = useMembers(workspaceId);
  const [picked, setPicked] = useState("");
  const teamId = picked || teams.data?.[0]?.id || "";
  const view = useTeamView(workspaceId, teamId);
  const person = (id: string) => members.data?.find((m) => m.userId === id)?.name ?? id;
  if (teams.data && teams.data.length === 0) return <p className="cases-meta">{t("casesPage.noTeams")}</p>;
  const data = view.data;
  return (
    <>
      <form className="cases-form" onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t("casesPage.team")} value={teamId} onChange={(e) => setPicked(e.target.value)}>
          {(teams.data ?? []).map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
      </form>
      <ErrorAlert error={view.error} />
      {view.isLoading ? <Loading /> : null}
      {data ? (
        <>
          <p className="cases-meta">
            {t("casesPage.counts", {
              open: data.counts.open,
              breached: data.counts.breached,
              dueSoon: data.counts.dueSoon,
            })}{" "}
            · {t("casesPage.unassignedCount", { n: data.unassigned })}
          </p>
          <h2 className="cases-heading">{t("casesPage.memberLoad")}</h2>
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">{t("casesPage.memberLoad")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("casesPage.member")}</th>
                  <th scope="col" className="cell-number">
                    {t("casesPage.open")}
                  </th>
                  <th scope="col" className="cell-number">
                    {t("casesPage.breached")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.members.map((m) => (
                  <tr key={m.userId}>
                    <th scope="row">{person(m.userId)}</th>
                    <td className="cell-number">{m.open}</td>
                    <td className="cell-number">{m.breached}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 className="cases-heading">{t("casesPage.teamCases")}</h2>
          <CaseTable
            cases={data.cases}
            caption={t("casesPage.teamCases")}
            touchpointName={touchpointName}
            now={now}
          />
        </>
      ) : null}
    </>
  );
}

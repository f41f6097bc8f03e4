import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField } from "../../components/Field";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { Tabs } from "../../components/Tabs";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useJourney, useJourneys } from "../journeys/hooks";
import { useTouchpoints } from "../touchpoints/hooks";
import { useCurrentWorkspace } from "../workspaces/context";
import { CaseTable } from "./bits";
import { JourneyKpis, PainPoints, TeamCases } from "./CockpitExtras";
import { useCaseQueue, useCases, useCockpit } from "./hooks";
import { CASE_STATUSES } from "./types";
import "./cases.css";

type Tab = "mine" | "all" | "team" | "cockpit";

export function useTouchpointName(workspaceId: string) {
  const touchpoints = useTouchpoints(workspaceId);
  return (id: string | null) =>
    id === null ? "–" : ((touchpoints.data ?? []).find((tp) => tp.id === id)?.name ?? "–");
}

/** `/w/:ws/cases`: my queue, all cases by status, a team's view, and the journey cockpit. */
export function CasesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("casesPage.title"), workspace.name);
  const [tab, setTab] = useState<Tab>("mine");
  const tabs = [
    { id: "mine" as const, label: t("casesPage.tabs.mine") },
    { id: "all" as const, label: t("casesPage.tabs.all") },
    { id: "team" as const, label: t("casesPage.tabs.team") },
    { id: "cockpit" as const, label: t("casesPage.tabs.cockpit") },
  ];
  return (
    <div className="page cases-page">
      <PageHeader title={t("casesPage.title")} description={t("casesPage.description")} />
      <Tabs tabs={tabs} current={tab} onSelect={setTab} label={t("casesPage.title")} idPrefix="cases" />
      <div role="tabpanel" id={`cases-panel-${tab}`} aria-labelledby={`cases-tab-${tab}`}>
        {tab === "mine" ? <Mine /> : tab === "all" ? <All /> : tab === "team" ? <Team /> : <JourneyCockpit />}
      </div>
    </div>
  );
}

function Mine() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const queue = useCaseQueue(workspace.id);
  const name = useTouchpointName(workspace.id);
  const [now] = useState(() => Date.now());
  if (queue.isLoading) return <Loading />;
  if (!queue.data) return <ErrorAlert error={queue.error} />;
  const q = queue.data;
  return (
    <>
      <p className="cases-meta" role="status">
        {t("casesPage.counts", q.counts)}
      </p>
      <h2 className="cases-heading">{t("casesPage.assigned")}</h2>
      <CaseTable cases={q.assigned} caption={t("casesPage.assigned")} touchpointName={name} now={now} />
      <h2 className="cases-heading">{t("casesPage.watching")}</h2>
      <CaseTable cases={q.watching} caption={t("casesPage.watching")} touchpointName={name} now={now} />
    </>
  );
}

function All() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [status, setStatus] = useState("");
  const cases = useCases(workspace.id, status);
  const name = useTouchpointName(workspace.id);
  const [now] = useState(() => Date.now());
  return (
    <>
      <form className="cases-form" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t("casesPage.col.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          <option value="">{t("casesPage.anyStatus")}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`casesPage.status.${s}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <ErrorAlert error={cases.error} />
      {cases.isLoading ? <Loading /> : null}
      {cases.data ? (
        <CaseTable cases={cases.data} caption={t("casesPage.tabs.all")} touchpointName={name} now={now} />
      ) : null}
    </>
  );
}

function Team() {
  const workspace = useCurrentWorkspace();
  const name = useTouchpointName(workspace.id);
  const [now] = useState(() => Date.now());
  return <TeamCases workspaceId={workspace.id} touchpointName={name} now={now} />;
}

function JourneyCockpit() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const journeys = useJourneys(workspace.id);
  const [picked, setPicked] = useState("");
  const journeyId = picked || journeys.data?.[0]?.id || "";
  const cockpit = useCockpit(workspace.id, journeyId);
  const journey = useJourney(workspace.id, journeyId);
  const name = useTouchpointName(workspace.id);
  const [now] = useState(() => Date.now());
  const steps = (journey.data?.document.stages ?? []).flatMap((s) => s.steps);
  const stepName = (id: string | null) =>
    id === null ? t("casesPage.noStep") : (steps.find((s) => s.id === id)?.title ?? id);
  const data = cockpit.data;
  return (
    <>
      <form className="cases-form" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t("casesPage.journey")}
          value={journeyId}
          onChange={(e) => setPicked(e.target.value)}
        >
          {(journeys.data ?? []).map((j) => (
            <option key={j.id} value={j.id}>
              {j.title}
            </option>
          ))}
        </SelectField>
      </form>
      <ErrorAlert error={cockpit.error} />
      {cockpit.isLoading ? <Loading /> : null}
      {data ? (
        <>
          <h2 className="cases-heading">{t("casesPage.byStep")}</h2>
          <div className="table-wrap">
            <table className="table cases-matrix">
              <caption className="sr-only">{t("casesPage.byStep")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("casesPage.step")}</th>
                  {CASE_STATUSES.map((s) => (
                    <th key={s} scope="col" className="cell-number">
                      {t(`casesPage.status.${s}`)}
                    </th>
                  ))}
                  <th scope="col" className="cell-number">
                    {t("casesPage.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.byStep.map((row) => (
                  <tr key={row.stepId ?? "none"}>
                    <th scope="row">{stepName(row.stepId)}</th>
                    {CASE_STATUSES.map((s) => (
                      <td key={s} className="cell-number">
                        {row.statuses[s] ?? 0}
                      </td>
                    ))}
                    <td className="cell-number">{row.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 className="cases-heading">{t("casesPage.breaches")}</h2>
          <CaseTable
            cases={data.breaches}
            caption={t("casesPage.breaches")}
            touchpointName={name}
            now={now}
          />
          <h2 className="cases-heading">{t("casesPage.repeatOffenders")}</h2>
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">{t("casesPage.repeatOffenders")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("casesPage.col.touchpoint")}</th>
                  <th scope="col" className="cell-number">
                    {t("casesPage.total")}
                  </th>
                  <th scope="col" className="cell-number">
                    {t("casesPage.open")}
                  </th>
                  <th scope="col" className="cell-number">
                    {t("casesPage.breached")}
                  </th>
                  <th scope="col" className="cell-number">
                    {t("casesPage.repeatCustomers")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.repeatOffenders.map((r) => (
                  <tr key={r.touchpointId}>
                    <th scope="row">{name(r.touchpointId)}</th>
                    <td className="cell-number">{r.cases}</td>
                    <td className="cell-number">{r.open}</td>
                    <td className="cell-number">{r.breached}</td>
                    <td className="cell-number">{r.repeatCustomers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PainPoints
            workspaceId={workspace.id}
            journeyId={journeyId}
            stepName={stepName}
            touchpointName={name}
          />
          <JourneyKpis workspaceId={workspace.id} journeyId={journeyId} />
        </>
      ) : null}
    </>
  );
}

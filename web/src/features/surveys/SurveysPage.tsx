import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { type MetricId, SURVEY_STATUSES, type Survey } from "../../api/listen";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FilterSearch, FilterSelect } from "../../components/Filters";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { withParam } from "../../components/searchParams";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useJourneys } from "../journeys/hooks";
import { formatMetric, formatNumber } from "../metrics/format";
import { useMetrics } from "../metrics/hooks";
import { useTouchpoints } from "../touchpoints/hooks";
import { useCurrentWorkspace } from "../workspaces/context";
import { CreateSurveyDialog } from "./CreateSurveyDialog";
import { headlineMetric } from "./headline";
import { type SurveyFilters, useSurveys } from "./hooks";
import { ImportSurveyDialog } from "./ImportSurveyDialog";
import { SurveyStatusBadge } from "./SurveyStatusBadge";

const FILTERS = ["q", "status", "touchpointId", "journeyId"] as const;

/** `/w/:ws/surveys`: every survey with its status, links, responses and headline metric. */
export function SurveysPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("surveys.title"), workspace.name);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters: SurveyFilters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""]));
  const surveys = useSurveys(workspace.id, filters);
  const touchpoints = useTouchpoints(workspace.id);
  const journeys = useJourneys(workspace.id);
  const [dialog, setDialog] = useState<"create" | "import" | null>(null);
  const createRef = useRef<HTMLButtonElement>(null);
  const importRef = useRef<HTMLButtonElement>(null);
  const headlines = useHeadlines(workspace.id, surveys.data ?? []);

  const touchpointName = useMemo(
    () => new Map((touchpoints.data ?? []).map((tp) => [tp.id, tp.name])),
    [touchpoints.data],
  );
  const journeyTitle = useMemo(
    () => new Map((journeys.data ?? []).map((j) => [j.id, j.title])),
    [journeys.data],
  );
  const active = FILTERS.some((f) => filters[f]);

  function setFilter(name: (typeof FILTERS)[number], value: string) {
    setParams(withParam(name, value), { replace: true });
  }

  const open = (survey: Survey) => navigate(`/w/${workspace.id}/surveys/${survey.id}`);

  return (
    <div className="page page--wide">
      <PageHeader
        title={t("surveys.title")}
        description={t("surveys.description")}
        actions={
          <>
            <button ref={importRef} type="button" className="button" onClick={() => setDialog("import")}>
              <Icon name="upload" size={16} />
              {t("surveys.import.button")}
            </button>
            <button
              ref={createRef}
              type="button"
              className="button button--primary"
              onClick={() => setDialog("create")}
            >
              <Icon name="plus" size={16} />
              {t("surveys.new")}
            </button>
          </>
        }
      />
      <search className="filter-bar" aria-label={t("surveys.filters")}>
        <FilterSearch
          label={t("surveys.search")}
          placeholder={t("surveys.searchPlaceholder")}
          value={filters.q}
          onChange={(v) => setFilter("q", v)}
        />
        <FilterSelect
          label={t("surveys.fields.status")}
          value={filters.status ?? ""}
          onChange={(v) => setFilter("status", v)}
          options={SURVEY_STATUSES.map((s) => ({ value: s, label: t(`surveys.statuses.${s}`) }))}
        />
        <FilterSelect
          label={t("feedback.fields.touchpoint")}
          value={filters.touchpointId ?? ""}
          onChange={(v) => setFilter("touchpointId", v)}
          options={(touchpoints.data ?? []).map((tp) => ({ value: tp.id, label: tp.name }))}
        />
        <FilterSelect
          label={t("feedback.fields.journey")}
          value={filters.journeyId ?? ""}
          onChange={(v) => setFilter("journeyId", v)}
          options={(journeys.data ?? []).map((j) => ({ value: j.id, label: j.title }))}
        />
        {active ? (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setParams({}, { replace: true })}
          >
            {t("touchpoints.filters.reset")}
          </button>
        ) : null}
      </search>

      {surveys.isPending ? (
        <Loading />
      ) : surveys.isError ? (
        <ErrorAlert error={surveys.error} />
      ) : surveys.data.length === 0 && !active ? (
        <div className="empty-state">
          <div className="empty-state__icon">
            <Icon name="feedback" size={28} />
          </div>
          <h2 className="empty-state__title">{t("surveys.emptyTitle")}</h2>
          <p className="empty-state__body">{t("surveys.emptyBody")}</p>
          <div className="empty-state__actions">
            <button type="button" className="button button--primary" onClick={() => setDialog("create")}>
              <Icon name="plus" size={16} />
              {t("surveys.new")}
            </button>
          </div>
        </div>
      ) : surveys.data.length === 0 ? (
        <p className="notice-inline">{t("surveys.noMatches")}</p>
      ) : (
        <div className={surveys.isFetching ? "table-wrap table-wrap--busy" : "table-wrap"}>
          <table className="table table--dense">
            <caption className="sr-only">{t("surveys.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.fields.name")}</th>
                <th scope="col">{t("surveys.fields.status")}</th>
                <th scope="col">{t("surveys.fields.linkedTo")}</th>
                <th scope="col" className="cell-num">
                  {t("surveys.fields.responses")}
                </th>
                <th scope="col" className="cell-num">
                  {t("surveys.fields.headline")}
                </th>
                <th scope="col">{t("surveys.fields.updatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {surveys.data.map((survey) => {
                const headline = headlines(survey);
                return (
                  <tr key={survey.id}>
                    <td>
                      <Link className="cell-primary" to={`/w/${workspace.id}/surveys/${survey.id}`}>
                        {survey.name}
                      </Link>
                      <div className="cell-secondary">
                        {t("surveys.questionCount", { count: survey.definition.questions.length })}
                      </div>
                    </td>
                    <td>
                      <SurveyStatusBadge status={survey.status} />
                    </td>
                    <td>
                      {survey.touchpointId ? (
                        <div>{touchpointName.get(survey.touchpointId) ?? "–"}</div>
                      ) : null}
                      {survey.journeyId ? (
                        <div className="cell-secondary">{journeyTitle.get(survey.journeyId) ?? "–"}</div>
                      ) : null}
                      {!survey.touchpointId && !survey.journeyId ? <span className="muted">–</span> : null}
                    </td>
                    <td className="cell-num">{formatNumber(survey.responseCount)}</td>
                    <td className="cell-num">
                      {headline ? (
                        <span title={t(`metrics.names.${headline.metric}`)}>
                          <span className="cell-secondary">{t(`metrics.short.${headline.metric}`)} </span>
                          {formatMetric(headline.metric, headline.value)}
                        </span>
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                    <td>
                      <DateText value={survey.updatedAt} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {dialog === "create" ? (
        <CreateSurveyDialog
          workspace={workspace}
          returnFocusRef={createRef}
          onClose={() => setDialog(null)}
          onCreated={open}
        />
      ) : null}
      {dialog === "import" ? (
        <ImportSurveyDialog
          workspaceId={workspace.id}
          returnFocusRef={importRef}
          onClose={() => setDialog(null)}
          onImported={open}
        />
      ) : null}
    </div>
  );
}

/** One metrics request per headline metric in use, grouped by survey: cheap for any number of surveys. */
function useHeadlines(workspaceId: string, surveys: Survey[]) {
  const needed = new Set(surveys.map(headlineMetric).filter((m): m is MetricId => m !== null));
  const nps = useMetrics(workspaceId, { metric: "nps", groupBy: "survey" }, needed.has("nps"));
  const csat = useMetrics(workspaceId, { metric: "csat", groupBy: "survey" }, needed.has("csat"));
  const ces = useMetrics(workspaceId, { metric: "ces_mean", groupBy: "survey" }, needed.has("ces_mean"));
  return (survey: Survey): { metric: MetricId; value: number } | null => {
    const metric = headlineMetric(survey);
    const source =
      metric === "nps" ? nps.data : metric === "csat" ? csat.data : metric ? ces.data : undefined;
    const group = source?.groups.find((g) => g.key === survey.id);
    return metric && group && group.value !== null ? { metric, value: group.value } : null;
  };
}

import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { GROUP_BYS, type GroupBy, METRIC_IDS, type MetricId, type MetricsQuery } from "../../api/listen";
import { downloadHref } from "../../components/download";
import { ErrorAlert } from "../../components/ErrorAlert";
import { serverFieldMessage } from "../../components/errors";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { paramValues, withParam } from "../../components/searchParams";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useCurrentWorkspace } from "../workspaces/context";
import { metricsExportHref, useMetrics } from "./hooks";
import { MetricsControls } from "./MetricsControls";
import { MetricsResultView } from "./MetricsResultView";
import { browserTimeZone } from "./range";

export const METRICS_PARAMS = [
  "metric",
  "groupBy",
  "trait",
  "from",
  "to",
  "surveyId",
  "touchpointId",
  "journeyId",
  "channel",
] as const;
export type MetricsParam = (typeof METRICS_PARAMS)[number];

const isMetric = (v: string | null): v is MetricId => METRIC_IDS.some((m) => m === v);
const isGroupBy = (v: string | null): v is GroupBy => GROUP_BYS.some((g) => g === v);

/** `/w/:ws/metrics`: one metric, grouped, with intervals; the URL holds the view so it can be shared. */
export function MetricsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("metrics.title"), workspace.name);
  const [params, setParams] = useSearchParams();
  const raw = paramValues(params, METRICS_PARAMS);
  const metric: MetricId = isMetric(raw.metric) ? raw.metric : "nps";
  const groupBy: GroupBy = isGroupBy(raw.groupBy) ? raw.groupBy : "week";
  const traitMissing = groupBy === "trait" && !raw.trait.trim();
  const query: MetricsQuery = {
    metric,
    groupBy,
    trait: groupBy === "trait" ? raw.trait.trim() : undefined,
    // Days in the browser's time zone; the API includes the whole `to` day.
    from: raw.from || undefined,
    to: raw.to || undefined,
    tz: browserTimeZone(),
    surveyId: raw.surveyId || undefined,
    touchpointId: raw.touchpointId || undefined,
    journeyId: raw.journeyId || undefined,
    channel: raw.channel || undefined,
  };
  const result = useMetrics(workspace.id, query, !traitMissing);

  function set(name: MetricsParam, value: string) {
    setParams(withParam(name, value), { replace: true });
  }

  return (
    <div className="page page--wide">
      <PageHeader
        title={t("metrics.title")}
        description={t("metrics.description")}
        actions={
          <button
            type="button"
            className="button"
            disabled={traitMissing}
            onClick={() => downloadHref(metricsExportHref(workspace.id, query))}
          >
            <Icon name="download" size={16} />
            {t("metrics.exportCsv")}
          </button>
        }
      />
      <MetricsControls
        workspaceId={workspace.id}
        values={{ ...raw, metric, groupBy }}
        traitError={serverFieldMessage(result.error, "/query/trait")}
        onChange={set}
        onReset={() => setParams({ metric, groupBy }, { replace: true })}
      />
      {traitMissing ? (
        <p className="notice-inline">{t("metrics.traitNeeded")}</p>
      ) : result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorAlert error={result.error} />
      ) : (
        <MetricsResultView result={result.data} busy={result.isFetching} />
      )}
    </div>
  );
}

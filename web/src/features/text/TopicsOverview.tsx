import { useTranslation } from "react-i18next";
import { TREND_INTERVALS, type TrendInterval } from "../../api/text";
import type { Workspace } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FilterDateRange, FilterSelect } from "../../components/Filters";
import { Loading } from "../../components/Loading";
import { AlertsCard } from "./AlertsCard";
import { AspectTable } from "./AspectTable";
import { canWrite } from "./access";
import { DiscoveredTopics } from "./DiscoveredTopics";
import { formatCount, formatScore, formatShare } from "./format";
import { useAspectLabel, useAspectOptions, useTrend } from "./hooks";
import { KeywordsCard } from "./KeywordsCard";
import { TrendCard } from "./TrendCard";
import { negativeShare } from "./trend";

export const TOPICS_PARAMS = ["aspect", "interval", "from", "to"] as const;
export type TopicsParam = (typeof TOPICS_PARAMS)[number];

const isInterval = (v: string): v is TrendInterval => TREND_INTERVALS.some((i) => i === v);

/** The overview tab: sentiment over time, aspects, keywords, discovered topics and alerts. */
export function TopicsOverview({
  workspace,
  values,
  onChange,
  onReset,
}: {
  workspace: Workspace;
  values: Record<TopicsParam, string>;
  onChange: (name: TopicsParam, value: string) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const interval: TrendInterval = isInterval(values.interval) ? values.interval : "week";
  // Whole UTC days, like the trend's buckets (the API includes the `to` day).
  const range = { from: values.from || undefined, to: values.to || undefined };
  const aspectLabel = useAspectLabel(workspace.id);
  const aspectOptions = useAspectOptions(workspace.id, values.aspect);
  // All aspects for the table and the tiles; the chart asks for its aspect only.
  const all = useTrend(workspace.id, { ...range, interval });
  const chart = useTrend(workspace.id, { ...range, interval, aspect: values.aspect || undefined });
  const overall = all.data?.totals.find((x) => x.aspect === "");
  const filtered = TOPICS_PARAMS.some((p) => values[p]);

  return (
    <div className="topics-overview">
      <search className="filter-bar" aria-label={t("text.filters.label")}>
        <FilterSelect
          label={t("text.aspect")}
          value={values.aspect}
          onChange={(v) => onChange("aspect", v)}
          options={aspectOptions}
        />
        <label className={values.interval ? "filter filter--active" : "filter"}>
          <span className="filter__label">{t("text.filters.interval")}</span>
          <select
            className="input select select--compact"
            value={interval}
            onChange={(e) => onChange("interval", e.target.value === "week" ? "" : e.target.value)}
          >
            {TREND_INTERVALS.map((i) => (
              <option key={i} value={i}>
                {t(`text.intervals.${i}`)}
              </option>
            ))}
          </select>
        </label>
        <FilterDateRange from={values.from} to={values.to} onChange={onChange} />
        {filtered ? (
          <button type="button" className="button button--ghost button--small" onClick={onReset}>
            {t("touchpoints.filters.reset")}
          </button>
        ) : null}
      </search>

      {all.isPending ? (
        <Loading />
      ) : all.isError ? (
        <ErrorAlert error={all.error} />
      ) : (
        <>
          <dl className="stat-tiles">
            <div className="stat-tile">
              <dt>{t("text.stats.texts")}</dt>
              <dd data-testid="texts-analysed">{formatCount(overall?.mentions ?? 0)}</dd>
            </div>
            <div className="stat-tile">
              <dt>{t("text.stats.negativeShare")}</dt>
              <dd>{formatShare(overall ? negativeShare(overall) : null)}</dd>
            </div>
            <div className="stat-tile">
              <dt>{t("text.stats.meanScore")}</dt>
              <dd>{formatScore(overall?.meanScore ?? null)}</dd>
            </div>
          </dl>
          {chart.isError ? (
            <ErrorAlert error={chart.error} />
          ) : (
            <TrendCard
              result={chart.data}
              aspect={values.aspect}
              aspectLabel={aspectLabel}
              busy={chart.isFetching}
            />
          )}
          <div className="topics-grid">
            <AspectTable
              workspaceId={workspace.id}
              totals={all.data.totals.filter((x) => x.aspect !== "")}
              aspectLabel={aspectLabel}
              selected={values.aspect}
              onSelect={(key) => onChange("aspect", key)}
            />
            <KeywordsCard
              workspaceId={workspace.id}
              query={{ ...range, aspect: values.aspect || undefined }}
            />
          </div>
        </>
      )}
      <div className="topics-grid">
        <DiscoveredTopics workspaceId={workspace.id} range={range} canWrite={canWrite(workspace)} />
        <AlertsCard workspaceId={workspace.id} aspectLabel={aspectLabel} canWrite={canWrite(workspace)} />
      </div>
    </div>
  );
}

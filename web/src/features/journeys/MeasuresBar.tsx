import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { JourneyMeasures } from "../../api/journey-design";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { ScopeFields } from "../analytics/Controls";
import type { ScopeDraft } from "../analytics/draft";
import { formatNumber } from "../metrics/format";
import { useRebuildInstances } from "./hooks";

/**
 * The measured values' controls above the map: the on/off toggle, the date range of the instances,
 * a summary of them with the time they were last brought up to date, and (write roles) a rebuild.
 */
export function MeasuresBar({
  workspaceId,
  show,
  onShow,
  scope,
  onScope,
  measures,
  pending,
  error,
  canRebuild,
}: {
  workspaceId: string;
  show: boolean;
  onShow: (show: boolean) => void;
  scope: ScopeDraft;
  onScope: (scope: ScopeDraft) => void;
  measures: JourneyMeasures | undefined;
  pending: boolean;
  error: unknown;
  canRebuild: boolean;
}) {
  const { t } = useTranslation();
  const toggleId = useId();
  const rebuild = useRebuildInstances(workspaceId);
  const counts = measures?.instances;

  return (
    <section className="jm-measures no-export" aria-label={t("journeys.measures.title")}>
      <div className="jm-measures__bar">
        <label className="jm-measures__toggle" htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={show} onChange={(e) => onShow(e.target.checked)} />
          <span>{t("journeys.measures.toggle")}</span>
        </label>
        {show ? (
          <>
            <div className="jm-measures__scope">
              <ScopeFields scope={scope} message={() => undefined} onChange={onScope} />
            </div>
            <div className="jm-measures__summary" aria-live="polite">
              {counts ? (
                <>
                  <p className="jm-measures__counts">
                    <strong>
                      {t("journeys.measures.instances", {
                        count: counts.total,
                        n: formatNumber(counts.total),
                      })}
                    </strong>
                    {" · "}
                    {t("journeys.measures.completed", { n: formatNumber(counts.completed) })}
                    {" · "}
                    {t("journeys.measures.inProgress", { n: formatNumber(counts.inProgress) })}
                    {" · "}
                    {t("journeys.measures.dropped", { n: formatNumber(counts.dropped) })}
                    {" · "}
                    {t("journeys.measures.customerCount", {
                      count: counts.customers,
                      n: formatNumber(counts.customers),
                    })}
                  </p>
                  <p className="jm-measures__stand">
                    {t("journeys.measures.refreshedAt")}{" "}
                    {measures?.refreshedAt ? (
                      <DateText value={measures.refreshedAt} withTime />
                    ) : (
                      t("journeys.measures.never")
                    )}
                  </p>
                </>
              ) : pending ? (
                <p className="muted">{t("journeys.measures.loading")}</p>
              ) : null}
            </div>
            {canRebuild ? (
              <div className="jm-measures__rebuild">
                <button
                  type="button"
                  className="button"
                  disabled={rebuild.isPending}
                  aria-describedby={`${toggleId}-rebuild`}
                  onClick={() => rebuild.mutate()}
                >
                  <Icon name="history" size={16} />
                  {rebuild.isPending ? t("journeys.measures.rebuilding") : t("journeys.measures.rebuild")}
                </button>
                <p className="jm-measures__result" id={`${toggleId}-rebuild`} role="status">
                  {rebuild.data
                    ? t("journeys.measures.rebuilt", {
                        instances: formatNumber(rebuild.data.instances),
                        journeys: formatNumber(rebuild.data.journeys),
                        units: formatNumber(rebuild.data.units),
                        seconds: formatNumber(rebuild.data.tookMs / 1000, 1),
                      })
                    : rebuild.isPending
                      ? t("journeys.measures.rebuildingHint")
                      : ""}
                </p>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
      {show ? <ErrorAlert error={error ?? rebuild.error} className="section-gap" /> : null}
    </section>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Alert } from "../../api/text";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { currentLocale } from "../../i18n";
import { formatCount, formatPeriod, formatShare } from "./format";
import { useAcknowledgeAlert, useAlerts } from "./hooks";

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
/** `details.label` is `{ de, en }`; the UI language's one, else the other. */
const localized = (v: unknown): string | null => {
  if (typeof v !== "object" || v === null) return null;
  const label = v as Record<string, unknown>;
  return str(label[currentLocale()]) ?? str(label.de) ?? str(label.en);
};

/** Emerging-topic alerts: an aspect or topic mentioned far more often this week than before. */
export function AlertsCard({
  workspaceId,
  aspectLabel,
  canWrite,
}: {
  workspaceId: string;
  aspectLabel: (key: string) => string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [acknowledged, setAcknowledged] = useState(false);
  const alerts = useAlerts(workspaceId, acknowledged);
  const acknowledge = useAcknowledgeAlert(workspaceId);

  function describe(alert: Alert) {
    const d = alert.details;
    const aspect = str(d.aspect);
    const name = localized(d.label) ?? (aspect ? aspectLabel(aspect) : alert.title);
    const week = str(d.week);
    const count = num(d.count);
    const projected = num(d.projectedCount);
    const mean = num(d.baselineMean);
    const share = num(d.sentimentNegativeShare);
    return {
      name,
      week: week ? formatPeriod(week, "week") : null,
      figures: [
        count !== null && mean !== null
          ? t("text.alerts.counts", { count: formatCount(count), mean: formatCount(Math.round(mean)) })
          : null,
        // Only a running week that was scaled up has a projection worth showing.
        d.partialWeek === true && projected !== null && Math.round(projected) !== count
          ? t("text.alerts.projected", { projected: formatCount(Math.round(projected)) })
          : null,
        share !== null ? t("text.alerts.negativeShare", { share: formatShare(share) }) : null,
      ].filter((x): x is string => x !== null),
    };
  }

  return (
    <section className="topics-card" aria-labelledby="alerts-title">
      <div className="topics-card__head">
        <div>
          <h2 className="section__title" id="alerts-title">
            {t("text.alerts.title")}
          </h2>
          <p className="section__intro">{t("text.alerts.intro")}</p>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
          <span className="checkbox__label">{t("text.alerts.showAcknowledged")}</span>
        </label>
      </div>
      <ErrorAlert error={acknowledge.error} />
      {alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <ErrorAlert error={alerts.error} />
      ) : alerts.data.items.length === 0 ? (
        <p className="muted">{acknowledged ? t("text.alerts.noneAcknowledged") : t("text.alerts.none")}</p>
      ) : (
        <ul className="alert-list">
          {alerts.data.items.map((alert) => {
            const { name, week, figures } = describe(alert);
            return (
              <li key={alert.id} className={`alert-item alert-item--${alert.severity}`}>
                <Icon name="warning" className="alert-item__icon" />
                <div className="alert-item__body">
                  <p className="alert-item__title">{t("text.alerts.emerging", { name })}</p>
                  <p className="alert-item__meta">
                    {week ? <span>{t("text.alerts.week", { week })}</span> : null}
                    {figures.map((f) => (
                      <span key={f}>{f}</span>
                    ))}
                    <DateText value={alert.createdAt} withTime />
                  </p>
                </div>
                {alert.acknowledgedAt ? (
                  <span className="badge">{t("text.alerts.acknowledged")}</span>
                ) : canWrite ? (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={acknowledge.isPending}
                    aria-label={t("text.alerts.acknowledgeNamed", { name })}
                    onClick={() => acknowledge.mutate(alert.id)}
                  >
                    <Icon name="check" size={14} />
                    {t("text.alerts.acknowledge")}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

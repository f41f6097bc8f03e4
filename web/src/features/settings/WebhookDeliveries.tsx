import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loading } from "../../components/Loading";
import { useReplayDelivery, useWebhookDeliveries, type WebhookDelivery } from "./webhooks-api";

function lastResult(d: WebhookDelivery, notAttempted: string): string {
  if (d.lastStatusCode !== null) return `HTTP ${d.lastStatusCode}`;
  return d.lastError ?? notAttempted;
}

/** The delivery log of one endpoint, newest first, with each attempt and a replay for finished ones. */
export function WebhookDeliveries({
  workspaceId,
  endpointId,
  canManage,
}: {
  workspaceId: string;
  endpointId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const deliveries = useWebhookDeliveries(workspaceId, endpointId);
  const replay = useReplayDelivery(workspaceId, endpointId);
  const [status, setStatus] = useState("");

  if (deliveries.isPending) return <Loading />;
  if (deliveries.isError) return <ErrorAlert error={deliveries.error} />;
  if (deliveries.data.length === 0) return <p className="notice-inline">{t("webhooks.noDeliveries")}</p>;
  return (
    <div className="webhook-log">
      <ErrorAlert error={replay.error} />
      <p className="status-message" role="status">
        {status}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="sr-only">{t("webhooks.deliveriesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("webhooks.createdAt")}</th>
              <th scope="col">{t("webhooks.event")}</th>
              <th scope="col">{t("webhooks.deliveryStatus")}</th>
              <th scope="col">{t("webhooks.attempts")}</th>
              <th scope="col">{t("webhooks.lastResult")}</th>
              <th scope="col">{t("webhooks.nextAttempt")}</th>
              {canManage ? (
                <th scope="col">
                  <span className="sr-only">{t("webhooks.actions")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {deliveries.data.map((d) => (
              <tr key={d.id}>
                <td>
                  <DateText value={d.createdAt} withTime />
                </td>
                <td>
                  <code className="code">{d.eventType}</code>
                  {d.test ? <span className="badge">{t("webhooks.test")}</span> : null}
                </td>
                <td>
                  <span
                    className={`status status--${d.status === "succeeded" ? "active" : d.status === "failed" ? "revoked" : "expired"}`}
                  >
                    {t(`webhooks.status.${d.status}`)}
                  </span>
                </td>
                <td>
                  <details>
                    <summary>{d.attempts}</summary>
                    <ol className="webhook-attempts">
                      {d.attemptLog.map((a) => (
                        <li key={a.attempt}>
                          <DateText value={a.createdAt} withTime /> · {t(`webhooks.trigger.${a.trigger}`)} ·{" "}
                          {a.statusCode !== null ? `HTTP ${a.statusCode}` : a.error} · {a.durationMs} ms
                        </li>
                      ))}
                    </ol>
                  </details>
                </td>
                <td className="cell-wrap">{lastResult(d, t("webhooks.notAttempted"))}</td>
                <td>{d.nextAttemptAt ? <DateText value={d.nextAttemptAt} withTime /> : "–"}</td>
                {canManage ? (
                  <td className="cell-actions">
                    {d.status !== "pending" ? (
                      <button
                        type="button"
                        className="button button--ghost"
                        disabled={replay.isPending}
                        onClick={() =>
                          replay.mutate(d.id, {
                            onSuccess: () => setStatus(t("webhooks.replayQueued")),
                          })
                        }
                      >
                        {t("webhooks.replay")}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useSurveyInvitations } from "./hooks";

/** The newest invitations the triggers created, with what happened to each. */
export function InvitationsSection({ workspaceId, surveyId }: { workspaceId: string; surveyId: string }) {
  const { t } = useTranslation();
  const invitations = useSurveyInvitations(workspaceId, surveyId);
  const items = invitations.data?.items ?? [];
  return (
    <section className="editor-section" aria-labelledby="dist-invitations">
      <h2 className="section__title" id="dist-invitations">
        {t("surveys.invitations.title")}
      </h2>
      <ErrorAlert error={invitations.error} />
      {invitations.data && items.length === 0 ? (
        <p className="notice-inline">{t("surveys.invitations.none")}</p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="sr-only">{t("surveys.invitations.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.invitations.created")}</th>
                <th scope="col">{t("surveys.invitations.customer")}</th>
                <th scope="col">{t("surveys.invitations.event")}</th>
                <th scope="col">{t("surveys.invitations.status")}</th>
                <th scope="col">{t("surveys.invitations.when")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((inv) => (
                <tr key={inv.id}>
                  <td>
                    <DateText value={inv.createdAt} withTime />
                  </td>
                  <td className="cell-mono">{inv.customerId}</td>
                  <td>
                    <div>{inv.eventName}</div>
                    <div className="cell-secondary cell-mono">{inv.eventId}</div>
                  </td>
                  <td>
                    <span className={`invitation-status invitation-status--${inv.status}`}>
                      {t(`surveys.invitations.statuses.${inv.status}`)}
                    </span>
                    {inv.error ? <div className="cell-secondary">{inv.error}</div> : null}
                  </td>
                  <td>
                    {inv.sentAt ? (
                      <DateText value={inv.sentAt} withTime />
                    ) : inv.scheduledFor ? (
                      <DateText value={inv.scheduledFor} withTime />
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

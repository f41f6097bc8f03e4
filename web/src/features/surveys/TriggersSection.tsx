import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Survey, SurveyTrigger } from "../../api/listen";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { currentLocale } from "../../i18n";
import { formatNumber } from "../metrics/format";
import { useDeleteSurveyTrigger, useSaveSurveyTrigger, useSurveyTriggers } from "./hooks";
import { TriggerDialog } from "./TriggerDialog";

/** Event triggers that invite a customer to this survey by webhook or e-mail. */
export function TriggersSection({ workspaceId, survey }: { workspaceId: string; survey: Survey }) {
  const { t } = useTranslation();
  const triggers = useSurveyTriggers(workspaceId, survey.id);
  const toggle = useSaveSurveyTrigger(workspaceId, survey.id);
  const remove = useDeleteSurveyTrigger(workspaceId, survey.id);
  const [editing, setEditing] = useState<SurveyTrigger | "new" | null>(null);
  const [deleting, setDeleting] = useState<SurveyTrigger | null>(null);
  const newRef = useRef<HTMLButtonElement>(null);

  return (
    <section className="editor-section" aria-labelledby="dist-triggers">
      <div className="section__header">
        <div>
          <h2 className="section__title" id="dist-triggers">
            {t("surveys.triggers.title")}
          </h2>
          <p className="section__intro">{t("surveys.triggers.intro")}</p>
        </div>
        <button ref={newRef} type="button" className="button" onClick={() => setEditing("new")}>
          <Icon name="plus" size={16} />
          {t("surveys.triggers.new")}
        </button>
      </div>
      <ErrorAlert error={triggers.error ?? toggle.error} />
      {triggers.data && triggers.data.length === 0 ? (
        <p className="notice-inline">{t("surveys.triggers.none")}</p>
      ) : null}
      {triggers.data && triggers.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="sr-only">{t("surveys.triggers.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.triggers.name")}</th>
                <th scope="col">{t("surveys.triggers.event")}</th>
                <th scope="col" className="cell-num">
                  {t("surveys.triggers.delay")}
                </th>
                <th scope="col">{t("surveys.triggers.channel")}</th>
                <th scope="col" className="cell-num">
                  {t("surveys.triggers.sampling")}
                </th>
                <th scope="col">{t("surveys.triggers.enabled")}</th>
                <th scope="col">
                  <span className="sr-only">{t("members.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {triggers.data.map((trigger) => (
                <tr key={trigger.id}>
                  <td className="cell-primary">{trigger.name}</td>
                  <td>
                    <div className="cell-mono">{trigger.matcher.event}</div>
                    {trigger.matcher.where ? (
                      <div className="cell-secondary cell-mono">{trigger.matcher.where}</div>
                    ) : null}
                  </td>
                  <td className="cell-num">{formatDelay(trigger.delaySeconds)}</td>
                  <td>
                    <div>{t(`surveys.triggers.channels.${trigger.channel}`)}</div>
                    <div className="cell-secondary cell-mono">
                      {trigger.target.url ?? t("surveys.triggers.viaSmtp")}
                    </div>
                  </td>
                  <td className="cell-num">{formatNumber(trigger.sampleRate * 100)} %</td>
                  <td>
                    <input
                      type="checkbox"
                      className="table-checkbox"
                      aria-label={t("surveys.triggers.enabledOf", { name: trigger.name })}
                      checked={trigger.enabled}
                      disabled={toggle.isPending}
                      onChange={(e) => toggle.mutate({ id: trigger.id, body: { enabled: e.target.checked } })}
                    />
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t("surveys.triggers.edit", { name: trigger.name })}
                      title={t("surveys.triggers.edit", { name: trigger.name })}
                      onClick={() => setEditing(trigger)}
                    >
                      <Icon name="edit" size={16} />
                    </button>
                    <button
                      type="button"
                      className="icon-button icon-button--danger"
                      aria-label={t("surveys.triggers.delete", { name: trigger.name })}
                      title={t("surveys.triggers.delete", { name: trigger.name })}
                      onClick={() => setDeleting(trigger)}
                    >
                      <Icon name="trash" size={16} />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing ? (
        <TriggerDialog
          workspaceId={workspaceId}
          surveyId={survey.id}
          defaultLanguage={survey.defaultLanguage}
          trigger={editing === "new" ? null : editing}
          returnFocusRef={newRef}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t("surveys.triggers.deleteTitle", { name: deleting.name })}
          description={t("surveys.triggers.deleteBody")}
          confirmLabel={t("common.delete")}
          pendingLabel={t("common.deleting")}
          pending={remove.isPending}
          error={remove.error}
          returnFocusRef={newRef}
          onClose={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        />
      ) : null}
    </section>
  );
}

/** Seconds in the largest whole unit, localized: 90 → "90 Sek.", 3600 → "1 Std.", 172800 → "2 Tg.". */
export function formatDelay(seconds: number): string {
  const [value, unit] =
    seconds > 0 && seconds % 86_400 === 0
      ? [seconds / 86_400, "day"]
      : seconds > 0 && seconds % 3600 === 0
        ? [seconds / 3600, "hour"]
        : seconds > 0 && seconds % 60 === 0
          ? [seconds / 60, "minute"]
          : [seconds, "second"];
  const locale = currentLocale() === "de" ? "de-DE" : "en-GB";
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short" }).format(value);
}

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Survey } from "../../api/listen";
import { CopyField } from "../../components/CopyField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { useSaveSurveySettings, useSurveySettings } from "./hooks";
import { InvitationsSection } from "./InvitationsSection";
import { LinksSection } from "./LinksSection";
import { TriggersSection } from "./TriggersSection";

/** The hosted page, the widget snippet, personal links, event triggers and invitations. */
export function DistributeTab({ workspaceId, survey }: { workspaceId: string; survey: Survey }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const hosted = `${origin}/s/${survey.id}`;
  const snippet = `<script src="${origin}/widget.js" data-survey="${survey.id}" data-lang="${survey.defaultLanguage}" async></script>`;

  return (
    <div className="distribute-tab">
      {survey.status === "active" ? null : (
        <p className="alert alert--info">
          <Icon name="warning" className="alert__icon" />
          <span>
            {t(
              survey.status === "draft"
                ? "surveys.distribute.draftNotice"
                : "surveys.distribute.closedNotice",
            )}
          </span>
        </p>
      )}
      <section className="editor-section" aria-labelledby="dist-hosted">
        <h2 className="section__title" id="dist-hosted">
          {t("surveys.distribute.hosted")}
        </h2>
        <CopyField
          label={t("surveys.distribute.hostedLink")}
          value={hosted}
          hint={t("surveys.distribute.hostedHint")}
        />
        <p className="distribute-tab__open">
          <a href={`${hosted}?lang=${survey.defaultLanguage}`} target="_blank" rel="noopener noreferrer">
            <Icon name="link" size={14} />
            {t("surveys.distribute.openHosted")}
          </a>
        </p>
      </section>
      <section className="editor-section" aria-labelledby="dist-widget">
        <h2 className="section__title" id="dist-widget">
          {t("surveys.distribute.widget")}
        </h2>
        <CopyField
          label={t("surveys.distribute.snippet")}
          value={snippet}
          multiline
          hint={t("surveys.distribute.snippetHint")}
        />
      </section>
      <LinksSection workspaceId={workspaceId} survey={survey} />
      <TriggersSection workspaceId={workspaceId} survey={survey} />
      <FatigueSection workspaceId={workspaceId} />
      <InvitationsSection workspaceId={workspaceId} surveyId={survey.id} />
    </div>
  );
}

/** The workspace-wide contact rule: at most one invitation per customer within so many days. */
function FatigueSection({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const settings = useSurveySettings(workspaceId);
  const save = useSaveSurveySettings(workspaceId);
  const [days, setDays] = useState("");
  const [saved, setSaved] = useState(false);
  const loaded = settings.data?.fatigueDays;

  useEffect(() => {
    if (loaded !== undefined) setDays(String(loaded));
  }, [loaded]);

  return (
    <section className="editor-section" aria-labelledby="dist-fatigue">
      <h2 className="section__title" id="dist-fatigue">
        {t("surveys.distribute.fatigue")}
      </h2>
      <ErrorAlert error={settings.error ?? save.error} />
      <form
        className="fatigue-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate({ fatigueDays: Math.round(Number(days)) }, { onSuccess: () => setSaved(true) });
        }}
      >
        <TextField
          label={t("surveys.distribute.fatigueDays")}
          type="number"
          min={0}
          max={365}
          value={days}
          onChange={(e) => {
            setDays(e.target.value);
            setSaved(false);
          }}
          hint={t("surveys.distribute.fatigueHint")}
        />
        <button type="submit" className="button" disabled={save.isPending || days === ""}>
          {save.isPending ? t("common.saving") : t("common.save")}
        </button>
        <p className="status-message" role="status">
          {saved ? t("surveys.distribute.fatigueSaved") : ""}
        </p>
      </form>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { SURVEY_STATUSES, type SurveyStatus, WIDGET_POSITIONS, type WidgetPosition } from "../../api/listen";
import { serverFieldMessage, useErrorText } from "../../components/errors";
import { SelectField, TextField } from "../../components/Field";
import { useJourney, useJourneys } from "../journeys/hooks";
import { useTouchpoints } from "../touchpoints/hooks";
import type { SurveyDraft } from "./draft";

/** Name, language, status, the touchpoint and journey step the survey measures, and the widget. */
export function SettingsTab({
  workspaceId,
  draft,
  error,
  onChange,
}: {
  workspaceId: string;
  draft: SurveyDraft;
  error: unknown;
  onChange: (patch: Partial<SurveyDraft>) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const touchpoints = useTouchpoints(workspaceId);
  const journeys = useJourneys(workspaceId);
  const widget = draft.settings.widget ?? { position: "bottom-right" as const, delaySeconds: 0 };

  return (
    <div className="settings-tab form">
      <section className="editor-section" aria-labelledby="settings-general">
        <h2 className="section__title" id="settings-general">
          {t("surveys.settings.general")}
        </h2>
        <TextField
          label={t("surveys.fields.name")}
          value={draft.name}
          required
          onChange={(e) => onChange({ name: e.target.value })}
          error={errorText.field(error, "/body/name", draft.name)}
          hint={t("surveys.settings.nameHint")}
        />
        <div className="form-row">
          <SelectField
            label={t("surveys.fields.defaultLanguage")}
            value={draft.defaultLanguage}
            onChange={(e) => onChange({ defaultLanguage: e.target.value === "en" ? "en" : "de" })}
            hint={t("surveys.create.languageHint")}
          >
            <option value="de">{t("surveys.languages.de")}</option>
            <option value="en">{t("surveys.languages.en")}</option>
          </SelectField>
          <fieldset className="fieldset">
            <legend className="field__label">{t("surveys.fields.status")}</legend>
            <div className="segmented">
              {SURVEY_STATUSES.map((status: SurveyStatus) => (
                <button
                  key={status}
                  type="button"
                  className="segmented__option"
                  aria-pressed={draft.status === status}
                  onClick={() => onChange({ status })}
                >
                  {t(`surveys.statuses.${status}`)}
                </button>
              ))}
            </div>
            <p className="field__hint">{t(`surveys.settings.statusHint.${draft.status}`)}</p>
          </fieldset>
        </div>
      </section>

      <section className="editor-section" aria-labelledby="settings-links">
        <h2 className="section__title" id="settings-links">
          {t("surveys.settings.linkedTo")}
        </h2>
        <p className="section__intro">{t("surveys.settings.linkedIntro")}</p>
        <SelectField
          label={t("feedback.fields.touchpoint")}
          value={draft.touchpointId ?? ""}
          onChange={(e) => onChange({ touchpointId: e.target.value || null })}
          error={serverFieldMessage(error, "/body/touchpointId")}
        >
          <option value="">{t("surveys.settings.noTouchpoint")}</option>
          {(touchpoints.data ?? []).map((tp) => (
            <option key={tp.id} value={tp.id}>
              {tp.name}
            </option>
          ))}
        </SelectField>
        <div className="form-row">
          <SelectField
            label={t("feedback.fields.journey")}
            value={draft.journeyId ?? ""}
            onChange={(e) => onChange({ journeyId: e.target.value || null, stepId: null })}
            error={serverFieldMessage(error, "/body/journeyId")}
          >
            <option value="">{t("surveys.settings.noJourney")}</option>
            {(journeys.data ?? []).map((j) => (
              <option key={j.id} value={j.id}>
                {j.title}
              </option>
            ))}
          </SelectField>
          {draft.journeyId ? (
            <StepPicker
              workspaceId={workspaceId}
              journeyId={draft.journeyId}
              stepId={draft.stepId}
              error={serverFieldMessage(error, "/body/stepId")}
              onChange={(stepId) => onChange({ stepId })}
            />
          ) : null}
        </div>
      </section>

      <section className="editor-section" aria-labelledby="settings-widget">
        <h2 className="section__title" id="settings-widget">
          {t("surveys.settings.widget")}
        </h2>
        <div className="form-row">
          <SelectField
            label={t("surveys.settings.widgetPosition")}
            value={widget.position}
            onChange={(e) =>
              onChange({
                settings: {
                  ...draft.settings,
                  widget: { ...widget, position: e.target.value as WidgetPosition },
                },
              })
            }
          >
            {WIDGET_POSITIONS.map((p) => (
              <option key={p} value={p}>
                {t(`surveys.settings.positions.${p}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("surveys.settings.widgetDelay")}
            type="number"
            min={0}
            max={3600}
            value={widget.delaySeconds}
            onChange={(e) =>
              onChange({
                settings: {
                  ...draft.settings,
                  widget: { ...widget, delaySeconds: Math.max(0, Math.round(Number(e.target.value) || 0)) },
                },
              })
            }
            error={serverFieldMessage(error, "/body/settings")}
          />
        </div>
      </section>
    </div>
  );
}

function StepPicker({
  workspaceId,
  journeyId,
  stepId,
  error,
  onChange,
}: {
  workspaceId: string;
  journeyId: string;
  stepId: string | null;
  error: string | undefined;
  onChange: (stepId: string | null) => void;
}) {
  const { t } = useTranslation();
  const journey = useJourney(workspaceId, journeyId);
  const stages = journey.data?.document.stages ?? [];
  return (
    <SelectField
      label={t("surveys.settings.step")}
      value={stepId ?? ""}
      onChange={(e) => onChange(e.target.value || null)}
      error={error}
      disabled={journey.isPending}
    >
      <option value="">{t("surveys.settings.noStep")}</option>
      {stages.map((stage) => (
        <optgroup key={stage.id} label={stage.name}>
          {stage.steps.map((step) => (
            <option key={step.id} value={step.id}>
              {step.title}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

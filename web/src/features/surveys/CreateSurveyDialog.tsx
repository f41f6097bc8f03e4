import { type FormEvent, type RefObject, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Survey } from "../../api/listen";
import type { Locale, Workspace } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorText } from "../../components/errors";
import { SelectField, TextField } from "../../components/Field";
import { currentLocale } from "../../i18n";
import { useTouchpoints } from "../touchpoints/hooks";
import { useCreateSurvey } from "./hooks";
import { TEMPLATES, type TemplateId, templateDefinition } from "./templates";

/** Starts a survey from a template (NPS, CSAT, CES, or blank) with German and English texts filled in. */
export function CreateSurveyDialog({
  workspace,
  returnFocusRef,
  onClose,
  onCreated,
}: {
  workspace: Workspace;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onCreated: (survey: Survey) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateSurvey(workspace.id);
  const touchpoints = useTouchpoints(workspace.id);
  const [template, setTemplate] = useState<TemplateId>("nps_relational");
  const [name, setName] = useState<string>(t("surveys.templates.nps_relational.name"));
  const [nameTouched, setNameTouched] = useState(false);
  const [language, setLanguage] = useState<Locale>(currentLocale());
  const [touchpointId, setTouchpointId] = useState("");

  function pick(next: TemplateId) {
    setTemplate(next);
    if (!nameTouched) setName(t(`surveys.templates.${next}.name`));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        defaultLanguage: language,
        definition: templateDefinition(template, workspace.name),
        touchpointId: touchpointId || null,
        status: "draft",
      },
      { onSuccess: onCreated },
    );
  }

  return (
    <Dialog
      title={t("surveys.create.title")}
      description={t("surveys.create.description")}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
      size="wide"
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={create.error} />
        <fieldset className="fieldset">
          <legend className="field__label">{t("surveys.create.template")}</legend>
          <div className="template-grid">
            {TEMPLATES.map((id) => (
              <label
                key={id}
                className={template === id ? "template-card template-card--on" : "template-card"}
              >
                <input
                  type="radio"
                  name="template"
                  value={id}
                  checked={template === id}
                  onChange={() => pick(id)}
                />
                <span className="template-card__name">{t(`surveys.templates.${id}.name`)}</span>
                <span className="template-card__hint">{t(`surveys.templates.${id}.hint`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          label={t("surveys.fields.name")}
          value={name}
          required
          onChange={(e) => {
            setName(e.target.value);
            setNameTouched(true);
          }}
          error={errorText.field(create.error, "/body/name", create.variables?.name)}
        />
        <div className="form-row">
          <SelectField
            label={t("surveys.fields.defaultLanguage")}
            value={language}
            onChange={(e) => setLanguage(e.target.value === "en" ? "en" : "de")}
            hint={t("surveys.create.languageHint")}
          >
            <option value="de">{t("surveys.languages.de")}</option>
            <option value="en">{t("surveys.languages.en")}</option>
          </SelectField>
          <SelectField
            label={t("feedback.fields.touchpoint")}
            value={touchpointId}
            onChange={(e) => setTouchpointId(e.target.value)}
            error={errorText.field(create.error, "/body/touchpointId")}
          >
            <option value="">{t("surveys.settings.noTouchpoint")}</option>
            {(touchpoints.data ?? []).map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t("surveys.create.creating") : t("surveys.create.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

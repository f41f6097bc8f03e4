import type { TFunction } from "i18next";
import { type Ref, useId } from "react";
import { useTranslation } from "react-i18next";
import { JOURNEY_STATUSES, type JourneyStatus, SCENARIO_SUGGESTIONS } from "../../api/journey-design";
import { useErrorText } from "../../components/errors";
import { SelectField, TextField } from "../../components/Field";
import { usePersonas } from "../personas/hooks";
import { useMembers } from "../settings/hooks";

type TFn = TFunction;

/** Suggested scenarios are stored as keys and shown translated; any other text is shown as written. */
export function scenarioLabel(t: TFn, scenario: string): string {
  const known = SCENARIO_SUGGESTIONS.find((s) => s === scenario);
  return known ? t(`journeys.scenarios.${known}`) : scenario;
}

export function StatusBadge({ status }: { status: JourneyStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`journey-status journey-status--${status}`}>{t(`journeys.statuses.${status}`)}</span>
  );
}

export interface MetaValues {
  title: string;
  scenario: string;
  personaId: string | null;
  ownerId: string | null;
  status: JourneyStatus;
}

/** Title, scenario, persona, owner and status: shared by the create dialog and the details dialog. */
export function JourneyMetaFields({
  workspaceId,
  values,
  onChange,
  error,
  titleRef,
  submitted,
}: {
  workspaceId: string;
  values: MetaValues;
  onChange: (patch: Partial<MetaValues>) => void;
  error: unknown;
  titleRef?: Ref<HTMLInputElement>;
  submitted: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const personas = usePersonas(workspaceId);
  const members = useMembers(workspaceId);
  const scenarioListId = useId();
  const pointer = (field: string) => [`/body/document/${field}`, `/body/${field}`];
  const fieldError = (field: string, value?: string) =>
    pointer(field)
      .map((p) => errorText.field(error, p, submitted ? value : undefined))
      .find(Boolean);

  return (
    <>
      <TextField
        label={t("journeys.fields.title")}
        required
        autoComplete="off"
        inputRef={titleRef}
        value={values.title}
        onChange={(e) => onChange({ title: e.target.value })}
        error={fieldError("title", values.title)}
      />
      <TextField
        label={t("journeys.fields.scenario")}
        optional={t("common.optional")}
        autoComplete="off"
        list={scenarioListId}
        hint={t("journeys.fields.scenarioHint")}
        value={values.scenario}
        onChange={(e) => onChange({ scenario: e.target.value })}
        error={fieldError("scenario")}
      />
      <datalist id={scenarioListId}>
        {SCENARIO_SUGGESTIONS.map((s) => (
          <option key={s} value={s}>
            {t(`journeys.scenarios.${s}`)}
          </option>
        ))}
      </datalist>
      <div className="form-row">
        <SelectField
          label={t("journeys.fields.persona")}
          value={values.personaId ?? ""}
          onChange={(e) => onChange({ personaId: e.target.value || null })}
          error={fieldError("personaId")}
        >
          <option value="">{t("journeys.fields.noPersona")}</option>
          {(personas.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("journeys.fields.owner")}
          value={values.ownerId ?? ""}
          onChange={(e) => onChange({ ownerId: e.target.value || null })}
          error={fieldError("ownerId")}
        >
          <option value="">{t("journeys.fields.noOwner")}</option>
          {values.ownerId && !(members.data ?? []).some((m) => m.userId === values.ownerId) ? (
            <option value={values.ownerId}>{t("journeys.fields.currentOwner")}</option>
          ) : null}
          {(members.data ?? []).map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField
        label={t("journeys.fields.status")}
        value={values.status}
        onChange={(e) => onChange({ status: e.target.value as JourneyStatus })}
        hint={t(`journeys.statusHints.${values.status}`)}
      >
        {JOURNEY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`journeys.statuses.${s}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

import { useId } from "react";
import { useTranslation } from "react-i18next";
import { WINDOW_UNITS, type WindowUnit } from "../../api/analytics";
import { TextField } from "../../components/Field";
import type { ScopeDraft, StepDraft, WindowDraft } from "./draft";

type FieldMessage = (pointer: string, exact?: boolean) => string | undefined;

/**
 * One step's event name (from the list of known names or typed; `*` is a glob) and its optional
 * condition. `pointer` is the step's place in the request, e.g. `/body/steps/2`.
 */
export function StepFields({
  title,
  step,
  pointer,
  listId,
  message,
  onChange,
}: {
  title: string;
  step: StepDraft;
  pointer: string;
  /** The `<datalist>` of known event names. */
  listId: string;
  message: FieldMessage;
  onChange: (step: StepDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="analytics-step">
      <legend className="analytics-step__title">{title}</legend>
      <TextField
        label={t("analytics.step.event")}
        value={step.event}
        list={listId}
        autoComplete="off"
        placeholder={t("analytics.step.eventPlaceholder")}
        error={message(`${pointer}/event`) ?? message(pointer, true)}
        onChange={(e) => onChange({ ...step, event: e.target.value })}
      />
      <TextField
        label={t("analytics.step.where")}
        optional={t("common.optional")}
        value={step.where}
        className="input--mono"
        autoComplete="off"
        spellCheck={false}
        placeholder={t("analytics.step.wherePlaceholder")}
        error={message(`${pointer}/where`)}
        onChange={(e) => onChange({ ...step, where: e.target.value })}
      />
    </fieldset>
  );
}

/** Known event names for the step fields' suggestions. */
export function EventNameList({ id, names }: { id: string; names: readonly string[] }) {
  return (
    <datalist id={id}>
      {names.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}

/** The date range, whole days in the browser's time zone; empty fields mean the last 90 days. */
export function ScopeFields({
  scope,
  message,
  onChange,
}: {
  scope: ScopeDraft;
  message: FieldMessage;
  onChange: (scope: ScopeDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t("analytics.scope.from")}
        type="date"
        value={scope.fromDay}
        max={scope.toDay || undefined}
        hint={scope.fromDay || scope.toDay ? undefined : t("analytics.scope.defaultRange")}
        error={message("/body/from")}
        onChange={(e) => onChange({ ...scope, fromDay: e.target.value })}
      />
      <TextField
        label={t("analytics.scope.to")}
        type="date"
        value={scope.toDay}
        min={scope.fromDay || undefined}
        error={message("/body/to") ?? message("/body/timezone")}
        onChange={(e) => onChange({ ...scope, toDay: e.target.value })}
      />
    </>
  );
}

/** A number and a unit (minutes, hours, days) for windows and targets. */
export function DurationField({
  label,
  hint,
  value,
  unit,
  error,
  optional,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  unit: WindowUnit;
  error?: string;
  optional?: boolean;
  onChange: (value: string, unit: WindowUnit) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={`${id}-value`}>
        {label}
        {optional ? <span className="field__optional"> ({t("common.optional")})</span> : null}
      </label>
      <div className="analytics-duration">
        <input
          id={`${id}-value`}
          className="input"
          inputMode="decimal"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(e) => onChange(e.target.value, unit)}
        />
        <select
          className="input select"
          aria-label={t("analytics.window.unit")}
          value={unit}
          onChange={(e) => onChange(value, WINDOW_UNITS.find((u) => u === e.target.value) ?? unit)}
        >
          {WINDOW_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`analytics.window.units.${u}`)}
            </option>
          ))}
        </select>
      </div>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The conversion window: how long after the first step's event later steps still count. */
export function WindowField({
  window,
  hint,
  message,
  onChange,
}: {
  window: WindowDraft;
  hint: string;
  message: FieldMessage;
  onChange: (window: WindowDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <DurationField
      label={t("analytics.window.label")}
      hint={hint}
      value={window.value}
      unit={window.unit}
      error={message("/body/window")}
      onChange={(value, unit) => onChange({ value, unit })}
    />
  );
}

import { type FormEvent, type RefObject, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type LocalizedText,
  type SurveyTrigger,
  type SurveyTriggerInput,
  TRIGGER_CHANNELS,
  type TriggerChannel,
} from "../../api/listen";
import type { Locale } from "../../api/types";
import { CopyField } from "../../components/CopyField";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { serverFieldMessage, useErrorText } from "../../components/errors";
import { SelectField, TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { useSaveSurveyTrigger } from "./hooks";
import { LocalizedFields } from "./LocalizedFields";

const UNITS = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const;
type Unit = keyof typeof UNITS;

function splitDelay(seconds: number): { amount: string; unit: Unit } {
  for (const unit of ["days", "hours", "minutes"] as const) {
    if (seconds > 0 && seconds % UNITS[unit] === 0) return { amount: String(seconds / UNITS[unit]), unit };
  }
  return { amount: String(seconds), unit: "seconds" };
}

/** Creates or edits a trigger; after creating, shows the signing secret once. */
export function TriggerDialog({
  workspaceId,
  surveyId,
  defaultLanguage,
  trigger,
  returnFocusRef,
  onClose,
}: {
  workspaceId: string;
  surveyId: string;
  defaultLanguage: Locale;
  trigger: SurveyTrigger | null;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const save = useSaveSurveyTrigger(workspaceId, surveyId);
  const initialDelay = splitDelay(trigger?.delaySeconds ?? 3600);
  const [name, setName] = useState(trigger?.name ?? "");
  const [event, setEvent] = useState(trigger?.matcher.event ?? "");
  const [where, setWhere] = useState(trigger?.matcher.where ?? "");
  const [amount, setAmount] = useState(initialDelay.amount);
  const [unit, setUnit] = useState<Unit>(initialDelay.unit);
  const [channel, setChannel] = useState<TriggerChannel>(trigger?.channel ?? "webhook");
  const [url, setUrl] = useState(trigger?.target.url ?? "");
  const [percent, setPercent] = useState(String(Math.round((trigger?.sampleRate ?? 1) * 1000) / 10));
  const [enabled, setEnabled] = useState(trigger?.enabled ?? true);
  const [subject, setSubject] = useState<LocalizedText>(trigger?.target.subject ?? {});
  const [secret, setSecret] = useState<string | null>(null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const relay = url.trim() === "" ? {} : { url: url.trim() };
    const body: SurveyTriggerInput = {
      name: name.trim(),
      matcher: where.trim() ? { event: event.trim(), where: where.trim() } : { event: event.trim() },
      delaySeconds: Math.round(Number(amount) * UNITS[unit]),
      channel,
      target:
        channel === "email" && (subject.de?.trim() || subject.en?.trim()) ? { ...relay, subject } : relay,
      sampleRate: Number(percent) / 100,
      enabled,
    };
    save.mutate(
      { id: trigger?.id ?? null, body },
      {
        onSuccess: (saved) => {
          if (!trigger) setSecret(saved.target.secret);
          else onClose();
        },
      },
    );
  }

  const field = (pointer: string, value?: string) =>
    serverFieldMessage(save.error, pointer) ?? errorText.field(save.error, pointer, value);

  return (
    <Dialog
      title={
        secret
          ? t("surveys.triggers.secretTitle")
          : trigger
            ? t("surveys.triggers.editTitle")
            : t("surveys.triggers.newTitle")
      }
      description={secret ? undefined : t("surveys.triggers.dialogDescription")}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
      size="wide"
    >
      {secret ? (
        <div className="form">
          <div className="alert alert--warning" role="alert">
            <Icon name="warning" className="alert__icon" />
            <p className="alert__title">{t("surveys.triggers.secretWarning")}</p>
          </div>
          <CopyField
            label={t("surveys.triggers.secret")}
            value={secret}
            hint={t("surveys.triggers.secretHint")}
          />
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              {t("common.done")}
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <ErrorAlert error={save.error} />
          <TextField
            label={t("surveys.triggers.name")}
            value={name}
            required
            onChange={(e) => setName(e.target.value)}
            error={field("/body/name", name)}
          />
          <div className="form-row">
            <TextField
              label={t("surveys.triggers.event")}
              value={event}
              required
              placeholder="Order Completed"
              onChange={(e) => setEvent(e.target.value)}
              error={field("/body/matcher/event", event)}
            />
            <TextField
              label={t("surveys.triggers.where")}
              value={where}
              className="input--mono"
              optional={t("common.optional")}
              placeholder='properties.total > 50 and properties.country = "DE"'
              hint={t("surveys.triggers.whereHint")}
              onChange={(e) => setWhere(e.target.value)}
              error={field("/body/matcher/where")}
            />
          </div>
          <div className="form-row">
            <TextField
              label={t("surveys.triggers.delay")}
              type="number"
              min={0}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={field("/body/delaySeconds", amount)}
            />
            <SelectField
              label={t("surveys.triggers.delayUnit")}
              value={unit}
              onChange={(e) => setUnit(e.target.value as Unit)}
            >
              {(Object.keys(UNITS) as Unit[]).map((u) => (
                <option key={u} value={u}>
                  {t(`surveys.triggers.units.${u}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("surveys.triggers.samplingPercent")}
              type="number"
              min={0.1}
              max={100}
              step={0.1}
              value={percent}
              onChange={(e) => setPercent(e.target.value)}
              hint={t("surveys.triggers.samplingHint")}
              error={field("/body/sampleRate", percent)}
            />
          </div>
          <div className="form-row">
            <SelectField
              label={t("surveys.triggers.channel")}
              value={channel}
              onChange={(e) => setChannel(e.target.value as TriggerChannel)}
              hint={t(`surveys.triggers.channelHints.${channel}`)}
            >
              {TRIGGER_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`surveys.triggers.channels.${c}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("surveys.triggers.url")}
              type="url"
              value={url}
              required={channel === "webhook"}
              className="input--mono"
              placeholder="https://"
              onChange={(e) => setUrl(e.target.value)}
              error={field("/body/target/url", url) ?? field("/body/target")}
            />
          </div>
          {channel === "email" ? (
            <LocalizedFields
              label={t("surveys.triggers.subject")}
              value={subject}
              defaultLanguage={defaultLanguage}
              required={false}
              onChange={setSubject}
              error={field("/body/target/subject")}
            />
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            <span className="checkbox__label">{t("surveys.triggers.enabled")}</span>
          </label>
          {trigger ? (
            <p className="field__hint">
              {t("surveys.triggers.secretMasked", { secret: trigger.target.secret })}
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              {t("common.cancel")}
            </button>
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending
                ? t("common.saving")
                : trigger
                  ? t("common.save")
                  : t("surveys.triggers.create")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

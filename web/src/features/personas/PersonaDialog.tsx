import { type FormEvent, type RefObject, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Persona, type PersonaInput, STANDARD_CHANNELS } from "../../api/journey-design";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { serverFieldMessage, useErrorText } from "../../components/errors";
import { TextAreaField, TextField } from "../../components/Field";
import { cleanList, ListEditor } from "../../components/ListEditor";
import { channelName } from "../touchpoints/TouchpointBits";
import { useDeletePersona, useSavePersona } from "./hooks";
import { initialsOf, PersonaAvatar } from "./PersonaAvatar";

const PALETTE = ["#4f46e5", "#0e7490", "#047857", "#b45309", "#be123c", "#7c3aed", "#475467", "#c2410c"];

export function PersonaDialog({
  workspaceId,
  persona,
  returnFocusRef,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  persona: Persona | undefined;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onSaved: (persona: Persona, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const save = useSavePersona(workspaceId);
  const nameRef = useRef<HTMLInputElement>(null);
  const [form, setForm] = useState({
    name: persona?.name ?? "",
    quote: persona?.quote ?? "",
    description: persona?.description ?? "",
    avatarColor: persona?.avatarColor ?? PALETTE[0] ?? "#4f46e5",
    goals: persona?.goals ?? [],
    needs: persona?.needs ?? [],
    frustrations: persona?.frustrations ?? [],
    channels: persona?.channels ?? [],
    segmentRule: persona?.segmentRule ?? "",
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const error = save.error;
  const channelOptions = [...new Set([...STANDARD_CHANNELS, ...form.channels])];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: PersonaInput = {
      name: form.name.trim(),
      quote: form.quote.trim(),
      description: form.description.trim(),
      avatarColor: form.avatarColor,
      goals: cleanList(form.goals),
      needs: cleanList(form.needs),
      frustrations: cleanList(form.frustrations),
      channels: form.channels,
      segmentRule: form.segmentRule.trim() || null,
    };
    save.mutate(
      { id: persona?.id ?? null, body },
      {
        onSuccess: (saved) => {
          onSaved(saved, !persona);
          onClose();
        },
        onError: () =>
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>(".dialog [aria-invalid='true']")?.focus(),
          ),
      },
    );
  }

  return (
    <Dialog
      title={persona ? t("personas.editTitle") : t("personas.createTitle")}
      description={t("personas.dialogDescription")}
      onClose={onClose}
      initialFocusRef={nameRef}
      returnFocusRef={returnFocusRef}
      size="wide"
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={error} />
        <div className="persona-form__head">
          <PersonaAvatar initials={initialsOf(form.name)} color={form.avatarColor} size="lg" />
          <div className="persona-form__name">
            <TextField
              label={t("personas.fields.name")}
              required
              autoComplete="off"
              inputRef={nameRef}
              value={form.name}
              onChange={(e) => set("name", e.target.value)}
              error={errorText.field(error, "/body/name", save.variables ? form.name : undefined)}
            />
          </div>
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">{t("personas.fields.avatarColor")}</legend>
          <div className="swatches">
            {PALETTE.map((color) => (
              <button
                key={color}
                type="button"
                className="swatch"
                style={{ backgroundColor: color }}
                aria-pressed={form.avatarColor === color}
                aria-label={t("personas.colorLabel", { color })}
                onClick={() => set("avatarColor", color)}
              />
            ))}
            <label className="swatch-custom">
              <span className="sr-only">{t("personas.customColor")}</span>
              <input
                type="color"
                value={form.avatarColor}
                onChange={(e) => set("avatarColor", e.target.value)}
              />
            </label>
          </div>
        </fieldset>
        <TextField
          label={t("personas.fields.quote")}
          optional={t("common.optional")}
          autoComplete="off"
          value={form.quote}
          onChange={(e) => set("quote", e.target.value)}
          error={errorText.field(error, "/body/quote")}
        />
        <TextAreaField
          label={t("personas.fields.description")}
          optional={t("common.optional")}
          rows={2}
          value={form.description}
          onChange={(e) => set("description", e.target.value)}
          error={errorText.field(error, "/body/description")}
        />
        <div className="form-grid form-grid--3">
          <ListEditor
            label={t("personas.fields.goals")}
            values={form.goals}
            onChange={(v) => set("goals", v)}
            addLabel={t("personas.addGoal")}
          />
          <ListEditor
            label={t("personas.fields.needs")}
            values={form.needs}
            onChange={(v) => set("needs", v)}
            addLabel={t("personas.addNeed")}
          />
          <ListEditor
            label={t("personas.fields.frustrations")}
            values={form.frustrations}
            onChange={(v) => set("frustrations", v)}
            addLabel={t("personas.addFrustration")}
          />
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">{t("personas.fields.channels")}</legend>
          <div className="chip-toggles">
            {channelOptions.map((c) => (
              <label key={c} className="chip-toggle">
                <input
                  type="checkbox"
                  checked={form.channels.includes(c)}
                  onChange={(e) =>
                    set(
                      "channels",
                      e.target.checked ? [...form.channels, c] : form.channels.filter((x) => x !== c),
                    )
                  }
                />
                <span>{channelName(t, c)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextAreaField
          label={t("personas.fields.segmentRule")}
          optional={t("common.optional")}
          rows={2}
          spellCheck={false}
          className="input--mono"
          placeholder='plan = "business" and tenure_months >= 24'
          hint={t("personas.segmentHint")}
          value={form.segmentRule}
          onChange={(e) => set("segmentRule", e.target.value)}
          error={serverFieldMessage(error, "/body/segmentRule")}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t("common.saving") : persona ? t("common.save") : t("personas.create")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function DeletePersonaDialog({
  workspaceId,
  persona,
  returnFocusRef,
  onClose,
  onDeleted,
}: {
  workspaceId: string;
  persona: Persona;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeletePersona(workspaceId);
  return (
    <ConfirmDialog
      title={t("personas.deleteTitle", { name: persona.name })}
      description={t("personas.deleteBody")}
      confirmLabel={t("common.delete")}
      pendingLabel={t("common.deleting")}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(persona.id, {
          onSuccess: () => {
            onDeleted();
            onClose();
          },
        })
      }
      onClose={onClose}
      returnFocusRef={returnFocusRef}
    />
  );
}

import { type FormEvent, type RefObject, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CHANNEL_PATTERN,
  type EventMatcher,
  TOUCHPOINT_KINDS,
  type Touchpoint,
  type TouchpointInput,
  type TouchpointKind,
} from "../../api/journey-design";
import { DateText } from "../../components/DateText";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { serverFieldMessage, useErrorText } from "../../components/errors";
import { TextAreaField, TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { useMembers } from "../settings/hooks";
import { DeleteTouchpointConfirm } from "./DeleteTouchpointConfirm";
import { useCreateTouchpoint, useUpdateTouchpoint } from "./hooks";
import { ChannelDatalist, RatingStars } from "./TouchpointBits";
import type { Facets } from "./TouchpointsPage";

interface Props {
  workspaceId: string;
  /** Absent for a new touchpoint. */
  touchpoint: Touchpoint | undefined;
  facets: Facets;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onSaved: (touchpoint: Touchpoint, created: boolean) => void;
  onDeleted: (name: string) => void;
}

type OwnerChoice = { mode: "none" } | { mode: "user"; userId: string } | { mode: "team"; name: string };

interface FormState {
  name: string;
  key: string;
  description: string;
  channel: string;
  kind: TouchpointKind;
  department: string;
  owner: OwnerChoice;
  tags: string;
  signature: boolean;
  rating: string;
  matchers: { event: string; where: string }[];
}

function initialState(tp: Touchpoint | undefined): FormState {
  return {
    name: tp?.name ?? "",
    key: tp?.key ?? "",
    description: tp?.description ?? "",
    channel: tp?.channel ?? "web",
    kind: tp?.kind ?? "direct",
    department: tp?.department ?? "",
    owner: !tp?.owner
      ? { mode: "none" }
      : tp.owner.type === "user"
        ? { mode: "user", userId: tp.owner.userId }
        : { mode: "team", name: tp.owner.name },
    tags: tp?.tags.join(", ") ?? "",
    signature: tp?.signature ?? false,
    rating: tp?.internalRating ? String(tp.internalRating.value) : "",
    matchers: tp?.eventMatchers.map((m) => ({ event: m.event, where: m.where ?? "" })) ?? [],
  };
}

export const splitTags = (text: string) => [
  ...new Set(
    text
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

function toInput(form: FormState): TouchpointInput {
  const rating = form.rating.trim() === "" ? null : Number(form.rating.replace(",", "."));
  const matchers: EventMatcher[] = form.matchers
    .filter((m) => m.event.trim() || m.where.trim())
    .map((m) =>
      m.where.trim() ? { event: m.event.trim(), where: m.where.trim() } : { event: m.event.trim() },
    );
  const input: TouchpointInput = {
    name: form.name.trim(),
    description: form.description.trim(),
    channel: form.channel.trim(),
    kind: form.kind,
    department: form.department.trim() || null,
    owner:
      form.owner.mode === "user"
        ? { type: "user", userId: form.owner.userId }
        : form.owner.mode === "team" && form.owner.name.trim()
          ? { type: "team", name: form.owner.name.trim() }
          : null,
    tags: splitTags(form.tags),
    signature: form.signature,
    internalRating: rating === null || Number.isNaN(rating) ? null : rating,
    eventMatchers: matchers,
  };
  if (form.key.trim()) input.key = form.key.trim();
  return input;
}

/**
 * Only the fields that changed: the server stamps who assessed the internal rating and when, so an
 * unchanged rating must not be sent again with an edit of, say, the description.
 */
function changedFields(before: TouchpointInput, after: TouchpointInput): Partial<TouchpointInput> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof TouchpointInput])) patch[key] = value;
  }
  return patch as Partial<TouchpointInput>;
}

/** Create or edit one touchpoint with every field, in a panel docked to the right. */
export function TouchpointEditor({
  workspaceId,
  touchpoint,
  facets,
  returnFocusRef,
  onClose,
  onSaved,
  onDeleted,
}: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const isNew = !touchpoint;
  const create = useCreateTouchpoint(workspaceId);
  const update = useUpdateTouchpoint(workspaceId);
  const mutation = isNew ? create : update;
  const members = useMembers(workspaceId);
  const [form, setForm] = useState<FormState>(() => initialState(touchpoint));
  const [deleting, setDeleting] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const channelListId = useId();
  const departmentListId = useId();
  const ownerId = useId();
  const matchersId = useId();
  const error = mutation.error;

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const channelInvalid = form.channel.trim() !== "" && !CHANNEL_PATTERN.test(form.channel.trim());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (channelInvalid) return;
    const body = toInput(form);
    if (isNew) {
      create.mutate(body, { onSuccess: (tp) => onSaved(tp, true), onError: focusFirstInvalid });
    } else {
      update.mutate(
        { id: touchpoint.id, body: changedFields(toInput(initialState(touchpoint)), body) },
        { onSuccess: (tp) => onSaved(tp, false), onError: focusFirstInvalid },
      );
    }
  }

  function focusFirstInvalid() {
    requestAnimationFrame(() => {
      document.querySelector<HTMLElement>(".dialog [aria-invalid='true']")?.focus();
    });
  }

  const memberOptions = members.data ?? [];
  const ownerSelectValue =
    form.owner.mode === "user" ? `user:${form.owner.userId}` : form.owner.mode === "team" ? "team" : "";
  const currentUserOwner = touchpoint?.owner?.type === "user" ? touchpoint.owner : null;
  const ownerError = errorText.field(error, "/body/owner");

  return (
    <Dialog
      title={isNew ? t("touchpoints.editor.createTitle") : t("touchpoints.editor.editTitle")}
      description={isNew ? t("touchpoints.editor.createDescription") : touchpoint.name}
      onClose={onClose}
      initialFocusRef={nameRef}
      returnFocusRef={returnFocusRef}
      size="side"
      closeLabel={t("common.close")}
    >
      {deleting && touchpoint ? (
        <DeleteTouchpointConfirm
          workspaceId={workspaceId}
          touchpoint={touchpoint}
          onCancel={() => {
            setDeleting(false);
            requestAnimationFrame(() => deleteRef.current?.focus());
          }}
          onDeleted={() => onDeleted(touchpoint.name)}
        />
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <ErrorAlert error={error} />
          <TextField
            label={t("touchpoints.fields.name")}
            required
            autoComplete="off"
            value={form.name}
            inputRef={nameRef}
            onChange={(e) => set("name", e.target.value)}
            error={errorText.field(error, "/body/name", mutation.variables ? form.name : undefined)}
          />
          <TextField
            label={t("touchpoints.fields.key")}
            optional={t("common.optional")}
            className="input--mono"
            autoComplete="off"
            value={form.key}
            hint={t("touchpoints.editor.keyHint")}
            onChange={(e) => set("key", e.target.value)}
            error={serverFieldMessage(error, "/body/key")}
          />
          <fieldset className="fieldset">
            <legend className="field__label">{t("touchpoints.fields.kind")}</legend>
            <div className="kind-choice">
              {TOUCHPOINT_KINDS.map((kind) => (
                <label key={kind} className={`kind-choice__option kind-choice__option--${kind}`}>
                  <input
                    type="radio"
                    name="kind"
                    value={kind}
                    checked={form.kind === kind}
                    onChange={() => set("kind", kind)}
                  />
                  <span>
                    <span className="kind-choice__label">{t(`touchpoints.kinds.${kind}`)}</span>
                    <span className="kind-choice__hint">{t(`touchpoints.kindHints.${kind}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="form-row">
            <TextField
              label={t("touchpoints.fields.channel")}
              required
              autoComplete="off"
              list={channelListId}
              value={form.channel}
              hint={t("touchpoints.editor.channelHint")}
              onChange={(e) => set("channel", e.target.value.toLowerCase())}
              error={
                channelInvalid
                  ? t("touchpoints.editor.channelInvalid")
                  : serverFieldMessage(error, "/body/channel")
              }
            />
            <ChannelDatalist id={channelListId} used={facets.channels} />
            <TextField
              label={t("touchpoints.fields.department")}
              optional={t("common.optional")}
              autoComplete="off"
              list={departmentListId}
              value={form.department}
              onChange={(e) => set("department", e.target.value)}
              error={errorText.field(error, "/body/department")}
            />
            <datalist id={departmentListId}>
              {[
                ...new Set(["marketing", "sales", "service", "operations", "billing", ...facets.departments]),
              ].map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
          </div>
          <div className={ownerError ? "field field--invalid" : "field"}>
            <label className="field__label" htmlFor={ownerId}>
              {t("touchpoints.fields.owner")}
            </label>
            <div className="form-row form-row--tight">
              <select
                id={ownerId}
                className="input select"
                value={ownerSelectValue}
                aria-invalid={ownerError ? true : undefined}
                onChange={(e) => {
                  const v = e.target.value;
                  if (v === "") set("owner", { mode: "none" });
                  else if (v === "team")
                    set("owner", {
                      mode: "team",
                      name: touchpoint?.owner?.type === "team" ? touchpoint.owner.name : "",
                    });
                  else set("owner", { mode: "user", userId: v.slice("user:".length) });
                }}
              >
                <option value="">{t("touchpoints.editor.noOwner")}</option>
                <optgroup label={t("touchpoints.editor.members")}>
                  {currentUserOwner && !memberOptions.some((m) => m.userId === currentUserOwner.userId) ? (
                    <option value={`user:${currentUserOwner.userId}`}>{currentUserOwner.name}</option>
                  ) : null}
                  {memberOptions.map((m) => (
                    <option key={m.userId} value={`user:${m.userId}`}>
                      {m.name} ({m.email})
                    </option>
                  ))}
                </optgroup>
                <option value="team">{t("touchpoints.editor.team")}</option>
              </select>
              {form.owner.mode === "team" ? (
                <input
                  className="input"
                  aria-label={t("touchpoints.editor.teamName")}
                  placeholder={t("touchpoints.editor.teamName")}
                  list={`${ownerId}-teams`}
                  value={form.owner.name}
                  onChange={(e) => set("owner", { mode: "team", name: e.target.value })}
                />
              ) : null}
              <datalist id={`${ownerId}-teams`}>
                {facets.teams.map((team) => (
                  <option key={team} value={team} />
                ))}
              </datalist>
            </div>
            {ownerError ? (
              <p className="field__error">{serverFieldMessage(error, "/body/owner") ?? ownerError}</p>
            ) : null}
          </div>
          <TextField
            label={t("touchpoints.fields.tags")}
            optional={t("common.optional")}
            autoComplete="off"
            value={form.tags}
            hint={t("touchpoints.editor.tagsHint")}
            onChange={(e) => set("tags", e.target.value)}
            error={errorText.field(error, "/body/tags")}
          />
          <div className="form-row">
            <TextField
              label={t("touchpoints.fields.internalRating")}
              optional={t("common.optional")}
              type="number"
              inputMode="decimal"
              min={1}
              max={5}
              step={0.1}
              value={form.rating}
              hint={
                touchpoint?.internalRating ? (
                  <>
                    {t("touchpoints.editor.assessed", {
                      name: touchpoint.internalRating.assessedBy?.name ?? t("touchpoints.editor.unknown"),
                    })}{" "}
                    <DateText value={touchpoint.internalRating.assessedAt} />
                  </>
                ) : (
                  t("touchpoints.editor.ratingHint")
                )
              }
              onChange={(e) => set("rating", e.target.value)}
              error={errorText.field(error, "/body/internalRating")}
            />
            <div className="rating-preview" aria-hidden="true">
              <RatingStars value={form.rating.trim() === "" ? null : Number(form.rating) || null} />
            </div>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.signature}
              onChange={(e) => set("signature", e.target.checked)}
            />
            <span>
              <span className="checkbox__label">
                <Icon name="star" size={14} filled className="signature-star" />{" "}
                {t("touchpoints.fields.signature")}
              </span>
              <span className="checkbox__hint">{t("touchpoints.editor.signatureHint")}</span>
            </span>
          </label>
          <TextAreaField
            label={t("touchpoints.fields.description")}
            optional={t("common.optional")}
            rows={3}
            value={form.description}
            onChange={(e) => set("description", e.target.value)}
            error={errorText.field(error, "/body/description")}
          />

          <fieldset className="fieldset" aria-describedby={`${matchersId}-hint`}>
            <legend className="field__label">{t("touchpoints.fields.eventMatchers")}</legend>
            <p className="field__hint" id={`${matchersId}-hint`}>
              {t("touchpoints.editor.matchersHint")}
            </p>
            {form.matchers.length > 0 ? (
              <ol className="matcher-list">
                {form.matchers.map((matcher, index) => {
                  const eventError = serverFieldMessage(error, `/body/eventMatchers/${index}/event`);
                  const whereError = serverFieldMessage(error, `/body/eventMatchers/${index}/where`);
                  const setMatcher = (patch: Partial<{ event: string; where: string }>) =>
                    set(
                      "matchers",
                      form.matchers.map((m, i) => (i === index ? { ...m, ...patch } : m)),
                    );
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by position while editing
                    <li key={index} className="matcher">
                      <div className="matcher__fields">
                        <TextField
                          label={t("touchpoints.editor.matcherEvent", { n: index + 1 })}
                          autoComplete="off"
                          placeholder="Order Completed"
                          value={matcher.event}
                          onChange={(e) => setMatcher({ event: e.target.value })}
                          error={eventError}
                        />
                        <TextField
                          label={t("touchpoints.editor.matcherWhere", { n: index + 1 })}
                          optional={t("common.optional")}
                          autoComplete="off"
                          spellCheck={false}
                          className="input--mono"
                          placeholder='properties.channel in ("web", "app")'
                          value={matcher.where}
                          onChange={(e) => setMatcher({ where: e.target.value })}
                          error={whereError}
                        />
                      </div>
                      <button
                        type="button"
                        className="icon-button matcher__remove"
                        aria-label={t("touchpoints.editor.removeMatcher", { n: index + 1 })}
                        title={t("touchpoints.editor.removeMatcher", { n: index + 1 })}
                        onClick={() =>
                          set(
                            "matchers",
                            form.matchers.filter((_, i) => i !== index),
                          )
                        }
                      >
                        <Icon name="trash" size={16} />
                      </button>
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className={form.kind === "hidden" ? "inline-warning" : "muted"}>
                {form.kind === "hidden"
                  ? t("touchpoints.editor.hiddenNeedsMatcher")
                  : t("touchpoints.editor.noMatchers")}
              </p>
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() => set("matchers", [...form.matchers, { event: "", where: "" }])}
            >
              <Icon name="plus" size={14} />
              {t("touchpoints.editor.addMatcher")}
            </button>
          </fieldset>

          <div className="dialog__actions dialog__actions--split">
            {touchpoint ? (
              <button
                ref={deleteRef}
                type="button"
                className="button button--ghost button--danger-text"
                onClick={() => setDeleting(true)}
              >
                <Icon name="trash" size={16} />
                {t("common.delete")}
              </button>
            ) : (
              <span />
            )}
            <div className="dialog__actions-end">
              <button type="button" className="button" onClick={onClose}>
                {t("common.cancel")}
              </button>
              <button type="submit" className="button button--primary" disabled={mutation.isPending}>
                {mutation.isPending
                  ? t("common.saving")
                  : isNew
                    ? t("touchpoints.editor.create")
                    : t("common.save")}
              </button>
            </div>
          </div>
        </form>
      )}
    </Dialog>
  );
}

import { type FormEvent, type RefObject, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { CopyField } from "../../components/CopyField";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorText } from "../../components/errors";
import { TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import {
  useCreateWebhook,
  WEBHOOK_EVENT_TYPES,
  type WebhookEndpointWithSecret,
  type WebhookEventType,
} from "./webhooks-api";

const URL_CODES = ["invalid_url", "insecure_url", "credentials", "private_address"] as const;

/** Creates an endpoint, then shows its signing secret once. */
export function CreateWebhookDialog({
  workspaceId,
  allowPrivateTargets,
  returnFocusRef,
  onClose,
}: {
  workspaceId: string;
  allowPrivateTargets: boolean;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<WebhookEndpointWithSecret | null>(null);
  return (
    <Dialog
      title={created ? t("webhooks.secretTitle") : t("webhooks.createTitle")}
      description={created ? undefined : t("webhooks.createDescription")}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
      size="wide"
    >
      {created ? (
        <SecretView secret={created.secret} onDone={onClose} />
      ) : (
        <CreateForm
          workspaceId={workspaceId}
          allowPrivateTargets={allowPrivateTargets}
          onCancel={onClose}
          onCreated={setCreated}
        />
      )}
    </Dialog>
  );
}

function CreateForm({
  workspaceId,
  allowPrivateTargets,
  onCancel,
  onCreated,
}: {
  workspaceId: string;
  allowPrivateTargets: boolean;
  onCancel: () => void;
  onCreated: (created: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateWebhook(workspaceId);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [types, setTypes] = useState<WebhookEventType[]>([]);
  const [allowPrivate, setAllowPrivate] = useState(false);
  const typesErrorId = useId();

  function toggle(type: WebhookEventType, checked: boolean) {
    setTypes((current) =>
      checked
        ? WEBHOOK_EVENT_TYPES.filter((x) => x === type || current.includes(x))
        : current.filter((x) => x !== type),
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { url: url.trim(), description: description.trim(), eventTypes: types, allowPrivate },
      { onSuccess: onCreated },
    );
  }

  const urlCode = isApiError(create.error) ? create.error.fieldError("/body/url")?.code : undefined;
  const urlError =
    urlCode && (URL_CODES as readonly string[]).includes(urlCode)
      ? t(`webhooks.urlErrors.${urlCode as (typeof URL_CODES)[number]}`)
      : errorText.field(create.error, "/body/url", create.variables?.url);
  const typesError =
    errorText.field(create.error, "/body/eventTypes") ??
    WEBHOOK_EVENT_TYPES.map((_, i) => errorText.field(create.error, `/body/eventTypes/${i}`)).find(Boolean);

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={create.error} />
      <TextField
        label={t("webhooks.url")}
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        required
        placeholder="https://"
        hint={t("webhooks.urlHint")}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={urlError}
      />
      <TextField
        label={t("webhooks.description")}
        name="description"
        autoComplete="off"
        optional={t("common.optional")}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errorText.field(create.error, "/body/description")}
      />
      <fieldset
        className={typesError ? "fieldset field--invalid" : "fieldset"}
        aria-describedby={typesError ? typesErrorId : undefined}
      >
        <legend className="field__label">{t("webhooks.eventTypes")}</legend>
        <div className="checkbox-grid">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="checkbox">
              <input
                type="checkbox"
                name="eventTypes"
                value={type}
                checked={types.includes(type)}
                onChange={(e) => toggle(type, e.target.checked)}
              />
              <span>
                <span className="checkbox__label">
                  <code className="code">{type}</code>
                </span>
                <span className="checkbox__hint">{t(`webhooks.events.${type}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {typesError ? (
          <p className="field__error" id={typesErrorId}>
            {types.length === 0 ? t("webhooks.eventTypesRequired") : typesError}
          </p>
        ) : null}
      </fieldset>
      {allowPrivateTargets ? (
        <label className="checkbox">
          <input type="checkbox" checked={allowPrivate} onChange={(e) => setAllowPrivate(e.target.checked)} />
          <span>
            <span className="checkbox__label">{t("webhooks.allowPrivate")}</span>
            <span className="checkbox__hint">{t("webhooks.allowPrivateHint")}</span>
          </span>
        </label>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t("webhooks.creating") : t("webhooks.create")}
        </button>
      </div>
    </form>
  );
}

/** The signing secret, shown once after creating an endpoint or rotating its secret. */
export function SecretView({
  secret,
  onDone,
  rotated = false,
}: {
  secret: string;
  onDone: () => void;
  rotated?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="form">
      <div className="alert alert--warning" role="alert">
        <Icon name="warning" className="alert__icon" />
        <p className="alert__title">{rotated ? t("webhooks.rotatedWarning") : t("webhooks.secretWarning")}</p>
      </div>
      <CopyField label={t("webhooks.secretLabel")} value={secret} hint={t("webhooks.secretHint")} />
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          {t("common.done")}
        </button>
      </div>
    </div>
  );
}

import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { API_KEY_SCOPES, type ApiKeyScope, type CreatedApiKey } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorText } from "../../components/errors";
import { TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { type CreateApiKeyInput, useCreateApiKey } from "./hooks";

interface Props {
  workspaceId: string;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
}

/** A date input's day, as the end of that day in the user's time zone. */
function endOfLocalDay(day: string): string | undefined {
  const date = new Date(`${day}T23:59:59`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Creates a key, then shows its secret once; the secret lives only in this dialog's state. */
export function CreateApiKeyDialog({ workspaceId, returnFocusRef, onClose }: Props) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <Dialog
      title={created ? t("apiKeys.secretTitle") : t("apiKeys.createTitle")}
      description={created ? undefined : t("apiKeys.createDescription")}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
    >
      {created ? (
        <SecretView created={created} onDone={onClose} />
      ) : (
        <CreateForm workspaceId={workspaceId} onCancel={onClose} onCreated={setCreated} />
      )}
    </Dialog>
  );
}

function CreateForm({
  workspaceId,
  onCancel,
  onCreated,
}: {
  workspaceId: string;
  onCancel: () => void;
  onCreated: (created: CreatedApiKey) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateApiKey(workspaceId);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["ingest"]);
  const [expires, setExpires] = useState("");
  const scopesErrorId = useId();

  function toggle(scope: ApiKeyScope, checked: boolean) {
    setScopes((current) =>
      checked
        ? API_KEY_SCOPES.filter((s) => s === scope || current.includes(s))
        : current.filter((s) => s !== scope),
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: CreateApiKeyInput = { name: name.trim(), scopes };
    const expiresAt = expires ? endOfLocalDay(expires) : undefined;
    if (expiresAt) body.expiresAt = expiresAt;
    create.mutate(body, { onSuccess: onCreated });
  }

  const scopesError =
    create.variables?.scopes.length === 0 && errorText.field(create.error, "/body/scopes")
      ? t("apiKeys.scopesRequired")
      : errorText.field(create.error, "/body/scopes");

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={create.error} />
      <TextField
        label={t("apiKeys.name")}
        name="name"
        autoComplete="off"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errorText.field(create.error, "/body/name", create.variables?.name)}
      />
      <fieldset
        className={scopesError ? "fieldset field--invalid" : "fieldset"}
        aria-describedby={scopesError ? scopesErrorId : undefined}
      >
        <legend className="field__label">{t("apiKeys.scopesLegend")}</legend>
        <div className="checkbox-grid">
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(e) => toggle(scope, e.target.checked)}
              />
              <span>
                <span className="checkbox__label">{t(`scopes.${scope}`)}</span>
                <span className="checkbox__hint">{t(`scopes.${scope}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        {scopesError ? (
          <p className="field__error" id={scopesErrorId}>
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <TextField
        label={t("apiKeys.expiresAt")}
        type="date"
        name="expiresAt"
        min={today()}
        optional={t("common.optional")}
        hint={t("apiKeys.expiresHint")}
        value={expires}
        onChange={(e) => setExpires(e.target.value)}
        error={errorText.field(create.error, "/body/expiresAt")}
      />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t("apiKeys.creating") : t("apiKeys.create")}
        </button>
      </div>
    </form>
  );
}

function SecretView({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const secretId = useId();
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  // The form that had focus is gone; put focus on the secret so it can be copied right away.
  useEffect(() => inputRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopyState("copied");
    } catch {
      // The Clipboard API needs a secure context; fall back to selecting the text for a manual copy.
      inputRef.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <div className="form">
      <div className="alert alert--warning" role="alert">
        <Icon name="warning" className="alert__icon" />
        <p className="alert__title">{t("apiKeys.secretWarning")}</p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={secretId}>
          {t("apiKeys.secretLabel", { name: created.apiKey.name })}
        </label>
        <div className="secret">
          <input
            ref={inputRef}
            id={secretId}
            className="input input--mono"
            readOnly
            value={created.secret}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="button" onClick={() => void copy()}>
            <Icon name={copyState === "copied" ? "check" : "copy"} size={16} />
            {t("apiKeys.copy")}
          </button>
        </div>
        <p className={copyState === "failed" ? "field__error" : "field__hint"} role="status">
          {copyState === "copied"
            ? t("apiKeys.copied")
            : copyState === "failed"
              ? t("apiKeys.copyFailed")
              : ""}
        </p>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          {t("common.done")}
        </button>
      </div>
    </div>
  );
}

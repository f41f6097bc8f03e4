import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { PROVIDER_TIMEOUT, type TextSettings } from "../../api/text";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorText } from "../../components/errors";
import { TextField } from "../../components/Field";
import { Loading } from "../../components/Loading";
import { useTextSettings, useUpdateTextSettings } from "./hooks";

/** The engine: the built-in rules, or an external HTTP classifier with the built-in as fallback. */
export function ProviderSettingsForm({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const settings = useTextSettings(workspaceId);
  return (
    <section className="section" aria-labelledby="provider-title">
      <h2 className="section__title" id="provider-title">
        {t("text.provider.title")}
      </h2>
      <p className="section__intro">{t("text.provider.intro")}</p>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} />
      ) : canEdit ? (
        <ProviderForm key={settings.data.version} workspaceId={workspaceId} settings={settings.data} />
      ) : (
        <p className="notice-inline">
          {settings.data.provider.kind === "http"
            ? t("text.provider.currentHttp", { url: settings.data.provider.url })
            : t("text.provider.currentBuiltin")}{" "}
          {t("text.provider.adminOnly")}
        </p>
      )}
    </section>
  );
}

function ProviderForm({ workspaceId, settings }: { workspaceId: string; settings: TextSettings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const update = useUpdateTextSettings(workspaceId);
  const stored = settings.provider;
  const [kind, setKind] = useState(stored.kind);
  const [url, setUrl] = useState(stored.kind === "http" ? stored.url : "");
  const [apiKey, setApiKey] = useState("");
  const [removeKey, setRemoveKey] = useState(false);
  const hasKey = stored.kind === "http" && stored.hasApiKey;
  const [timeoutMs, setTimeoutMs] = useState(
    String(stored.kind === "http" ? stored.timeoutMs : PROVIDER_TIMEOUT.default),
  );
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      kind === "builtin"
        ? { kind }
        : {
            kind,
            url: url.trim(),
            timeoutMs: Number(timeoutMs),
            ...(apiKey ? { apiKey } : removeKey ? { apiKey: null } : {}),
          },
      {
        onSuccess: () => {
          setApiKey("");
          setSaved(true);
        },
      },
    );
  }

  return (
    <form className="form provider-form" onSubmit={submit}>
      <fieldset className="fieldset">
        <legend className="field__label">{t("text.provider.engine")}</legend>
        {(["builtin", "http"] as const).map((k) => (
          <label key={k} className="checkbox">
            <input
              type="radio"
              name="provider-kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <span>
              <span className="checkbox__label">{t(`text.provider.kinds.${k}`)}</span>
              <span className="checkbox__hint">{t(`text.provider.hints.${k}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {kind === "http" ? (
        <>
          <TextField
            label={t("text.provider.url")}
            type="url"
            required
            value={url}
            placeholder="https://classifier.example.com/analyze"
            error={errorText.field(update.error, "/body/provider/url", url)}
            onChange={(e) => setUrl(e.target.value)}
          />
          <TextField
            label={t("text.provider.apiKey")}
            type="password"
            autoComplete="off"
            optional={t("common.optional")}
            hint={hasKey ? t("text.provider.apiKeyStored") : undefined}
            value={apiKey}
            disabled={removeKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
          {hasKey ? (
            <label className="checkbox">
              <input type="checkbox" checked={removeKey} onChange={(e) => setRemoveKey(e.target.checked)} />
              <span className="checkbox__label">{t("text.provider.removeKey")}</span>
            </label>
          ) : null}
          <TextField
            label={t("text.provider.timeout")}
            type="number"
            min={PROVIDER_TIMEOUT.min}
            max={PROVIDER_TIMEOUT.max}
            step={100}
            required
            className="input--narrow"
            value={timeoutMs}
            error={errorText.field(update.error, "/body/provider/timeoutMs", timeoutMs)}
            onChange={(e) => setTimeoutMs(e.target.value)}
          />
        </>
      ) : null}
      <ErrorAlert error={update.error} />
      <div className="text-settings__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {t("common.save")}
        </button>
        <p className="status-message" role="status">
          {saved ? t("text.provider.saved") : ""}
        </p>
      </div>
    </form>
  );
}

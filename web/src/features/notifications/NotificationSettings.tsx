import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Workspace } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorText } from "../../components/errors";
import { SelectField, TextField } from "../../components/Field";
import { formatDate } from "../../components/format";
import { Loading } from "../../components/Loading";
import { SettingsSection } from "../settings/SettingsSection";
import {
  type DigestFrequency,
  type MailSettings,
  NOTIFICATION_KINDS,
  useDigestPreview,
  useMailSettings,
  usePreferences,
  useTestMail,
  useUpdateMailSettings,
  useUpdatePreferences,
} from "./api";
import "./notifications.css";

/** Settings tab "Notifications": the member's own choices, and for admins the workspace's SMTP server. */
export function NotificationSettings({ workspace, canManage }: { workspace: Workspace; canManage: boolean }) {
  return (
    <>
      <PreferencesSection workspaceId={workspace.id} />
      {canManage ? <MailSection workspaceId={workspace.id} /> : null}
    </>
  );
}

function PreferencesSection({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const prefs = usePreferences(workspaceId);
  const update = useUpdatePreferences(workspaceId);
  const preview = useDigestPreview(workspaceId);
  const [status, setStatus] = useState("");

  return (
    <SettingsSection
      headingId="notification-prefs-heading"
      title={t("notifications.prefsHeading")}
      intro={t("notifications.prefsIntro")}
      status={status}
    >
      <ErrorAlert error={prefs.error ?? update.error ?? preview.error} />
      {prefs.isPending ? (
        <Loading />
      ) : prefs.data ? (
        <>
          <fieldset className="fieldset">
            <legend className="field__label">{t("notifications.emailPerKind")}</legend>
            <div className="checkbox-grid">
              {NOTIFICATION_KINDS.map((kind) => (
                <label key={kind} className="checkbox">
                  <input
                    type="checkbox"
                    checked={prefs.data.email[kind] !== false}
                    disabled={update.isPending}
                    onChange={(e) =>
                      update.mutate(
                        { email: { [kind]: e.target.checked } },
                        { onSuccess: () => setStatus(t("notifications.saved")) },
                      )
                    }
                  />
                  <span className="checkbox__label">{t(`notifications.kinds.${kind}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <SelectField
            label={t("notifications.digest")}
            hint={
              prefs.data.nextDigestAt
                ? t("notifications.nextDigest", { at: formatDate(prefs.data.nextDigestAt, true) })
                : t("notifications.digestHint")
            }
            value={prefs.data.digest}
            disabled={update.isPending}
            onChange={(e) =>
              update.mutate(
                { digest: e.target.value as DigestFrequency },
                { onSuccess: () => setStatus(t("notifications.saved")) },
              )
            }
          >
            <option value="none">{t("notifications.digestNone")}</option>
            <option value="daily">{t("notifications.digestDaily")}</option>
            <option value="weekly">{t("notifications.digestWeekly")}</option>
          </SelectField>
          <div className="notification-actions">
            <button
              type="button"
              className="button"
              disabled={preview.isPending}
              onClick={() => preview.mutate({ send: false })}
            >
              {t("notifications.previewDigest")}
            </button>
            <button
              type="button"
              className="button"
              disabled={preview.isPending}
              onClick={() =>
                preview.mutate(
                  { send: true },
                  {
                    onSuccess: (d) =>
                      setStatus(d.sent ? t("notifications.digestSent") : t("notifications.digestEmpty")),
                  },
                )
              }
            >
              {t("notifications.sendDigestNow")}
            </button>
          </div>
          {preview.data ? (
            preview.data.empty ? (
              <p className="notice-inline">{t("notifications.digestEmpty")}</p>
            ) : (
              <div>
                <p className="cell-primary">{preview.data.subject}</p>
                {/* The plain-text part, shown as text: nothing in it is interpreted. */}
                <pre className="digest-preview">{preview.data.text}</pre>
              </div>
            )
          ) : null}
        </>
      ) : null}
    </SettingsSection>
  );
}

function MailSection({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useMailSettings(workspaceId);
  const update = useUpdateMailSettings(workspaceId);
  const test = useTestMail(workspaceId);
  const [status, setStatus] = useState("");
  const [form, setForm] = useState<MailSettings | null>(null);
  const [password, setPassword] = useState("");
  const [testTo, setTestTo] = useState("");

  useEffect(() => {
    if (settings.data) setForm(settings.data);
  }, [settings.data]);

  function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    update.mutate(
      {
        enabled: form.enabled,
        host: form.host?.trim() || null,
        port: form.port,
        security: form.security,
        username: form.username?.trim() || null,
        ...(password !== "" && { password }),
        fromAddress: form.fromAddress?.trim() || null,
      },
      {
        onSuccess: () => {
          setPassword("");
          setStatus(t("notifications.saved"));
        },
      },
    );
  }

  const field = (name: string) => errorText.field(update.error, `/body/${name}`);
  const set = (patch: Partial<MailSettings>) => setForm((f) => (f ? { ...f, ...patch } : f));

  return (
    <SettingsSection
      headingId="mail-settings-heading"
      title={t("notifications.mailHeading")}
      intro={t("notifications.mailIntro")}
      status={status}
    >
      {settings.isPending || !form ? (
        settings.isError ? (
          <ErrorAlert error={settings.error} />
        ) : (
          <Loading />
        )
      ) : (
        <form className="form" onSubmit={save} noValidate>
          <ErrorAlert error={update.error} />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.enabled}
              onChange={(e) => set({ enabled: e.target.checked })}
            />
            <span>
              <span className="checkbox__label">{t("notifications.mailEnabled")}</span>
              <span className="checkbox__hint">
                {form.installationFallback
                  ? t("notifications.mailFallbackAvailable")
                  : t("notifications.mailNoFallback")}
              </span>
            </span>
          </label>
          <TextField
            label={t("notifications.smtpHost")}
            optional={form.installationFallback ? t("common.optional") : undefined}
            value={form.host ?? ""}
            onChange={(e) => set({ host: e.target.value })}
            error={field("host")}
            autoComplete="off"
          />
          <TextField
            label={t("notifications.smtpPort")}
            type="number"
            min={1}
            max={65535}
            value={form.port ?? ""}
            onChange={(e) => set({ port: e.target.value === "" ? null : Number(e.target.value) })}
            error={field("port")}
          />
          <SelectField
            label={t("notifications.smtpSecurity")}
            value={form.security}
            onChange={(e) => set({ security: e.target.value as MailSettings["security"] })}
            error={field("security")}
          >
            <option value="starttls">STARTTLS</option>
            <option value="tls">TLS</option>
            <option value="none">{t("notifications.securityNone")}</option>
          </SelectField>
          <TextField
            label={t("notifications.smtpUser")}
            optional={t("common.optional")}
            value={form.username ?? ""}
            onChange={(e) => set({ username: e.target.value })}
            error={field("username")}
            autoComplete="off"
          />
          <TextField
            label={t("notifications.smtpPassword")}
            type="password"
            hint={form.passwordSet ? t("notifications.passwordKept") : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={field("password")}
            autoComplete="new-password"
          />
          <TextField
            label={t("notifications.fromAddress")}
            optional={t("common.optional")}
            type="email"
            value={form.fromAddress ?? ""}
            onChange={(e) => set({ fromAddress: e.target.value })}
            error={field("fromAddress")}
          />
          <div className="notification-actions">
            <button type="submit" className="button button--primary" disabled={update.isPending}>
              {t("notifications.saveMail")}
            </button>
          </div>
        </form>
      )}
      <div className="form">
        <TextField
          label={t("notifications.testTo")}
          optional={t("common.optional")}
          type="email"
          value={testTo}
          onChange={(e) => setTestTo(e.target.value)}
          error={errorText.field(test.error, "/body/to")}
        />
        <div className="notification-actions">
          <button
            type="button"
            className="button"
            disabled={test.isPending}
            onClick={() => test.mutate(testTo.trim() ? { to: testTo.trim() } : {})}
          >
            {t("notifications.sendTest")}
          </button>
        </div>
        {test.data ? (
          <p className={test.data.delivered ? "alert alert--info" : "alert alert--error"} role="status">
            {test.data.delivered
              ? t("notifications.testDelivered", { to: test.data.to })
              : t("notifications.testFailed", { to: test.data.to, error: test.data.error ?? "" })}
          </p>
        ) : null}
        <ErrorAlert error={test.error} />
      </div>
    </SettingsSection>
  );
}

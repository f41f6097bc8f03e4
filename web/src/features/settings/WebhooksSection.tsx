import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Workspace } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryList, SettingsSection } from "./SettingsSection";
import { WebhookDeliveries } from "./WebhookDeliveries";
import { CreateWebhookDialog, SecretView } from "./WebhookDialogs";
import "./webhooks.css";
import {
  useDeleteWebhook,
  useRotateWebhookSecret,
  useTestWebhook,
  useUpdateWebhook,
  useWebhookEndpoints,
  useWebhookSettings,
  type WebhookEndpoint,
} from "./webhooks-api";

export function WebhooksSection({ workspace, canManage }: { workspace: Workspace; canManage: boolean }) {
  const { t } = useTranslation();
  const endpoints = useWebhookEndpoints(workspace.id);
  const settings = useWebhookSettings(workspace.id);
  const update = useUpdateWebhook(workspace.id);
  const rotate = useRotateWebhookSecret(workspace.id);
  const test = useTestWebhook(workspace.id);
  const remove = useDeleteWebhook(workspace.id);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const createButtonRef = useRef<HTMLButtonElement>(null);
  const allowPrivateTargets = settings.data?.allowPrivateTargets ?? false;

  async function togglePrivate(next: boolean) {
    await api.put(`/workspaces/${encodeURIComponent(workspace.id)}/webhooks/settings`, {
      allowPrivateTargets: next,
    });
    await settings.refetch();
  }

  return (
    <SettingsSection
      headingId="webhooks-heading"
      title={t("webhooks.heading")}
      intro={t("webhooks.intro")}
      action={
        canManage
          ? { label: t("webhooks.create"), ref: createButtonRef, onClick: () => setCreating(true) }
          : undefined
      }
      status={status}
    >
      <ErrorAlert error={update.error ?? rotate.error ?? test.error} />
      {workspace.role === "owner" ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={allowPrivateTargets}
            disabled={settings.isPending}
            onChange={(e) => void togglePrivate(e.target.checked)}
          />
          <span>
            <span className="checkbox__label">{t("webhooks.allowPrivateTargets")}</span>
            <span className="checkbox__hint">{t("webhooks.allowPrivateTargetsHint")}</span>
          </span>
        </label>
      ) : null}
      <QueryList query={endpoints} forbidden={t("webhooks.forbidden")} empty={t("webhooks.empty")}>
        {(items) => (
          <ul className="webhook-list">
            {items.map((ep) => (
              <li key={ep.id} className="card webhook-card">
                <div className="webhook-card__head">
                  <div>
                    <p className="cell-primary">
                      <code className="code">{ep.url}</code>
                    </p>
                    {ep.description ? <p className="section__intro">{ep.description}</p> : null}
                    <ul className="tag-list" aria-label={t("webhooks.eventTypes")}>
                      {ep.eventTypes.map((type) => (
                        <li key={type} className="badge">
                          {type}
                        </li>
                      ))}
                    </ul>
                    <p className="field__hint">
                      {t("webhooks.secretShort")}: <code className="code">{ep.secretHint}</code>
                      {ep.previousSecretExpiresAt
                        ? ` · ${t("webhooks.graceUntil", { at: new Date(ep.previousSecretExpiresAt).toLocaleString() })}`
                        : ""}
                    </p>
                  </div>
                  <span className={`status status--${ep.enabled ? "active" : "revoked"}`}>
                    {ep.enabled ? t("webhooks.enabled") : t("webhooks.disabled")}
                  </span>
                </div>
                {!ep.enabled && ep.disabledReason ? (
                  <p className="notice-inline">
                    {t("webhooks.disabledReason", { reason: ep.disabledReason })}
                  </p>
                ) : null}
                <div className="webhook-card__actions">
                  <button
                    type="button"
                    className="button button--ghost"
                    aria-expanded={open === ep.id}
                    onClick={() => setOpen(open === ep.id ? null : ep.id)}
                  >
                    {t("webhooks.deliveries")}
                  </button>
                  {canManage ? (
                    <>
                      <button
                        type="button"
                        className="button button--ghost"
                        disabled={!ep.enabled || test.isPending}
                        onClick={() =>
                          test.mutate(ep.id, {
                            onSuccess: (d) =>
                              setStatus(
                                d.status === "succeeded"
                                  ? t("webhooks.testSucceeded", { code: d.lastStatusCode })
                                  : t("webhooks.testFailed", { error: d.lastError ?? "" }),
                              ),
                          })
                        }
                      >
                        {t("webhooks.sendTest")}
                      </button>
                      <button
                        type="button"
                        className="button button--ghost"
                        onClick={() => rotate.mutate(ep.id, { onSuccess: (r) => setSecret(r.secret) })}
                      >
                        {t("webhooks.rotate")}
                      </button>
                      <button
                        type="button"
                        className="button button--ghost"
                        onClick={() => update.mutate({ id: ep.id, enabled: !ep.enabled })}
                      >
                        {ep.enabled ? t("webhooks.disable") : t("webhooks.enable")}
                      </button>
                      <button
                        type="button"
                        className="button button--ghost button--danger-text"
                        onClick={() => setDeleting(ep)}
                      >
                        {t("webhooks.delete")}
                      </button>
                    </>
                  ) : null}
                </div>
                {open === ep.id ? (
                  <WebhookDeliveries workspaceId={workspace.id} endpointId={ep.id} canManage={canManage} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryList>
      {creating ? (
        <CreateWebhookDialog
          workspaceId={workspace.id}
          allowPrivateTargets={allowPrivateTargets}
          returnFocusRef={createButtonRef}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {secret ? (
        <Dialog
          title={t("webhooks.secretTitle")}
          onClose={() => setSecret(null)}
          returnFocusRef={createButtonRef}
        >
          <SecretView secret={secret} rotated onDone={() => setSecret(null)} />
        </Dialog>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t("webhooks.deleteTitle")}
          description={t("webhooks.deleteDescription", { url: deleting.url })}
          confirmLabel={t("webhooks.delete")}
          pending={remove.isPending}
          error={remove.error}
          returnFocusRef={createButtonRef}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                setStatus(t("webhooks.deleted", { url: deleting.url }));
                setDeleting(null);
              },
            })
          }
        />
      ) : null}
    </SettingsSection>
  );
}

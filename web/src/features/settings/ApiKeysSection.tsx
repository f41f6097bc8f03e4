import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKey, Workspace } from "../../api/types";
import { DateText } from "../../components/DateText";
import { CreateApiKeyDialog } from "./CreateApiKeyDialog";
import { useApiKeys } from "./hooks";
import { RevokeApiKeyDialog } from "./RevokeApiKeyDialog";
import { QueryList, SettingsSection } from "./SettingsSection";

export type KeyStatus = "active" | "revoked" | "expired";

export function keyStatus(key: ApiKey, now = Date.now()): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return "expired";
  return "active";
}

export function ApiKeysSection({ workspace, canManage }: { workspace: Workspace; canManage: boolean }) {
  const { t } = useTranslation();
  const keys = useApiKeys(workspace.id);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [status, setStatus] = useState("");
  const createButtonRef = useRef<HTMLButtonElement>(null);

  return (
    <SettingsSection
      headingId="api-keys-heading"
      title={t("apiKeys.heading")}
      intro={t("apiKeys.intro")}
      action={
        canManage
          ? {
              label: t("apiKeys.create"),
              ref: createButtonRef,
              onClick: () => {
                setStatus("");
                setCreating(true);
              },
            }
          : undefined
      }
      status={status}
    >
      <QueryList query={keys} forbidden={t("apiKeys.forbidden")} empty={t("apiKeys.empty")}>
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("apiKeys.name")}</th>
                  <th scope="col">{t("apiKeys.prefix")}</th>
                  <th scope="col">{t("apiKeys.scopes")}</th>
                  <th scope="col">{t("apiKeys.created")}</th>
                  <th scope="col">{t("apiKeys.expires")}</th>
                  <th scope="col">{t("apiKeys.lastUsed")}</th>
                  <th scope="col">{t("apiKeys.status")}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="sr-only">{t("apiKeys.actions")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {items.map((key) => {
                  const state = keyStatus(key);
                  return (
                    <tr key={key.id}>
                      <td className="cell-primary">{key.name}</td>
                      <td>
                        <code className="code">{key.prefix}…</code>
                      </td>
                      <td>
                        <ul className="tag-list">
                          {key.scopes.map((scope) => (
                            <li key={scope} className="badge">
                              {t(`scopes.${scope}`)}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        <DateText value={key.createdAt} />
                      </td>
                      <td>{key.expiresAt ? <DateText value={key.expiresAt} /> : t("common.never")}</td>
                      <td>
                        {key.lastUsedAt ? <DateText value={key.lastUsedAt} withTime /> : t("common.never")}
                      </td>
                      <td>
                        <span className={`status status--${state}`}>{t(`keyStatus.${state}`)}</span>
                      </td>
                      {canManage ? (
                        <td className="cell-actions">
                          {state === "active" ? (
                            <button
                              type="button"
                              className="button button--ghost button--danger-text"
                              aria-label={t("apiKeys.revokeLabel", { name: key.name })}
                              onClick={() => {
                                setStatus("");
                                setRevoking(key);
                              }}
                            >
                              {t("apiKeys.revoke")}
                            </button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </QueryList>
      {creating ? (
        <CreateApiKeyDialog
          workspaceId={workspace.id}
          returnFocusRef={createButtonRef}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {revoking ? (
        <RevokeApiKeyDialog
          workspaceId={workspace.id}
          apiKey={revoking}
          returnFocusRef={createButtonRef}
          onClose={() => setRevoking(null)}
          onRevoked={() => setStatus(t("apiKeys.revoked", { name: revoking.name }))}
        />
      ) : null}
    </SettingsSection>
  );
}

import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKey } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useRevokeApiKey } from "./hooks";

interface Props {
  workspaceId: string;
  apiKey: ApiKey;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onRevoked: () => void;
}

export function RevokeApiKeyDialog({ workspaceId, apiKey, returnFocusRef, onClose, onRevoked }: Props) {
  const { t } = useTranslation();
  const revoke = useRevokeApiKey(workspaceId);
  return (
    <Dialog
      title={t("apiKeys.revokeTitle")}
      description={t("apiKeys.revokeBody", { name: apiKey.name, prefix: apiKey.prefix })}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
      tone="danger"
    >
      <ErrorAlert error={revoke.error} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={revoke.isPending}
          onClick={() =>
            revoke.mutate(apiKey.id, {
              onSuccess: () => {
                onRevoked();
                onClose();
              },
            })
          }
        >
          {revoke.isPending ? t("apiKeys.revoking") : t("apiKeys.revoke")}
        </button>
      </div>
    </Dialog>
  );
}

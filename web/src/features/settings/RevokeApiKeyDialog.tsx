import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKey } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
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
    <ConfirmDialog
      title={t("apiKeys.revokeTitle")}
      description={t("apiKeys.revokeBody", { name: apiKey.name, prefix: apiKey.prefix })}
      confirmLabel={t("apiKeys.revoke")}
      pendingLabel={t("apiKeys.revoking")}
      pending={revoke.isPending}
      error={revoke.error}
      onConfirm={() =>
        revoke.mutate(apiKey.id, {
          onSuccess: () => {
            onRevoked();
            onClose();
          },
        })
      }
      onClose={onClose}
      returnFocusRef={returnFocusRef}
    />
  );
}

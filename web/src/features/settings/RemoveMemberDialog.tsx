import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { Member } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useRemoveMember } from "./hooks";

interface Props {
  workspaceId: string;
  member: Member;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onRemoved: () => void;
}

export function RemoveMemberDialog({ workspaceId, member, returnFocusRef, onClose, onRemoved }: Props) {
  const { t } = useTranslation();
  const remove = useRemoveMember(workspaceId);
  return (
    <ConfirmDialog
      title={t("members.removeTitle")}
      description={t("members.removeBody", { name: member.name, email: member.email })}
      confirmLabel={t("members.remove")}
      pendingLabel={t("members.removing")}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(member.userId, {
          onSuccess: () => {
            onRemoved();
            onClose();
          },
        })
      }
      onClose={onClose}
      returnFocusRef={returnFocusRef}
    />
  );
}

import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { Member } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
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
    <Dialog
      title={t("members.removeTitle")}
      description={t("members.removeBody", { name: member.name, email: member.email })}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
      tone="danger"
    >
      <ErrorAlert error={remove.error} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(member.userId, {
              onSuccess: () => {
                onRemoved();
                onClose();
              },
            })
          }
        >
          {remove.isPending ? t("members.removing") : t("members.remove")}
        </button>
      </div>
    </Dialog>
  );
}

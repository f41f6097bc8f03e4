import type { ReactNode, RefObject } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "./Dialog";
import { ErrorAlert } from "./ErrorAlert";

/**
 * Asks before a destructive action: Cancel (focused first), and a danger button that is disabled while
 * `pending`.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  cancelLabel,
  pendingLabel,
  pending,
  error,
  onConfirm,
  onClose,
  returnFocusRef,
}: {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Replaces "Cancel", e.g. with "Stay". */
  cancelLabel?: string;
  /** Replaces the confirm label while `pending`. */
  pendingLabel?: string;
  pending?: boolean;
  /** The failed request, shown above the buttons. */
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
  returnFocusRef?: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={title}
      description={description}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
      tone="danger"
    >
      <ErrorAlert error={error} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {cancelLabel ?? t("common.cancel")}
        </button>
        <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
          {pending && pendingLabel ? pendingLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

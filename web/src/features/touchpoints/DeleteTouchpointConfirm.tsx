import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import type { Touchpoint } from "../../api/journey-design";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useDeleteTouchpoint } from "./hooks";

/**
 * Confirms deleting a touchpoint inside its editor. A touchpoint used by journeys is refused (409);
 * the user may then detach it, which turns those steps into free moments.
 */
export function DeleteTouchpointConfirm({
  workspaceId,
  touchpoint,
  onCancel,
  onDeleted,
}: {
  workspaceId: string;
  touchpoint: Touchpoint;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteTouchpoint(workspaceId);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const conflict = isApiError(remove.error) && remove.error.status === 409 ? remove.error : null;

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  return (
    <div className="confirm-panel">
      <h3 className="confirm-panel__title" id="delete-tp-title">
        {t("touchpoints.delete.title", { name: touchpoint.name })}
      </h3>
      <p>
        {touchpoint.usedBy > 0
          ? t("touchpoints.delete.usedBody", { count: touchpoint.usedBy })
          : t("touchpoints.delete.body")}
      </p>
      {conflict ? (
        <div className="alert alert--warning" role="alert">
          <div>
            <p className="alert__title">{t("touchpoints.delete.inUse")}</p>
            {conflict.detail ? <p className="alert__detail">{conflict.detail}</p> : null}
          </div>
        </div>
      ) : (
        <ErrorAlert error={remove.error} />
      )}
      <div className="dialog__actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        {touchpoint.usedBy > 0 || conflict ? (
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: touchpoint.id, detach: true }, { onSuccess: onDeleted })}
          >
            {t("touchpoints.delete.detach")}
          </button>
        ) : (
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: touchpoint.id, detach: false }, { onSuccess: onDeleted })}
          >
            {remove.isPending ? t("common.deleting") : t("common.delete")}
          </button>
        )}
      </div>
    </div>
  );
}

import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { formatCount } from "./format";
import { useBackfill, useBackfills, useStartBackfill } from "./hooks";

/**
 * "Re-analyse all feedback": starts a backfill (or joins the running one) and shows its progress,
 * polled until it ends. A backfill started elsewhere (CLI, another tab) is picked up on load.
 */
export function BackfillControl({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [startedId, setStartedId] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const list = useBackfills(workspaceId);
  const start = useStartBackfill(workspaceId);
  const newest = list.data?.items[0];
  const id = startedId ?? (newest?.status === "running" ? newest.id : null);
  const backfill = useBackfill(workspaceId, id);
  const current = backfill.data;
  const running = current?.status === "running";

  return (
    <div className="backfill">
      <button
        ref={buttonRef}
        type="button"
        className="button"
        disabled={running || start.isPending}
        onClick={() => setConfirming(true)}
      >
        <Icon name="history" size={16} />
        {t("text.backfill.button")}
      </button>
      {current ? (
        <div className="backfill__status" role="status">
          {running ? (
            <>
              <progress
                className="backfill__bar"
                max={Math.max(current.total, 1)}
                value={current.processed}
                aria-label={t("text.backfill.progressLabel")}
              />
              <span>
                {t("text.backfill.progress", {
                  processed: formatCount(current.processed),
                  total: formatCount(current.total),
                })}
              </span>
            </>
          ) : current.status === "done" ? (
            <span>{t("text.backfill.done", { total: formatCount(current.processed) })}</span>
          ) : (
            <span className="backfill__failed">
              {t(`text.backfill.${current.status === "failed" ? "failed" : "cancelled"}`)}
              {current.error ? `: ${current.error}` : null}
            </span>
          )}
        </div>
      ) : null}
      <ErrorAlert error={backfill.error} />
      {confirming ? (
        <Dialog
          title={t("text.backfill.confirmTitle")}
          description={t("text.backfill.confirmBody")}
          returnFocusRef={buttonRef}
          onClose={() => setConfirming(false)}
        >
          <ErrorAlert error={start.error} />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={start.isPending}
              onClick={() =>
                start.mutate(undefined, {
                  onSuccess: (data) => {
                    setStartedId(data.id);
                    setConfirming(false);
                  },
                })
              }
            >
              {t("text.backfill.confirm")}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}

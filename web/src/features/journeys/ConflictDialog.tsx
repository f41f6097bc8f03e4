import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Journey } from "../../api/journey-design";
import { DateText } from "../../components/DateText";
import { Dialog } from "../../components/Dialog";
import { Icon } from "../../components/Icon";

/**
 * Someone else saved while this user was editing. Nothing has been overwritten; the user decides:
 * load their version (dropping these edits), keep editing, or replace theirs on purpose.
 */
export function ConflictDialog({
  currentVersion,
  theirs,
  onLoadTheirs,
  onKeepEditing,
  onOverwrite,
  onDownloadMine,
}: {
  currentVersion: number;
  theirs: Journey | null;
  onLoadTheirs: () => void;
  onKeepEditing: () => void;
  onOverwrite: () => void;
  onDownloadMine: () => void;
}) {
  const { t } = useTranslation();
  const keepRef = useRef<HTMLButtonElement>(null);
  const who = theirs?.updatedBy?.name ?? t("journeys.conflict.someone");
  return (
    <Dialog
      title={t("journeys.conflict.title")}
      description={
        <>
          <p>
            {t("journeys.conflict.body", { name: who, version: currentVersion })}
            {theirs ? (
              <>
                {" "}
                (<DateText value={theirs.updatedAt} withTime />)
              </>
            ) : null}
          </p>
          <p className="dialog__note">{t("journeys.conflict.nothingLost")}</p>
        </>
      }
      onClose={onKeepEditing}
      initialFocusRef={keepRef}
      tone="danger"
    >
      <div className="conflict-options">
        <button type="button" className="conflict-option" onClick={onLoadTheirs}>
          <span className="conflict-option__title">
            {t("journeys.conflict.loadTheirs", { version: currentVersion })}
          </span>
          <span className="conflict-option__hint">{t("journeys.conflict.loadTheirsHint")}</span>
        </button>
        <button ref={keepRef} type="button" className="conflict-option" onClick={onKeepEditing}>
          <span className="conflict-option__title">{t("journeys.conflict.keepEditing")}</span>
          <span className="conflict-option__hint">{t("journeys.conflict.keepEditingHint")}</span>
        </button>
        <button type="button" className="conflict-option conflict-option--danger" onClick={onOverwrite}>
          <span className="conflict-option__title">
            {t("journeys.conflict.overwrite", { version: currentVersion })}
          </span>
          <span className="conflict-option__hint">{t("journeys.conflict.overwriteHint")}</span>
        </button>
      </div>
      <div className="dialog__actions dialog__actions--split">
        <button type="button" className="button button--ghost" onClick={onDownloadMine}>
          <Icon name="download" size={16} />
          {t("journeys.conflict.downloadMine")}
        </button>
      </div>
    </Dialog>
  );
}

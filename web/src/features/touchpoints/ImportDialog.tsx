import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FILE_FORMATS, type FileFormat, type ImportResult } from "../../api/journey-design";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { type ImportDialogProps, RowErrorTable, rowErrors } from "../../components/ImportDialogParts";
import { useImportTouchpoints } from "./hooks";

function formatOf(name: string): FileFormat | null {
  const ext = name.toLowerCase().split(".").pop();
  return FILE_FORMATS.find((f) => f === ext) ?? null;
}

/** Check first (a dry run that stores nothing), then import: all or nothing, re-imports change nothing. */
export function ImportDialog({
  workspaceId,
  returnFocusRef,
  onClose,
  onImported,
}: ImportDialogProps<ImportResult>) {
  const { t } = useTranslation();
  const check = useImportTouchpoints(workspaceId);
  const run = useImportTouchpoints(workspaceId);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<FileFormat>("csv");
  const fileId = useId();
  const formatId = useId();
  const errors = rowErrors(check.error);
  const preview = check.data;
  const importRef = useRef<HTMLButtonElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // The check button is replaced by the import button (or the file needs fixing): keep focus in the dialog.
  useEffect(() => {
    if (preview) importRef.current?.focus();
    else if (check.isError) fileRef.current?.focus();
  }, [preview, check.isError]);

  function onPick(next: File | null) {
    setFile(next);
    check.reset();
    run.reset();
    const detected = next ? formatOf(next.name) : null;
    if (detected) setFormat(detected);
  }

  function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    run.reset();
    check.mutate({ file, format, dryRun: true });
  }

  function onImport() {
    if (!file) return;
    run.mutate(
      { file, format, dryRun: false },
      {
        onSuccess: (result) => {
          onImported(result);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog
      title={t("touchpoints.import.title")}
      description={t("touchpoints.import.description")}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
      size="wide"
    >
      <form className="form" onSubmit={onCheck} noValidate>
        <div className="form-row">
          <div className="field">
            <label className="field__label" htmlFor={fileId}>
              {t("touchpoints.import.file")}
            </label>
            <input
              ref={fileRef}
              id={fileId}
              type="file"
              className="input input--file"
              accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${fileId}-hint`}
              onChange={(e) => onPick(e.target.files?.[0] ?? null)}
            />
            <p className="field__hint" id={`${fileId}-hint`}>
              {t("touchpoints.import.fileHint")}
            </p>
          </div>
          <div className="field field--narrow">
            <label className="field__label" htmlFor={formatId}>
              {t("touchpoints.import.format")}
            </label>
            <select
              id={formatId}
              className="input select"
              value={format}
              onChange={(e) => {
                setFormat(e.target.value as FileFormat);
                check.reset();
              }}
            >
              {FILE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f.toUpperCase()}
                </option>
              ))}
            </select>
          </div>
        </div>

        {errors.length > 0 ? (
          <div className="import-errors" role="alert">
            <p className="alert__title">
              <Icon name="warning" size={16} />{" "}
              {t("touchpoints.import.errorsTitle", { count: errors.length })}
            </p>
            <p className="field__hint">{t("touchpoints.import.errorsHint")}</p>
            <RowErrorTable errors={errors} />
          </div>
        ) : (
          <ErrorAlert error={check.error} />
        )}

        {preview ? (
          <div className="import-preview" role="status">
            <p className="import-preview__title">{t("touchpoints.import.previewTitle")}</p>
            <dl className="import-preview__counts">
              <div>
                <dt>{t("touchpoints.import.created")}</dt>
                <dd>{preview.created}</dd>
              </div>
              <div>
                <dt>{t("touchpoints.import.updated")}</dt>
                <dd>{preview.updated}</dd>
              </div>
              <div>
                <dt>{t("touchpoints.import.unchanged")}</dt>
                <dd>{preview.unchanged}</dd>
              </div>
            </dl>
            {preview.created + preview.updated === 0 ? (
              <p className="field__hint">{t("touchpoints.import.nothingToDo")}</p>
            ) : null}
          </div>
        ) : null}
        <ErrorAlert error={run.error} />

        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          {preview && preview.created + preview.updated > 0 ? (
            <button
              type="button"
              className="button button--primary"
              disabled={run.isPending}
              onClick={onImport}
            >
              {run.isPending
                ? t("touchpoints.import.importing")
                : t("touchpoints.import.confirm", { count: preview.created + preview.updated })}
            </button>
          ) : (
            <button type="submit" className="button button--primary" disabled={!file || check.isPending}>
              {check.isPending ? t("touchpoints.import.checking") : t("touchpoints.import.check")}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}

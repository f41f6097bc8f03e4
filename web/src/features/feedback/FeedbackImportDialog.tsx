import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FeedbackImportMapping, FeedbackImportResult } from "../../api/listen";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { type ImportDialogProps, RowErrorTable, rowErrors } from "../../components/ImportDialogParts";
import { formatNumber } from "../metrics/format";
import { type ImportFormat, useImportFeedback, useImportPreview } from "./hooks";
import { MappingForm } from "./MappingForm";
import { guessMapping, missingColumns } from "./mapping";

function formatOf(name: string): ImportFormat {
  const lower = name.toLowerCase();
  return lower.endsWith(".xlsx") ? "xlsx" : lower.endsWith(".json") ? "json" : "csv";
}

/** CSV/XLSX import: preview the file, map its columns, import all or nothing, show what was added. */
export function FeedbackImportDialog({
  workspaceId,
  returnFocusRef,
  onClose,
  onImported,
}: ImportDialogProps<FeedbackImportResult>) {
  const { t } = useTranslation();
  const preview = useImportPreview(workspaceId);
  const run = useImportFeedback(workspaceId);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>("csv");
  const [channel, setChannel] = useState("other");
  const [mapping, setMapping] = useState<FeedbackImportMapping>({});
  const fileId = useId();
  const columns = preview.data?.columns ?? [];
  const errors = rowErrors(run.error);
  const missing = missingColumns(mapping, columns);

  function onPick(next: File | null) {
    setFile(next);
    run.reset();
    preview.reset();
    if (!next) return;
    const detected = formatOf(next.name);
    setFormat(detected);
    preview.mutate(
      { file: next, format: detected },
      { onSuccess: (p) => setMapping(guessMapping(p.columns)) },
    );
  }

  function onImport() {
    if (!file) return;
    run.mutate({ file, format, channel, mapping }, { onSuccess: onImported });
  }

  const result = run.data;
  return (
    <Dialog
      title={t("feedback.import.title")}
      description={t("feedback.import.description")}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
      size="wide"
    >
      <div className="form">
        <div className="field">
          <label className="field__label" htmlFor={fileId}>
            {t("feedback.import.file")}
          </label>
          <input
            id={fileId}
            type="file"
            className="input input--file"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fileId}-hint`}
            onChange={(e) => onPick(e.target.files?.[0] ?? null)}
          />
          <p className="field__hint" id={`${fileId}-hint`}>
            {t("feedback.import.fileHint")}
          </p>
        </div>
        {preview.isPending ? <p role="status">{t("feedback.import.reading")}</p> : null}
        <ErrorAlert error={preview.error} />

        {preview.data && !result ? (
          <>
            <p className="import-preview__title" role="status">
              {t("feedback.import.rows", { count: preview.data.rowCount })}
            </p>
            <div className="table-wrap import-sample">
              <table className="table table--dense">
                <caption className="sr-only">{t("feedback.import.sample")}</caption>
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.data.sampleRows.slice(0, 5).map((row, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: sample rows are shown, never edited
                    <tr key={i}>
                      {columns.map((c) => (
                        <td key={c}>{row[c] ?? ""}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <MappingForm
              columns={columns}
              channel={channel}
              mapping={mapping}
              onChannel={setChannel}
              onMapping={(next) => {
                setMapping(next);
                run.reset();
              }}
            />
          </>
        ) : null}

        {errors.length > 0 ? (
          <div className="import-errors" role="alert">
            <p className="alert__title">
              <Icon name="warning" size={16} /> {t("feedback.import.errorsTitle", { count: errors.length })}
            </p>
            <RowErrorTable errors={errors} />
          </div>
        ) : (
          <ErrorAlert error={run.error} />
        )}

        {result ? (
          <div className="import-preview" role="status">
            <p className="import-preview__title">{t("feedback.import.resultTitle")}</p>
            <dl className="import-preview__counts">
              <div>
                <dt>{t("feedback.import.accepted")}</dt>
                <dd>{formatNumber(result.accepted)}</dd>
              </div>
              <div>
                <dt>{t("feedback.import.duplicates")}</dt>
                <dd>{formatNumber(result.duplicates)}</dd>
              </div>
              <div>
                <dt>{t("feedback.import.rowsTotal")}</dt>
                <dd>{formatNumber(result.rows)}</dd>
              </div>
            </dl>
          </div>
        ) : null}

        <div className="dialog__actions">
          <button type="button" className={result ? "button button--primary" : "button"} onClick={onClose}>
            {result ? t("common.done") : t("common.cancel")}
          </button>
          {result ? null : (
            <button
              type="button"
              className="button button--primary"
              disabled={
                !preview.data ||
                run.isPending ||
                missing.length > 0 ||
                !(mapping.text || mapping.ratings?.length)
              }
              onClick={onImport}
            >
              {run.isPending
                ? t("feedback.import.importing")
                : t("feedback.import.submit", { count: preview.data?.rowCount ?? 0 })}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

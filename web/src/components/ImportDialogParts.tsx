import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";

/** What every file import dialog takes; `onImported` gets that import's result. */
export interface ImportDialogProps<Result> {
  workspaceId: string;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onImported: (result: Result) => void;
}

export interface RowError {
  row: number | null;
  column: string;
  message: string;
}

/** `/rows/7/Datum` (optionally under `/body`) → row 7, column "Datum"; other pointers keep row null. */
export function rowErrors(error: unknown): RowError[] {
  if (!isApiError(error) || error.status !== 400) return [];
  return error.errors.map((e) => {
    const match = /^(?:\/body)?\/rows\/(\d+)(?:\/(.*))?$/.exec(e.pointer);
    return match
      ? {
          row: Number(match[1]),
          column: (match[2] ?? "").replaceAll("~1", "/").replaceAll("~0", "~"),
          message: e.message,
        }
      : { row: null, column: e.pointer, message: e.message };
  });
}

/** The table of an import's row errors: row, column, message. */
export function RowErrorTable({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap import-errors__table">
      <table className="table table--dense">
        <thead>
          <tr>
            <th scope="col">{t("touchpoints.import.row")}</th>
            <th scope="col">{t("touchpoints.import.column")}</th>
            <th scope="col">{t("touchpoints.import.message")}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row can have several errors in one column
            <tr key={i}>
              <td className="cell-num">{e.row ?? "–"}</td>
              <td className="cell-mono">{e.column}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

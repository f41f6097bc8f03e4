import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Survey } from "../../api/listen";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import type { ImportDialogProps } from "../../components/ImportDialogParts";
import { useImportSurvey } from "./hooks";

type Parsed = { ok: true; document: unknown; name: string; questions: number } | { ok: false };

/** Reads the export document locally first, so a wrong file is named before anything is sent. */
function parse(text: string): Parsed {
  try {
    const document: unknown = JSON.parse(text);
    if (typeof document !== "object" || document === null || !("survey" in document)) return { ok: false };
    const survey = (document as { survey: unknown }).survey;
    if (typeof survey !== "object" || survey === null) return { ok: false };
    const name = "name" in survey && typeof survey.name === "string" ? survey.name : "";
    const definition = "definition" in survey ? survey.definition : null;
    const questions =
      typeof definition === "object" && definition !== null && "questions" in definition
        ? Array.isArray(definition.questions)
          ? definition.questions.length
          : 0
        : 0;
    return { ok: true, document, name, questions };
  } catch {
    return { ok: false };
  }
}

/** Imports a survey exported as JSON (from this or another workspace) as a new draft. */
export function ImportSurveyDialog({
  workspaceId,
  returnFocusRef,
  onClose,
  onImported,
}: ImportDialogProps<Survey>) {
  const { t } = useTranslation();
  const run = useImportSurvey(workspaceId);
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const fileId = useId();

  async function onPick(file: File | null) {
    run.reset();
    setParsed(file ? parse(await file.text()) : null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (parsed?.ok) run.mutate(parsed.document, { onSuccess: onImported });
  }

  return (
    <Dialog
      title={t("surveys.import.title")}
      description={t("surveys.import.description")}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className={parsed && !parsed.ok ? "field field--invalid" : "field"}>
          <label className="field__label" htmlFor={fileId}>
            {t("surveys.import.file")}
          </label>
          <input
            id={fileId}
            type="file"
            className="input input--file"
            accept=".json,application/json"
            aria-describedby={`${fileId}-status`}
            onChange={(e) => void onPick(e.target.files?.[0] ?? null)}
          />
          <p
            id={`${fileId}-status`}
            className={parsed && !parsed.ok ? "field__error" : "field__hint"}
            role="status"
          >
            {parsed === null
              ? t("surveys.import.fileHint")
              : parsed.ok
                ? t("surveys.import.found", { name: parsed.name, count: parsed.questions })
                : t("surveys.import.notASurvey")}
          </p>
        </div>
        <ErrorAlert error={run.error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={!parsed?.ok || run.isPending}>
            {run.isPending ? t("surveys.import.importing") : t("surveys.import.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

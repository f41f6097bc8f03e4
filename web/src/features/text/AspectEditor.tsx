import { useTranslation } from "react-i18next";
import { TextAreaField, TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { currentLocale } from "../../i18n";
import { type AspectDraft, type DraftProblem, keywordLines } from "./taxonomy-draft";

/** One aspect of the taxonomy, folded to its name until opened. */
export function AspectEditor({
  draft,
  problems,
  serverError,
  readOnly,
  open,
  onChange,
  onRemove,
}: {
  draft: AspectDraft;
  problems: DraftProblem[];
  /** The server's message for this aspect after a refused save. */
  serverError?: string;
  readOnly: boolean;
  open: boolean;
  onChange: (patch: Partial<AspectDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const name =
    (currentLocale() === "en" ? draft.labelEn : draft.labelDe) || draft.key || t("text.taxonomy.newAspect");
  const counts = {
    de: keywordLines(draft.keywordsDe).length,
    en: keywordLines(draft.keywordsEn).length,
  };
  const invalid = problems.length > 0 || Boolean(serverError);

  return (
    <details
      className={invalid ? "aspect-editor aspect-editor--invalid" : "aspect-editor"}
      open={open || undefined}
    >
      <summary className="aspect-editor__summary">
        <span className="aspect-editor__name">{name}</span>
        <code className="code">{draft.key || "…"}</code>
        <span className="muted">{t("text.taxonomy.keywordCounts", counts)}</span>
        {draft.enabled ? null : <span className="badge">{t("text.taxonomy.disabled")}</span>}
        {invalid ? (
          <span className="aspect-editor__problem">
            <Icon name="warning" size={14} />
            {t("text.taxonomy.hasProblems")}
          </span>
        ) : null}
      </summary>
      <fieldset className="aspect-editor__body" disabled={readOnly}>
        <legend className="sr-only">{name}</legend>
        {problems.length > 0 || serverError ? (
          <ul className="aspect-editor__problems" role="alert">
            {problems.map((p) => (
              <li key={p}>{t(`text.taxonomy.problems.${p}`)}</li>
            ))}
            {serverError ? <li>{serverError}</li> : null}
          </ul>
        ) : null}
        <div className="form-row">
          <TextField
            label={t("text.taxonomy.key")}
            value={draft.key}
            readOnly={!draft.isNew}
            className="input--mono"
            hint={draft.isNew ? t("text.taxonomy.keyHint") : t("text.taxonomy.keyFixed")}
            onChange={(e) => onChange({ key: e.target.value })}
          />
          <TextField
            label={t("text.taxonomy.labelDe")}
            value={draft.labelDe}
            onChange={(e) => onChange({ labelDe: e.target.value })}
          />
          <TextField
            label={t("text.taxonomy.labelEn")}
            value={draft.labelEn}
            onChange={(e) => onChange({ labelEn: e.target.value })}
          />
        </div>
        <div className="form-row">
          <TextAreaField
            label={t("text.taxonomy.keywordsDe")}
            value={draft.keywordsDe}
            rows={6}
            className="textarea--code"
            hint={t("text.taxonomy.keywordsHint")}
            onChange={(e) => onChange({ keywordsDe: e.target.value })}
          />
          <TextAreaField
            label={t("text.taxonomy.keywordsEn")}
            value={draft.keywordsEn}
            rows={6}
            className="textarea--code"
            hint={t("text.taxonomy.keywordsHint")}
            onChange={(e) => onChange({ keywordsEn: e.target.value })}
          />
        </div>
        <div className="aspect-editor__foot">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(e) => onChange({ enabled: e.target.checked })}
            />
            <span className="checkbox__label">{t("text.taxonomy.enabled")}</span>
          </label>
          <button type="button" className="button button--danger-text button--small" onClick={onRemove}>
            <Icon name="trash" size={14} />
            {t("text.taxonomy.remove", { name })}
          </button>
        </div>
      </fieldset>
    </details>
  );
}

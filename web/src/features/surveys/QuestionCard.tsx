import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ID_PATTERN, QUESTION_TYPES, type Question, type QuestionType } from "../../api/listen";
import type { Locale } from "../../api/types";
import { Icon } from "../../components/Icon";
import { type DefinitionIssue, isChoiceType, isRatingType, withType } from "./definition";
import { LocalizedFields } from "./LocalizedFields";
import { OptionsEditor } from "./OptionsEditor";
import { ScaleEditor } from "./ScaleEditor";
import { ShowIfEditor } from "./ShowIfEditor";
import { cesDefaultText } from "./templates";

/** One question: type, id, texts in both languages, scale or options, required and skip logic. */
export function QuestionCard({
  question,
  index,
  questions,
  language,
  company,
  issues,
  serverError,
  onChange,
  onMove,
  onRemove,
}: {
  question: Question;
  index: number;
  questions: Question[];
  language: Locale;
  company: string;
  issues: DefinitionIssue[];
  serverError: string | undefined;
  onChange: (next: Question) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const n = index + 1;
  const [idDraft, setIdDraft] = useState(question.id);
  const idTaken = questions.some((q, i) => i !== index && q.id === idDraft);
  const idError = !ID_PATTERN.test(idDraft)
    ? t("surveys.issues.id_invalid")
    : idTaken
      ? t("surveys.issues.id_duplicate")
      : undefined;
  const textMissing = issues.some((i) => i.code === "text_missing");

  function commitId() {
    if (idDraft !== question.id && !idError) onChange({ ...question, id: idDraft });
  }

  return (
    <article className="question-card" id={`question-${question.id}`} aria-labelledby={`${id}-title`}>
      <header className="question-card__head">
        <h3 className="question-card__title" id={`${id}-title`}>
          {t("surveys.editor.questionN", { n })}
        </h3>
        <label className="question-card__type">
          <span className="sr-only">{t("surveys.editor.typeOf", { n })}</span>
          <select
            className="input select select--compact"
            value={question.type}
            onChange={(e) => onChange(withType(question, e.target.value as QuestionType))}
          >
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`surveys.questionTypes.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox question-card__required">
          <input
            type="checkbox"
            checked={question.required}
            onChange={(e) => onChange({ ...question, required: e.target.checked })}
          />
          <span>{t("surveys.fields.required")}</span>
        </label>
        <div className="question-card__actions">
          <button
            type="button"
            className="icon-button"
            disabled={index === 0}
            aria-label={t("surveys.editor.moveUp", { n })}
            title={t("surveys.editor.moveUp", { n })}
            onClick={() => onMove(-1)}
          >
            <Icon name="arrowUp" size={16} />
          </button>
          <button
            type="button"
            className="icon-button"
            disabled={index === questions.length - 1}
            aria-label={t("surveys.editor.moveDown", { n })}
            title={t("surveys.editor.moveDown", { n })}
            onClick={() => onMove(1)}
          >
            <Icon name="arrowDown" size={16} />
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={t("surveys.editor.remove", { n })}
            title={t("surveys.editor.remove", { n })}
            onClick={onRemove}
          >
            <Icon name="trash" size={16} />
          </button>
        </div>
      </header>

      <LocalizedFields
        label={t("surveys.fields.questionText")}
        value={question.text}
        defaultLanguage={language}
        multiline
        onChange={(text) => onChange({ ...question, text })}
        placeholder={
          question.type === "ces"
            ? { de: cesDefaultText("de", company), en: cesDefaultText("en", company) }
            : undefined
        }
        error={textMissing ? t("surveys.issues.text_missing") : undefined}
      />
      {question.type === "ces" ? <p className="field__hint">{t("surveys.editor.cesHint")}</p> : null}

      {isRatingType(question.type) ? (
        <ScaleEditor question={question} language={language} onChange={onChange} />
      ) : null}
      {isChoiceType(question.type) ? (
        <OptionsEditor
          options={question.options ?? []}
          language={language}
          invalid={issues.some((i) => i.code === "options_too_few" || i.code === "option_label_missing")}
          onChange={(options) => onChange({ ...question, options })}
        />
      ) : null}

      <ShowIfEditor
        question={question}
        index={index}
        questions={questions}
        invalid={issues.some((i) => i.code === "show_if_invalid")}
        onChange={(showIf) => {
          const { showIf: _old, ...rest } = question;
          onChange(showIf ? { ...rest, showIf } : rest);
        }}
      />

      <div className={idError ? "field field--invalid question-card__id" : "field question-card__id"}>
        <label className="field__label" htmlFor={`${id}-qid`}>
          {t("surveys.fields.questionId")}
        </label>
        <input
          id={`${id}-qid`}
          className="input input--mono"
          value={idDraft}
          spellCheck={false}
          aria-invalid={idError ? true : undefined}
          aria-describedby={`${id}-qid-hint`}
          onChange={(e) => setIdDraft(e.target.value)}
          onBlur={commitId}
        />
        <p className={idError ? "field__error" : "field__hint"} id={`${id}-qid-hint`}>
          {idError ?? t("surveys.editor.idHint")}
        </p>
      </div>
      {serverError ? <p className="field__error">{serverError}</p> : null}
    </article>
  );
}

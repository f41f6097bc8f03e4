import { useTranslation } from "react-i18next";
import { QUESTION_TYPES, type Question, type SurveyDefinition } from "../../api/listen";
import { serverFieldMessage } from "../../components/errors";
import { MenuButton, MenuItem } from "../../components/MenuButton";
import {
  type DefinitionIssue,
  moveQuestion,
  newQuestion,
  removeQuestion,
  renameQuestion,
} from "./definition";
import type { SurveyDraft } from "./draft";
import { LocalizedFields } from "./LocalizedFields";
import { QuestionCard } from "./QuestionCard";

/** Survey texts and the list of questions: add, edit, reorder and remove. */
export function QuestionsTab({
  draft,
  issues,
  error,
  company,
  onChange,
}: {
  draft: SurveyDraft;
  issues: DefinitionIssue[];
  /** The failed save, whose field errors point into `/body/definition/…`. */
  error: unknown;
  company: string;
  onChange: (definition: SurveyDefinition) => void;
}) {
  const { t } = useTranslation();
  const definition = draft.definition;
  const language = draft.defaultLanguage;
  const setQuestions = (questions: Question[]) => onChange({ ...definition, questions });
  const titleMissing = issues.some((i) => i.questionId === null);

  function add(type: Question["type"]) {
    const question = newQuestion(type, definition.questions);
    setQuestions([...definition.questions, question]);
    // Focus the new question's text once it is rendered.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`#question-${question.id} textarea`)?.focus(),
    );
  }

  return (
    <div className="questions-tab">
      <section className="editor-section" id="survey-texts-section" aria-labelledby="survey-texts">
        <h2 className="section__title" id="survey-texts">
          {t("surveys.editor.texts")}
        </h2>
        <LocalizedFields
          label={t("surveys.fields.title")}
          value={definition.title}
          defaultLanguage={language}
          onChange={(title) => onChange({ ...definition, title })}
          error={
            titleMissing
              ? t("surveys.issues.text_missing")
              : serverFieldMessage(error, "/body/definition/title")
          }
        />
        <LocalizedFields
          label={t("surveys.fields.intro")}
          value={definition.intro}
          defaultLanguage={language}
          multiline
          required={false}
          onChange={(intro) => onChange({ ...definition, intro })}
        />
      </section>

      <section className="editor-section" aria-labelledby="survey-questions">
        <div className="section__header">
          <h2 className="section__title" id="survey-questions">
            {t("surveys.editor.questions", { count: definition.questions.length })}
          </h2>
        </div>
        <ol className="question-list">
          {definition.questions.map((question, index) => (
            <li key={question.id}>
              <QuestionCard
                question={question}
                index={index}
                questions={definition.questions}
                language={language}
                company={company}
                issues={issues.filter((i) => i.index === index)}
                serverError={serverFieldMessage(error, `/body/definition/questions/${index}`)}
                onChange={(next) => {
                  const renamed =
                    next.id !== question.id
                      ? renameQuestion(definition.questions, question.id, next.id)
                      : definition.questions;
                  setQuestions(renamed.map((q, i) => (i === index ? next : q)));
                }}
                onMove={(delta) => setQuestions(moveQuestion(definition.questions, index, delta))}
                onRemove={() => setQuestions(removeQuestion(definition.questions, question.id))}
              />
            </li>
          ))}
        </ol>
        <MenuButton label={t("surveys.editor.addQuestion")} icon="plus" className="button button--primary">
          {(close) =>
            QUESTION_TYPES.map((type) => (
              <MenuItem
                key={type}
                onSelect={() => {
                  close();
                  add(type);
                }}
              >
                {t(`surveys.questionTypes.${type}`)}
              </MenuItem>
            ))
          }
        </MenuButton>
      </section>

      <section className="editor-section" aria-labelledby="survey-end">
        <h2 className="section__title" id="survey-end">
          {t("surveys.editor.end")}
        </h2>
        <LocalizedFields
          label={t("surveys.fields.thankYou")}
          value={definition.thankYou}
          defaultLanguage={language}
          multiline
          onChange={(thankYou) => onChange({ ...definition, thankYou })}
          error={serverFieldMessage(error, "/body/definition/thankYou")}
        />
      </section>
    </div>
  );
}

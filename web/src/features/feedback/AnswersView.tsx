import { useTranslation } from "react-i18next";
import type { AnswerValue, Question } from "../../api/listen";
import { useSurvey } from "../surveys/hooks";
import { localized } from "../surveys/localized";

function answerText(question: Question | undefined, value: AnswerValue): string {
  const option = (id: string) => localized(question?.options?.find((o) => o.id === id)?.label, id);
  if (Array.isArray(value)) return value.map(option).join(", ");
  if (typeof value === "string" && question && question.type !== "text") return option(value);
  return String(value);
}

/** A response's answers in the survey's order, with question texts and option labels. */
export function AnswersView({
  workspaceId,
  surveyId,
  answers,
}: {
  workspaceId: string;
  surveyId: string;
  answers: Record<string, AnswerValue>;
}) {
  const { t } = useTranslation();
  const survey = useSurvey(workspaceId, surveyId);
  const questions = survey.data?.definition.questions ?? [];
  const known = questions.filter((q) => q.id in answers);
  const unknown = Object.keys(answers).filter((id) => !questions.some((q) => q.id === id));
  if (known.length + unknown.length === 0) return null;
  return (
    <section className="answers" aria-labelledby="answers-title">
      <h3 className="section__title" id="answers-title">
        {t("feedback.detail.answers")}
      </h3>
      <dl className="answers__list">
        {known.map((q) => (
          <div key={q.id} className="answers__item">
            <dt>{localized(q.text, q.id)}</dt>
            <dd>{answerText(q, answers[q.id] as AnswerValue)}</dd>
          </div>
        ))}
        {unknown.map((id) => (
          <div key={id} className="answers__item">
            <dt className="cell-mono">{id}</dt>
            <dd>{answerText(undefined, answers[id] as AnswerValue)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

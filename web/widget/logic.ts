import type { Answer, Answers, Question, SurveyDefinition } from "./types.js";

/** The fixed scales of the rating-like types; `rating` brings its own. */
export function scaleOf(question: Question): { min: number; max: number } | null {
  switch (question.type) {
    case "nps":
      return { min: 0, max: 10 };
    case "csat":
      return { min: 1, max: 5 };
    case "ces":
      return { min: 1, max: 7 };
    case "rating":
      return question.scale ? { min: question.scale.min, max: question.scale.max } : { min: 1, max: 5 };
    default:
      return null;
  }
}

function holds(condition: NonNullable<Question["showIf"]>, answer: Answer | undefined): boolean {
  if (!isAnswered(answer)) return false;
  const { op, value } = condition;
  if (op === "includes") return Array.isArray(answer) && (answer as (string | number)[]).includes(value);
  if (op === "eq") return answer === value;
  if (op === "neq") return answer !== value;
  if (typeof answer !== "number" || typeof value !== "number") return false;
  if (op === "lt") return answer < value;
  if (op === "lte") return answer <= value;
  if (op === "gt") return answer > value;
  return answer >= value;
}

/**
 * The questions shown for these answers, in order. Same rule as the server: a question is visible
 * iff its showIf holds; an answer to a hidden question does not count, so hiding cascades.
 */
export function visibleQuestions(definition: SurveyDefinition, answers: Answers): Question[] {
  const visible = new Set<string>();
  const result: Question[] = [];
  for (const question of definition.questions) {
    const condition = question.showIf;
    const shown =
      !condition ||
      (visible.has(condition.questionId) &&
        holds(
          condition,
          Object.hasOwn(answers, condition.questionId) ? answers[condition.questionId] : undefined,
        ));
    if (!shown) continue;
    visible.add(question.id);
    result.push(question);
  }
  return result;
}

/** The answers without those of hidden questions (which the server would refuse). */
export function pruneHidden(definition: SurveyDefinition, answers: Answers): Answers {
  const pruned: Answers = {};
  for (const question of visibleQuestions(definition, answers)) {
    const answer = answers[question.id];
    if (answer !== undefined) pruned[question.id] = answer;
  }
  return pruned;
}

export function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (Array.isArray(answer)) return answer.length > 0;
  if (typeof answer === "string") return answer.trim() !== "";
  return true;
}

/** Required visible questions still without an answer. */
export function missingRequired(definition: SurveyDefinition, answers: Answers): Question[] {
  return visibleQuestions(definition, answers).filter((q) => q.required && !isAnswered(answers[q.id]));
}

/** What to send so the server's answers equal `current`: changed values, and null for removed ones. */
export function answerChanges(saved: Answers, current: Answers): Record<string, Answer | null> {
  const changes: Record<string, Answer | null> = {};
  for (const [id, answer] of Object.entries(current)) {
    if (JSON.stringify(saved[id]) !== JSON.stringify(answer)) changes[id] = answer;
  }
  for (const id of Object.keys(saved)) if (!Object.hasOwn(current, id)) changes[id] = null;
  return changes;
}

import type { StoredRating } from "../db/schema.js";
import type { FieldError } from "../errors.js";
import {
  MAX_TEXT_ANSWER,
  RATING_TYPES,
  scaleOf,
  type TQuestion,
  type TSurveyDefinition,
} from "./surveys.schema.js";

export type Answers = Record<string, unknown>;
type Definition = Pick<TSurveyDefinition, "questions">;

export const answerPointer = (questionId: string) => `/body/answers/${questionId}`;

/** Whether an answer counts as given: empty text and empty selections do not. */
function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function holds(showIf: NonNullable<TQuestion["showIf"]>, answer: unknown): boolean {
  const { op, value } = showIf;
  if (op === "includes") return Array.isArray(answer) && answer.includes(value);
  if (op === "eq") return answer === value;
  if (op === "neq") return answer !== value;
  if (typeof answer !== "number" || typeof value !== "number") return false;
  if (op === "lt") return answer < value;
  if (op === "lte") return answer <= value;
  if (op === "gte") return answer >= value;
  return answer > value;
}

/**
 * The questions a respondent sees for these answers: a question with `showIf` is visible when the
 * question it refers to is visible, answered, and the condition holds. References point to earlier
 * questions only, so one pass in order decides every question.
 */
export function visibleQuestions(definition: Definition, answers: Answers): TQuestion[] {
  const visible = new Set<string>();
  const result: TQuestion[] = [];
  for (const q of definition.questions) {
    const ref = q.showIf;
    const shown =
      !ref ||
      (visible.has(ref.questionId) &&
        Object.hasOwn(answers, ref.questionId) &&
        isAnswered(answers[ref.questionId]) &&
        holds(ref, answers[ref.questionId]));
    if (shown) {
      visible.add(q.id);
      result.push(q);
    }
  }
  return result;
}

/** The type and range error of one answer, if any. */
function answerError(q: TQuestion, value: unknown): Omit<FieldError, "pointer"> | undefined {
  if (RATING_TYPES.includes(q.type)) {
    const { min, max } = scaleOf(q);
    if (typeof value !== "number" || !Number.isInteger(value))
      return { code: "invalid_type", message: `expected an integer from ${min} to ${max}` };
    if (value < min || value > max)
      return { code: "out_of_range", message: `expected an integer from ${min} to ${max}` };
    return undefined;
  }
  if (q.type === "text") {
    if (typeof value !== "string") return { code: "invalid_type", message: "expected a string" };
    if (value.length > MAX_TEXT_ANSWER)
      return { code: "out_of_range", message: `at most ${MAX_TEXT_ANSWER} characters` };
    return undefined;
  }
  const ids = new Set(q.options?.map((o) => o.id));
  if (q.type === "single_choice") {
    if (typeof value !== "string") return { code: "invalid_type", message: "expected an option id" };
    return ids.has(value) ? undefined : { code: "unknown_option", message: `"${value}" is not an option` };
  }
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string"))
    return { code: "invalid_type", message: "expected an array of at least one option id" };
  if (new Set(value).size !== value.length)
    return { code: "invalid_type", message: "an option is selected twice" };
  const unknown = value.find((v) => !ids.has(v));
  return unknown === undefined
    ? undefined
    : { code: "unknown_option", message: `"${unknown}" is not an option` };
}

/**
 * Checks answers against the definition: unknown questions, types and ranges, answers to hidden
 * questions, and — when finishing — every required visible question. Returns all errors at once.
 */
export function validateAnswers(
  definition: Definition,
  answers: Answers,
  options: { finishing: boolean },
): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(definition.questions.map((q) => [q.id, q]));
  const visible = new Set(visibleQuestions(definition, answers).map((q) => q.id));
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    const pointer = answerPointer(id);
    if (!q) {
      errors.push({ pointer, code: "unknown_question", message: `the survey has no question "${id}"` });
      continue;
    }
    const error = answerError(q, value);
    if (error) errors.push({ pointer, ...error });
    else if (!visible.has(id) && isAnswered(value))
      errors.push({
        pointer,
        code: "hidden_question",
        message: "this question is hidden by its show-if condition for these answers",
      });
  }
  if (options.finishing) {
    for (const q of definition.questions) {
      if (q.required && visible.has(q.id) && !isAnswered(answers[q.id]))
        errors.push({ pointer: answerPointer(q.id), code: "required", message: "an answer is required" });
    }
  }
  return errors;
}

/** Answers with `null` (removed) and empty text dropped: what is stored. */
export function cleanAnswers(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => isAnswered(v)));
}

/** The ratings of a response, in question order, each on its question's scale. */
export function deriveRatings(definition: Definition, answers: Answers): StoredRating[] {
  const ratings: StoredRating[] = [];
  for (const q of definition.questions) {
    const value = answers[q.id];
    if (!RATING_TYPES.includes(q.type) || typeof value !== "number") continue;
    const { min, max } = scaleOf(q);
    ratings.push({ metric: q.type as StoredRating["metric"], value, min, max, questionId: q.id });
  }
  return ratings;
}

/** The free text of a response: its text answers in question order, separated by blank lines. */
export function responseText(definition: Definition, answers: Answers): string {
  return definition.questions
    .filter((q) => q.type === "text" && typeof answers[q.id] === "string")
    .map((q) => String(answers[q.id]).trim())
    .filter((t) => t !== "")
    .join("\n\n");
}

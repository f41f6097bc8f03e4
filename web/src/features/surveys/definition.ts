import {
  type ChoiceOption,
  ID_PATTERN,
  type Question,
  type QuestionType,
  type Scale,
  type ShowIfOp,
  type SurveyDefinition,
} from "../../api/listen";
import type { Locale } from "../../api/types";

/** Scales fixed by the metric definitions (DESIGN §3); only `rating` questions choose their own. */
export const FIXED_SCALES: Partial<Record<QuestionType, { min: number; max: number }>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

export const isRatingType = (type: QuestionType) =>
  type === "nps" || type === "csat" || type === "ces" || type === "rating";
export const isChoiceType = (type: QuestionType) => type === "single_choice" || type === "multiple_choice";

export function scaleOf(question: Question): { min: number; max: number } | null {
  const fixed = FIXED_SCALES[question.type];
  if (fixed) return fixed;
  if (question.type === "rating") return { min: question.scale?.min ?? 1, max: question.scale?.max ?? 5 };
  return null;
}

/** The first free id `<prefix>`, `<prefix>_2`, … among `taken`. */
export function freeId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(prefix)) return prefix;
  for (let n = 2; ; n++) {
    const id = `${prefix}_${n}`;
    if (!used.has(id)) return id;
  }
}

const ID_PREFIX: Record<QuestionType, string> = {
  nps: "nps",
  csat: "csat",
  ces: "ces",
  rating: "rating",
  single_choice: "choice",
  multiple_choice: "choices",
  text: "comment",
};

function defaultOptions(): ChoiceOption[] {
  return [
    { id: "option_1", label: {} },
    { id: "option_2", label: {} },
  ];
}

/** A blank question of `type` with an id not used in `questions`. */
export function newQuestion(type: QuestionType, questions: Question[]): Question {
  return withType(
    {
      id: freeId(
        ID_PREFIX[type],
        questions.map((q) => q.id),
      ),
      type,
      text: {},
      required: false,
    },
    type,
  );
}

/** The question as another type: keeps id, text, required and skip logic, resets type-specific parts. */
export function withType(question: Question, type: QuestionType): Question {
  const { scale, options, ...rest } = question;
  const next: Question = { ...rest, type };
  if (type === "rating") next.scale = scale && question.type === "rating" ? scale : { min: 1, max: 5 };
  else if (isRatingType(type) && scale && (scale.minLabel || scale.maxLabel)) {
    const fixed = FIXED_SCALES[type] ?? { min: 1, max: 5 };
    next.scale = { ...fixed, minLabel: scale.minLabel, maxLabel: scale.maxLabel };
  }
  if (isChoiceType(type)) next.options = options && options.length >= 2 ? options : defaultOptions();
  return next;
}

export function newOptionId(options: ChoiceOption[]): string {
  let n = options.length + 1;
  while (options.some((o) => o.id === `option_${n}`)) n++;
  return `option_${n}`;
}

/** Operators a later question may test this one with; text answers cannot drive skip logic. */
export function opsFor(type: QuestionType): ShowIfOp[] {
  if (isRatingType(type)) return ["lt", "lte", "eq", "neq", "gte", "gt"];
  if (type === "single_choice") return ["eq", "neq"];
  if (type === "multiple_choice") return ["includes"];
  return [];
}

/** Questions before `index` that skip logic at `index` may refer to. */
export function showIfSources(questions: Question[], index: number): Question[] {
  return questions.slice(0, Math.max(0, index)).filter((q) => opsFor(q.type).length > 0);
}

/** A condition that can still be evaluated: its source comes earlier and supports the operator. */
export function showIfValid(questions: Question[], index: number): boolean {
  const showIf = questions[index]?.showIf;
  if (!showIf) return true;
  const source = showIfSources(questions, index).find((q) => q.id === showIf.questionId);
  if (!source || !opsFor(source.type).includes(showIf.op)) return false;
  if (isChoiceType(source.type)) return (source.options ?? []).some((o) => o.id === showIf.value);
  const scale = scaleOf(source);
  return (
    typeof showIf.value === "number" &&
    scale !== null &&
    showIf.value >= scale.min &&
    showIf.value <= scale.max
  );
}

/** Moves one question; a move may break skip logic, which `definitionIssues` then reports. */
export function moveQuestion(questions: Question[], index: number, delta: -1 | 1): Question[] {
  const target = index + delta;
  if (index < 0 || index >= questions.length || target < 0 || target >= questions.length) return questions;
  const next = [...questions];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(target, 0, moved);
  return next;
}

/** Removes a question and every condition that referred to it (those questions then always show). */
export function removeQuestion(questions: Question[], id: string): Question[] {
  return questions
    .filter((q) => q.id !== id)
    .map((q) => {
      if (q.showIf?.questionId !== id) return q;
      const { showIf: _dropped, ...rest } = q;
      return rest;
    });
}

/** Renames a question id, following every condition that referred to it. */
export function renameQuestion(questions: Question[], from: string, to: string): Question[] {
  return questions.map((q) => ({
    ...q,
    id: q.id === from ? to : q.id,
    ...(q.showIf?.questionId === from ? { showIf: { ...q.showIf, questionId: to } } : {}),
  }));
}

export type IssueCode =
  | "id_invalid"
  | "id_duplicate"
  | "text_missing"
  | "options_too_few"
  | "option_label_missing"
  | "show_if_invalid"
  | "scale_invalid";

export interface DefinitionIssue {
  /** `null` for survey-level texts. */
  questionId: string | null;
  index: number;
  code: IssueCode;
}

const hasText = (text: Partial<Record<Locale, string>> | undefined, language: Locale) =>
  Boolean(text?.[language]?.trim());

/** What the server would refuse, found before saving so the editor can point at the question. */
export function definitionIssues(definition: SurveyDefinition, language: Locale): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  if (!hasText(definition.title, language))
    issues.push({ questionId: null, index: -1, code: "text_missing" });
  const seen = new Set<string>();
  definition.questions.forEach((q, index) => {
    const at = (code: IssueCode) => issues.push({ questionId: q.id, index, code });
    if (!ID_PATTERN.test(q.id)) at("id_invalid");
    else if (seen.has(q.id)) at("id_duplicate");
    seen.add(q.id);
    if (!hasText(q.text, language) && q.type !== "ces") at("text_missing");
    if (isChoiceType(q.type)) {
      const options = q.options ?? [];
      if (options.length < 2) at("options_too_few");
      if (options.some((o) => !hasText(o.label, language))) at("option_label_missing");
    }
    if (q.type === "rating" && !validScale(q.scale)) at("scale_invalid");
    if (!showIfValid(definition.questions, index)) at("show_if_invalid");
  });
  return issues;
}

export const validScale = (scale: Scale | undefined) =>
  Boolean(
    scale &&
      Number.isInteger(scale.min) &&
      Number.isInteger(scale.max) &&
      scale.min >= 0 &&
      scale.max <= 10 &&
      scale.min < scale.max,
  );

/** Drops empty texts so optional translations are left out rather than sent as "". */
export function cleanDefinition(definition: SurveyDefinition): SurveyDefinition {
  const clean = <T extends Partial<Record<Locale, string>> | undefined>(text: T) => {
    if (!text) return text;
    const out: Partial<Record<Locale, string>> = {};
    for (const [k, v] of Object.entries(text) as [Locale, string | undefined][]) {
      if (v?.trim()) out[k] = v.trim();
    }
    return out;
  };
  const intro = clean(definition.intro);
  return {
    ...definition,
    title: clean(definition.title) ?? {},
    thankYou: clean(definition.thankYou) ?? {},
    ...(intro && Object.keys(intro).length > 0 ? { intro } : { intro: undefined }),
    questions: definition.questions.map((q) => {
      const scale = q.scale
        ? {
            min: q.scale.min,
            max: q.scale.max,
            ...(Object.keys(clean(q.scale.minLabel) ?? {}).length
              ? { minLabel: clean(q.scale.minLabel) }
              : {}),
            ...(Object.keys(clean(q.scale.maxLabel) ?? {}).length
              ? { maxLabel: clean(q.scale.maxLabel) }
              : {}),
          }
        : undefined;
      return {
        ...q,
        text: clean(q.text) ?? {},
        ...(scale ? { scale } : {}),
        ...(q.options ? { options: q.options.map((o) => ({ ...o, label: clean(o.label) ?? {} })) } : {}),
      };
    }),
  };
}

import { AppError, type FieldError } from "../errors.js";
import {
  CES_DEFAULT_TEXT,
  LANGUAGES,
  type TLanguage,
  type TLocalizedText,
  type TSurveyDefinition,
} from "./surveys.schema.js";

const missing = (pointer: string, language: TLanguage): FieldError => ({
  pointer,
  code: "required",
  message: `a text in the default language "${language}" is required`,
});

const has = (text: TLocalizedText | undefined, language: TLanguage) => Boolean(text?.[language]);

/**
 * The stored form of a definition: CES questions without text get the CES 2.0 wording, and every
 * text a respondent sees must exist in the survey's default language (the fallback for any other).
 */
export function prepareDefinition(
  definition: TSurveyDefinition,
  defaultLanguage: TLanguage,
  base = "/body/definition",
): TSurveyDefinition {
  const errors: FieldError[] = [];
  if (!has(definition.title, defaultLanguage)) errors.push(missing(`${base}/title`, defaultLanguage));
  if (!has(definition.thankYou, defaultLanguage)) errors.push(missing(`${base}/thankYou`, defaultLanguage));
  const questions = definition.questions.map((q, i) => {
    const at = `${base}/questions/${i}`;
    const emptyText = !LANGUAGES.some((l) => has(q.text, l));
    const text = q.type === "ces" && emptyText ? { ...CES_DEFAULT_TEXT } : q.text;
    if (!has(text, defaultLanguage)) errors.push(missing(`${at}/text`, defaultLanguage));
    q.options?.forEach((o, j) => {
      if (!has(o.label, defaultLanguage)) errors.push(missing(`${at}/options/${j}/label`, defaultLanguage));
    });
    return { ...q, text };
  });
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
      errors,
    });
  return { ...definition, questions };
}

/** The languages a definition is written in: those its title has, the default first. */
export function definitionLanguages(definition: TSurveyDefinition, defaultLanguage: TLanguage): TLanguage[] {
  return [defaultLanguage, ...LANGUAGES.filter((l) => l !== defaultLanguage && has(definition.title, l))];
}

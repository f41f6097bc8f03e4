import { z } from "zod";
import { ZPageQuery } from "../pagination.js";

export const LANGUAGES = ["de", "en"] as const;
export const ZLanguage = z.enum(LANGUAGES);
export type TLanguage = z.infer<typeof ZLanguage>;

export const SURVEY_STATUSES = ["draft", "active", "closed"] as const;
export const ZSurveyStatus = z.enum(SURVEY_STATUSES);

export const QUESTION_TYPES = [
  "nps",
  "csat",
  "ces",
  "rating",
  "single_choice",
  "multiple_choice",
  "text",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const RATING_TYPES: readonly QuestionType[] = ["nps", "csat", "ces", "rating"];
export const CHOICE_TYPES: readonly QuestionType[] = ["single_choice", "multiple_choice"];

/** Fixed scales; `rating` brings its own (1–5 when absent). */
export const FIXED_SCALES: Partial<Record<QuestionType, { min: number; max: number }>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

/** CES 2.0 agreement statement, used when a CES question comes without text. */
export const CES_DEFAULT_TEXT = {
  de: "{Unternehmen} hat es mir leicht gemacht, mein Anliegen zu erledigen.",
  en: "{Company} made it easy for me to handle my issue.",
};

export const MAX_TEXT_ANSWER = 5000;
const ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const ID_MESSAGE = "lowercase letters, digits and _, starting with a letter, at most 40 characters";

export const ZLocalizedText = z.strictObject({
  de: z.string().trim().max(2000).optional(),
  en: z.string().trim().max(2000).optional(),
});
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

const ZId = z.string().regex(ID_PATTERN, ID_MESSAGE);

export const ZScale = z.strictObject({
  min: z.number().int().min(0).max(10),
  max: z.number().int().min(0).max(10),
  minLabel: ZLocalizedText.optional(),
  maxLabel: ZLocalizedText.optional(),
});

export const SHOW_IF_OPS = ["lt", "lte", "eq", "neq", "gte", "gt", "includes"] as const;
export type ShowIfOp = (typeof SHOW_IF_OPS)[number];

export const ZShowIf = z.strictObject({
  questionId: ZId,
  op: z.enum(SHOW_IF_OPS),
  value: z.union([z.number(), z.string().max(200)]),
});

export const ZQuestion = z.strictObject({
  id: ZId,
  type: z.enum(QUESTION_TYPES),
  text: ZLocalizedText.default({}),
  required: z.boolean().default(false),
  scale: ZScale.optional(),
  options: z
    .array(z.strictObject({ id: ZId, label: ZLocalizedText }))
    .min(2)
    .max(30)
    .optional(),
  showIf: ZShowIf.optional(),
});
export type TQuestion = z.infer<typeof ZQuestion>;

type Issue = { path: (string | number)[]; message: string };

/** The scale a rating-type question answers on. */
export function scaleOf(q: Pick<TQuestion, "type" | "scale">): { min: number; max: number } {
  return FIXED_SCALES[q.type] ?? { min: q.scale?.min ?? 1, max: q.scale?.max ?? 5 };
}

/** What a `showIf` may compare against the question it refers to. */
function showIfIssues(target: TQuestion, showIf: NonNullable<TQuestion["showIf"]>): string | undefined {
  const { op, value } = showIf;
  if (RATING_TYPES.includes(target.type)) {
    if (op === "includes") return `"includes" applies to multiple choice questions only`;
    if (typeof value !== "number") return "compare a rating question with a number";
    return undefined;
  }
  if (target.type === "multiple_choice") {
    if (op !== "includes") return `a multiple choice question is tested with "includes"`;
  } else if (op !== "eq" && op !== "neq") return `a ${target.type} question is tested with "eq" or "neq"`;
  if (typeof value !== "string") return "compare with an option id (a string)";
  if (CHOICE_TYPES.includes(target.type) && !target.options?.some((o) => o.id === value))
    return `"${value}" is not an option of question "${target.id}"`;
  return undefined;
}

function questionIssues(q: TQuestion, i: number, earlier: Map<string, TQuestion>): Issue[] {
  const at = (...path: (string | number)[]) => ["questions", i, ...path];
  const issues: Issue[] = [];
  if (earlier.has(q.id)) issues.push({ path: at("id"), message: `the id "${q.id}" is used twice` });
  const isChoice = CHOICE_TYPES.includes(q.type);
  if (isChoice && !q.options)
    issues.push({ path: at("options"), message: "a choice question needs options" });
  if (!isChoice && q.options)
    issues.push({ path: at("options"), message: "options belong to choice questions only" });
  const optionIds = new Set<string>();
  q.options?.forEach((o, j) => {
    if (optionIds.has(o.id))
      issues.push({ path: at("options", j, "id"), message: `the option id "${o.id}" is used twice` });
    optionIds.add(o.id);
  });
  if (q.scale) {
    const fixed = FIXED_SCALES[q.type];
    if (!RATING_TYPES.includes(q.type))
      issues.push({ path: at("scale"), message: "a scale belongs to rating questions only" });
    else if (fixed && (q.scale.min !== fixed.min || q.scale.max !== fixed.max))
      issues.push({ path: at("scale"), message: `${q.type} is fixed at ${fixed.min}–${fixed.max}` });
    else if (q.scale.min >= q.scale.max)
      issues.push({ path: at("scale", "max"), message: "max must be greater than min" });
  }
  if (q.showIf) {
    const target = earlier.get(q.showIf.questionId);
    const problem = target
      ? showIfIssues(target, q.showIf)
      : `"${q.showIf.questionId}" is not an earlier question`;
    if (problem) issues.push({ path: at("showIf"), message: problem });
  }
  return issues;
}

export const ZSurveyDefinition = z
  .strictObject({
    schemaVersion: z.literal(1),
    title: ZLocalizedText,
    intro: ZLocalizedText.optional(),
    thankYou: ZLocalizedText,
    questions: z.array(ZQuestion).min(1).max(50),
  })
  .superRefine((def, ctx) => {
    const earlier = new Map<string, TQuestion>();
    def.questions.forEach((q, i) => {
      for (const issue of questionIssues(q, i, earlier)) ctx.addIssue({ code: "custom", ...issue });
      if (!earlier.has(q.id)) earlier.set(q.id, q);
    });
  });
export type TSurveyDefinition = z.infer<typeof ZSurveyDefinition>;
export type TSurveyDefinitionInput = z.input<typeof ZSurveyDefinition>;

export const WIDGET_POSITIONS = ["bottom-right", "bottom-left", "center"] as const;
export const ZSurveySettings = z.strictObject({
  widget: z
    .strictObject({
      position: z.enum(WIDGET_POSITIONS),
      delaySeconds: z.number().int().min(0).max(3600),
    })
    .optional(),
});
export type TSurveySettings = z.infer<typeof ZSurveySettings>;

export const ZCreateSurvey = z.strictObject({
  name: z.string().trim().min(1).max(200),
  defaultLanguage: ZLanguage.default("de"),
  definition: ZSurveyDefinition,
  touchpointId: z.uuid().nullable().optional(),
  journeyId: z.uuid().nullable().optional(),
  stepId: z.uuid().nullable().optional(),
  status: ZSurveyStatus.default("draft"),
  settings: ZSurveySettings.default({}),
});
export type TCreateSurvey = z.infer<typeof ZCreateSurvey>;

export const ZUpdateSurvey = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  defaultLanguage: ZLanguage.optional(),
  definition: ZSurveyDefinition.optional(),
  touchpointId: z.uuid().nullable().optional(),
  journeyId: z.uuid().nullable().optional(),
  stepId: z.uuid().nullable().optional(),
  status: ZSurveyStatus.optional(),
  settings: ZSurveySettings.optional(),
  /** The version the change is based on; a mismatch is a 409. */
  version: z.number().int().min(1).optional(),
});
export type TUpdateSurvey = z.infer<typeof ZUpdateSurvey>;

export const ZSurvey = z.object({
  id: z.string(),
  name: z.string(),
  status: ZSurveyStatus,
  defaultLanguage: ZLanguage,
  definition: ZSurveyDefinition,
  touchpointId: z.string().nullable(),
  journeyId: z.string().nullable(),
  stepId: z.string().nullable(),
  settings: ZSurveySettings,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  responseCount: z.number().int(),
});
export type TSurvey = z.infer<typeof ZSurvey>;

export const ZSurveyListQuery = ZPageQuery.extend({
  status: ZSurveyStatus.optional(),
  /** Case-insensitive search in the name. */
  q: z.string().max(200).optional(),
  touchpointId: z.uuid().optional(),
  journeyId: z.uuid().optional(),
});
export type TSurveyListQuery = z.infer<typeof ZSurveyListQuery>;

export const SURVEY_EXPORT_FORMAT = "journeylens.survey";
export const ZSurveyExport = z.strictObject({
  format: z.literal(SURVEY_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  survey: z.strictObject({
    name: z.string().trim().min(1).max(200),
    defaultLanguage: ZLanguage,
    definition: ZSurveyDefinition,
    settings: ZSurveySettings.default({}),
    touchpointKey: z.string().max(80).nullable().default(null),
  }),
});
export type TSurveyExport = z.infer<typeof ZSurveyExport>;

export const ZSurveyPreferences = z.strictObject({
  /** At most one invitation per customer within this many days, across all surveys; 0 = no rule. */
  fatigueDays: z.number().int().min(0).max(365),
});
export type TSurveyPreferences = z.infer<typeof ZSurveyPreferences>;

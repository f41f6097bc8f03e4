import { z } from "zod";
import { ZHiddenFields } from "./links.schema.js";
import { ZLanguage, ZSurveyDefinition, ZSurveySettings } from "./surveys.schema.js";

/** Answers by question id; `null` removes an answer. Types are checked against the definition. */
export const ZAnswersInput = z
  .record(z.string().max(40), z.unknown())
  .refine((r) => Object.keys(r).length <= 50, "at most 50 answers");

export const ZPublicSurveyQuery = z.object({
  /** The token of a personal link. */
  t: z.string().max(200).optional(),
  /** Preferred language; the survey's default when it has no texts in it. */
  lang: z.string().max(35).optional(),
});

export const ZPublicSurvey = z.object({
  id: z.string(),
  language: ZLanguage,
  languages: z.array(ZLanguage),
  definition: ZSurveyDefinition,
  settings: ZSurveySettings,
  link: z.object({ customerId: z.string().optional() }).optional(),
});
export type TPublicSurvey = z.infer<typeof ZPublicSurvey>;

export const ZCreateResponse = z.strictObject({
  /** Made by the client once per submission: a repeated submit is recognised, not stored twice. */
  submissionId: z.uuid(),
  answers: ZAnswersInput,
  finished: z.boolean().default(true),
  language: ZLanguage.optional(),
  token: z.string().max(200).optional(),
  /** Context from the host page (the widget's `data-hidden-*`), stored under `metadata.context`. */
  hidden: ZHiddenFields.optional(),
  /** Honeypot: people leave it empty; a filled one flags the response. */
  website: z.string().max(2000).optional(),
  pageUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});
export type TCreateResponse = z.infer<typeof ZCreateResponse>;

export const ZCreatedResponse = z.object({ id: z.string(), editToken: z.string(), finished: z.boolean() });
export type TCreatedResponse = z.infer<typeof ZCreatedResponse>;

export const ZUpdateResponse = z.strictObject({
  answers: ZAnswersInput.optional(),
  finished: z.boolean().optional(),
});
export type TUpdateResponse = z.infer<typeof ZUpdateResponse>;

export const ZUpdatedResponse = z.object({ id: z.string(), finished: z.boolean() });
export type TUpdatedResponse = z.infer<typeof ZUpdatedResponse>;

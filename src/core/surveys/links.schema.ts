import { z } from "zod";
import { ZLanguage } from "./surveys.schema.js";

export const HIDDEN_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
export const MAX_HIDDEN_FIELDS = 20;
export const MAX_HIDDEN_VALUE = 500;

export const ZHiddenFields = z
  .record(
    z.string().regex(HIDDEN_KEY, "letters, digits, _ . -, starting with a letter, at most 64 characters"),
    z.string().max(MAX_HIDDEN_VALUE),
  )
  .refine((r) => Object.keys(r).length <= MAX_HIDDEN_FIELDS, `at most ${MAX_HIDDEN_FIELDS} fields`);

export const ZCreateLink = z.strictObject({
  customerId: z.string().trim().min(1).max(255).optional(),
  hidden: ZHiddenFields.optional(),
  language: ZLanguage.optional(),
  singleUse: z.boolean().default(true),
  expiresAt: z.iso
    .datetime({ offset: true })
    .refine((s) => Date.parse(s) > Date.now(), "must lie in the future")
    .optional(),
});
export type TCreateLink = z.infer<typeof ZCreateLink>;

export const ZLink = z.object({
  id: z.string(),
  surveyId: z.string(),
  customerId: z.string().nullable(),
  hidden: z.record(z.string(), z.string()),
  language: ZLanguage.nullable(),
  singleUse: z.boolean(),
  expiresAt: z.string().nullable(),
  usedAt: z.string().nullable(),
  invitationId: z.string().nullable(),
  createdAt: z.string(),
});
export type TLink = z.infer<typeof ZLink>;

/** A new link: the token and the URL holding it are shown this once; only a hash is stored. */
export const ZCreatedLink = ZLink.extend({ token: z.string(), url: z.string() });
export type TCreatedLink = z.infer<typeof ZCreatedLink>;

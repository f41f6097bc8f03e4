import { z } from "zod";
import { KEY_MESSAGE, KEY_PATTERN } from "../keys.js";
import { ZPageQuery } from "../pagination.js";
import { ZChannel } from "../touchpoints/touchpoints.schema.js";

const ZItems = z.array(z.string().trim().min(1).max(500)).max(50);

export const ZCreatePersona = z.object({
  /** Derived from the name when omitted. */
  key: z.string().regex(KEY_PATTERN, KEY_MESSAGE).optional(),
  name: z.string().trim().min(1).max(120),
  quote: z.string().max(500).optional(),
  description: z.string().max(5000).optional(),
  /** Default: a colour derived from the name, the same every time. */
  avatarColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "a colour as #rrggbb")
    .optional(),
  goals: ZItems.optional(),
  needs: ZItems.optional(),
  frustrations: ZItems.optional(),
  channels: z.array(ZChannel).max(20).optional(),
  /** An expression over customer traits, e.g. `plan = "business" and tenure_months >= 24`. */
  segmentRule: z.string().trim().max(2000).nullable().optional(),
});
export type TCreatePersona = z.infer<typeof ZCreatePersona>;

export const ZUpdatePersona = ZCreatePersona.partial();
export type TUpdatePersona = z.infer<typeof ZUpdatePersona>;

export const ZPersona = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  quote: z.string(),
  description: z.string(),
  avatarColor: z.string(),
  initials: z.string(),
  goals: z.array(z.string()),
  needs: z.array(z.string()),
  frustrations: z.array(z.string()),
  channels: z.array(z.string()),
  segmentRule: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPersona = z.infer<typeof ZPersona>;

export const ZPersonaListQuery = ZPageQuery.extend({
  /** Case-insensitive search in name, key, quote and description. */
  q: z.string().max(200).optional(),
});
export type TPersonaListQuery = z.infer<typeof ZPersonaListQuery>;

/** An import is what the export gave: persona objects (read-only fields are ignored). */
export const ZPersonaImport = z.array(ZCreatePersona).max(1000);
export type TPersonaImport = z.infer<typeof ZPersonaImport>;

export const ZPersonaImportQuery = z.object({ dryRun: z.enum(["true", "false"]).default("false") });

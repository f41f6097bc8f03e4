import { z } from "zod";
import { ZEventMatcher } from "../expressions/validate.js";
import { KEY_MESSAGE, KEY_PATTERN } from "../keys.js";
import { ZPageQuery } from "../pagination.js";

/** Suggested channels; any other lowercase identifier is accepted too (the list is extensible). */
export const CHANNELS = [
  "web",
  "app",
  "email",
  "phone",
  "chat",
  "store",
  "field_service",
  "letter",
  "social",
  "billing",
  "delivery",
  "other",
] as const;
export const CHANNEL_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const KINDS = ["direct", "indirect", "hidden"] as const;
export const TOUCHPOINT_SORTS = [
  "name",
  "-name",
  "channel",
  "kind",
  "department",
  "updatedAt",
  "-updatedAt",
] as const;

export const ZKey = z.string().regex(KEY_PATTERN, KEY_MESSAGE);
export const ZChannel = z
  .string()
  .regex(CHANNEL_PATTERN, "lowercase letters, digits and _, starting with a letter, at most 40 characters");
export const ZKind = z.enum(KINDS);
export const ZDepartment = z.string().trim().max(80);
export const ZTag = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^,]+$/, "a tag cannot contain a comma");
/** The owner's self-assessment on the customer's 1–5 scale, with one decimal. */
export const ZRatingValue = z
  .number()
  .min(1)
  .max(5)
  .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, "at most one decimal");

export const ZOwnerInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user"), userId: z.uuid() }),
  z.object({
    type: z.literal("team"),
    // Files name owners by e-mail or team name, so a team name cannot look like an e-mail.
    name: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .regex(/^[^@]+$/, "a team name cannot contain @"),
  }),
]);
export type TOwnerInput = z.infer<typeof ZOwnerInput>;

export const ZOwner = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user"), userId: z.string(), name: z.string() }),
  z.object({ type: z.literal("team"), name: z.string() }),
]);

export const ZCreateTouchpoint = z.object({
  /** Derived from the name when omitted. */
  key: ZKey.optional(),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  /** Default `other`. */
  channel: ZChannel.optional(),
  /** Default `direct`. */
  kind: ZKind.optional(),
  department: ZDepartment.nullable().optional(),
  owner: ZOwnerInput.nullable().optional(),
  tags: z.array(ZTag).max(50).optional(),
  signature: z.boolean().optional(),
  /** Who assessed it and when are set by the server. */
  internalRating: ZRatingValue.nullable().optional(),
  eventMatchers: z.array(ZEventMatcher).max(50).optional(),
});
export type TCreateTouchpoint = z.infer<typeof ZCreateTouchpoint>;

export const ZUpdateTouchpoint = ZCreateTouchpoint.partial();
export type TUpdateTouchpoint = z.infer<typeof ZUpdateTouchpoint>;

export const ZTouchpoint = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  channel: z.string(),
  kind: ZKind,
  department: z.string().nullable(),
  owner: ZOwner.nullable(),
  tags: z.array(z.string()),
  signature: z.boolean(),
  internalRating: z
    .object({
      value: z.number(),
      assessedBy: z.object({ userId: z.string(), name: z.string() }).nullable(),
      assessedAt: z.string(),
    })
    .nullable(),
  eventMatchers: z.array(z.object({ event: z.string(), where: z.string().optional() })),
  usedBy: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTouchpoint = z.infer<typeof ZTouchpoint>;

export const ZTouchpointListQuery = ZPageQuery.extend({
  channel: z.string().max(40).optional(),
  kind: ZKind.optional(),
  department: z.string().max(80).optional(),
  /** A member's user id, or a team name. */
  owner: z.string().max(120).optional(),
  tag: z.string().max(60).optional(),
  signature: z.enum(["true", "false"]).optional(),
  /** Case-insensitive search in name, key and description. */
  q: z.string().max(200).optional(),
  sort: z.enum(TOUCHPOINT_SORTS).default("name"),
});
export type TTouchpointListQuery = z.infer<typeof ZTouchpointListQuery>;

export const ZBulkEditTouchpoints = z.object({
  ids: z.array(z.uuid()).min(1).max(500),
  set: z
    .object({
      channel: ZChannel.optional(),
      kind: ZKind.optional(),
      department: ZDepartment.nullable().optional(),
      owner: ZOwnerInput.nullable().optional(),
      signature: z.boolean().optional(),
      addTags: z.array(ZTag).max(50).optional(),
      removeTags: z.array(ZTag).max(50).optional(),
    })
    .refine((s) => Object.values(s).some((v) => v !== undefined), "set at least one field"),
});
export type TBulkEditTouchpoints = z.infer<typeof ZBulkEditTouchpoints>;

export const FILE_FORMATS = ["csv", "xlsx", "json"] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const ZImportQuery = z.object({
  /** Taken from the Content-Type when omitted. */
  format: z.enum(FILE_FORMATS).optional(),
  dryRun: z.enum(["true", "false"]).default("false"),
});

export const ZImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZExportQuery = z.object({ format: z.enum(FILE_FORMATS).default("json") });

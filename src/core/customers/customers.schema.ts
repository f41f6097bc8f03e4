import { z } from "zod";
import { ZPageQuery } from "../pagination.js";

const ZJsonRecord = z.record(z.string(), z.unknown());

/** A distinct id as shown: hashed kinds (email, phone) as their kind only, `value` null. */
export const ZDistinctId = z.object({
  kind: z.enum(["user", "anon", "email", "phone", "crm"]),
  value: z.string().nullable(),
});

export const ZCustomerSummary = z.object({
  id: z.uuid(),
  distinctIds: z.array(ZDistinctId),
  traits: ZJsonRecord,
  firstSeen: z.string(),
  lastSeen: z.string(),
});
export type TCustomerSummary = z.infer<typeof ZCustomerSummary>;

export const ZCustomer = ZCustomerSummary.extend({
  /** The latest 50 trait changes, newest first. */
  traitHistory: z.array(
    z.object({
      trait: z.string(),
      value: z.unknown(),
      changedAt: z.string(),
      messageId: z.string().nullable(),
    }),
  ),
  /** Event channels (`context.channel`) and feedback channels, sorted. */
  channels: z.array(z.string()),
  /** Personas whose segment rule matches the traits. */
  personas: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The latest known `context.consent.categoryPreferences`, else null. */
  consent: ZJsonRecord.nullable(),
  /** Customers merged into this one. */
  mergedFrom: z.array(z.uuid()),
});
export type TCustomer = z.infer<typeof ZCustomer>;

export const ZCustomerListQuery = ZPageQuery.extend({
  /** A user/anonymous/CRM id (prefix), an e-mail address (exact, hashed), or text in the traits. */
  q: z.string().trim().min(1).max(200).optional(),
});
export type TCustomerListQuery = z.infer<typeof ZCustomerListQuery>;

export const ZTimelineItem = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("event"),
    id: z.string(),
    at: z.string(),
    type: z.string(),
    /** The track event's name, or the page/screen name. */
    name: z.string(),
    channel: z.string().nullable(),
    properties: ZJsonRecord,
  }),
  z.object({
    kind: z.literal("feedback"),
    id: z.uuid(),
    at: z.string(),
    channel: z.string(),
    feedbackKind: z.string(),
    title: z.string().nullable(),
    text: z.string(),
    scoreBand: z.string().nullable(),
  }),
]);
export type TTimelineItem = z.infer<typeof ZTimelineItem>;

export const ZTimelineQuery = ZPageQuery;
export type TTimelineQuery = z.infer<typeof ZTimelineQuery>;

import { z } from "zod";
import { ZEventMatcher } from "../expressions/validate.js";
import { ZPageQuery } from "../pagination.js";
import { ZLocalizedText } from "./surveys.schema.js";

export const TRIGGER_CHANNELS = ["webhook", "email"] as const;
export const INVITATION_STATUSES = [
  "scheduled",
  "sent",
  "failed",
  "suppressed_fatigue",
  "suppressed_sampling",
] as const;
export const MAX_DELAY_SECONDS = 30 * 24 * 3600;

/**
 * Webhook receiver, or a mail relay endpoint taking `{ to, subject, text, html }`. An e-mail trigger
 * without a URL sends through the workspace's SMTP server (docs/api/act.md, "E-mail").
 */
export const ZTriggerTarget = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /** E-mail subject per language; a default naming the survey otherwise. */
  subject: ZLocalizedText.optional(),
});

const fields = {
  name: z.string().trim().min(1).max(200),
  matcher: ZEventMatcher,
  delaySeconds: z.number().int().min(0).max(MAX_DELAY_SECONDS),
  channel: z.enum(TRIGGER_CHANNELS),
  target: ZTriggerTarget,
  /** Share of matching events that get an invitation, decided per (trigger, customer, event). */
  sampleRate: z.number().gt(0).max(1),
  enabled: z.boolean(),
};

export const ZCreateTrigger = z
  .strictObject({
    ...fields,
    delaySeconds: fields.delaySeconds.default(0),
    sampleRate: fields.sampleRate.default(1),
    enabled: fields.enabled.default(true),
  })
  .refine((t) => t.channel !== "webhook" || t.target.url !== undefined, {
    path: ["target", "url"],
    message: "a webhook trigger needs target.url (only e-mail triggers may send through SMTP)",
  });
export type TCreateTrigger = z.infer<typeof ZCreateTrigger>;

export const ZUpdateTrigger = z.strictObject({
  name: fields.name.optional(),
  matcher: fields.matcher.optional(),
  delaySeconds: fields.delaySeconds.optional(),
  channel: fields.channel.optional(),
  target: fields.target.optional(),
  sampleRate: fields.sampleRate.optional(),
  enabled: fields.enabled.optional(),
});
export type TUpdateTrigger = z.infer<typeof ZUpdateTrigger>;

export const ZTrigger = z.object({
  id: z.string(),
  surveyId: z.string(),
  name: z.string(),
  matcher: z.object({ event: z.string(), where: z.string().optional() }),
  delaySeconds: z.number().int(),
  channel: z.enum(TRIGGER_CHANNELS),
  /** `secret` is the full `whsec_` secret in the create response only, masked everywhere else. */
  target: ZTriggerTarget.extend({ secret: z.string() }),
  sampleRate: z.number(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTrigger = z.infer<typeof ZTrigger>;

const ZId = z.string().trim().min(1).max(255);
export const ZFireEvent = z
  .strictObject({
    messageId: ZId,
    event: ZEventMatcher.shape.event,
    userId: ZId.optional(),
    anonymousId: ZId.optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
    traits: z.record(z.string(), z.unknown()).optional(),
    timestamp: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((e) => e.userId !== undefined || e.anonymousId !== undefined, {
    message: "an invitation needs a customer: send userId or anonymousId",
    path: ["userId"],
  });
export type TFireEvent = z.infer<typeof ZFireEvent>;

export const ZFireEvents = z.strictObject({ events: z.array(ZFireEvent).min(1).max(100) });

export const ZFiredInvitation = z.object({
  triggerId: z.string(),
  eventId: z.string(),
  customerId: z.string(),
  status: z.enum(INVITATION_STATUSES),
  invitationId: z.string(),
});
export type TFiredInvitation = z.infer<typeof ZFiredInvitation>;

export const ZInvitation = z.object({
  id: z.string(),
  surveyId: z.string(),
  triggerId: z.string().nullable(),
  customerId: z.string(),
  eventId: z.string(),
  eventName: z.string(),
  status: z.enum(INVITATION_STATUSES),
  linkId: z.string().nullable(),
  scheduledFor: z.string().nullable(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type TInvitation = z.infer<typeof ZInvitation>;

export const ZInvitationListQuery = ZPageQuery.extend({ status: z.enum(INVITATION_STATUSES).optional() });
export type TInvitationListQuery = z.infer<typeof ZInvitationListQuery>;

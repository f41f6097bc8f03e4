import { z } from "zod";
import { ZPageQuery } from "../pagination.js";
import { WEBHOOK_EVENT_TYPES } from "./emit-event.js";

export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

export const ZWebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(ZWebhookEventType),
  enabled: z.boolean(),
  /** Why the endpoint was disabled (by a person, or automatically on 410 Gone). */
  disabledReason: z.string().nullable(),
  allowPrivate: z.boolean(),
  /** The signing secret, masked (`whsec_…abcd`); shown in full only on create and rotate. */
  secretHint: z.string(),
  /** Until then the previous secret signs alongside the current one (after a rotation). */
  previousSecretExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TWebhookEndpoint = z.infer<typeof ZWebhookEndpoint>;

/** Create and rotate answer the secret once. */
export const ZWebhookEndpointWithSecret = ZWebhookEndpoint.extend({ secret: z.string() });
export type TWebhookEndpointWithSecret = z.infer<typeof ZWebhookEndpointWithSecret>;

const ZUrl = z.string().trim().min(1).max(2000);
const ZDescription = z.string().trim().max(500);
const ZEventTypes = z.array(ZWebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length);

export const ZCreateWebhookEndpoint = z.object({
  url: ZUrl,
  description: ZDescription.default(""),
  eventTypes: ZEventTypes,
  enabled: z.boolean().default(true),
  /** Reach a private or loopback address; only honoured when the workspace allows private targets. */
  allowPrivate: z.boolean().default(false),
});
export type TCreateWebhookEndpoint = z.infer<typeof ZCreateWebhookEndpoint>;

export const ZUpdateWebhookEndpoint = z.object({
  url: ZUrl.optional(),
  description: ZDescription.optional(),
  eventTypes: ZEventTypes.optional(),
  enabled: z.boolean().optional(),
  allowPrivate: z.boolean().optional(),
});
export type TUpdateWebhookEndpoint = z.infer<typeof ZUpdateWebhookEndpoint>;

export const ZWebhookSettings = z.object({
  /** Endpoints flagged `allowPrivate` may reach private and loopback addresses. Owners only. */
  allowPrivateTargets: z.boolean(),
});
export type TWebhookSettings = z.infer<typeof ZWebhookSettings>;

export const ZWebhookAttempt = z.object({
  attempt: z.number().int(),
  trigger: z.enum(["auto", "replay", "test"]),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  succeeded: z.boolean(),
  createdAt: z.string(),
});
export type TWebhookAttempt = z.infer<typeof ZWebhookAttempt>;

export const ZWebhookDelivery = z.object({
  /** The `webhook-id` header: the same on every retry and replay, so receivers can deduplicate. */
  id: z.string(),
  endpointId: z.string(),
  eventType: z.string(),
  payload: z.unknown(),
  status: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  test: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  attemptLog: z.array(ZWebhookAttempt),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

export const ZWebhookDeliveryQuery = ZPageQuery.extend({
  status: z.enum(["pending", "succeeded", "failed"]).optional(),
});
export type TWebhookDeliveryQuery = z.infer<typeof ZWebhookDeliveryQuery>;

export const ZWebhookTest = z.object({
  /** Which event's example to send; the endpoint's first event type when omitted. */
  eventType: ZWebhookEventType.optional(),
});
export type TWebhookTest = z.infer<typeof ZWebhookTest>;

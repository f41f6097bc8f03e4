import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import { uuidv7 } from "../ids.js";

/** The outbox topic whose handler fans an event out into one delivery per subscribed endpoint. */
export const WEBHOOK_EVENT_TOPIC = "webhooks.event";

export const WEBHOOK_EVENT_TYPES = [
  "case.created",
  "case.assigned",
  "case.sla_breached",
  "case.resolved",
  "response.finished",
  "feedback.created",
  "alert.fired",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEventInput {
  workspaceId: string;
  type: WebhookEventType;
  /** The event's object (JSON); receivers get it as `data`. */
  data: Record<string, unknown>;
  /** When it happened; now when omitted. */
  occurredAt?: Date;
}

/** The outbox payload of `webhooks.event`; rows enqueued directly may omit `occurredAt`. */
export interface WebhookEventPayload {
  type: string;
  data: unknown;
  occurredAt?: string;
}

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Whether any enabled endpoint of the workspace subscribes to the type (nothing to queue otherwise);
 * lets callers skip building an event's data.
 */
export async function hasWebhookSubscriber(
  db: Executor,
  workspaceId: string,
  type: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("webhook_endpoints")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("enabled", "=", true)
    .where(sql<boolean>`event_types @> jsonb_build_array(${type}::text)`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records a webhook event inside the caller's transaction: it exists exactly when the business write
 * commits, and the outbox worker delivers it later (nothing is sent from inside the transaction).
 * Endpoints receive events that occur after they were created; without a subscriber nothing is queued.
 */
export async function emitWebhookEvent(trx: Executor, event: WebhookEventInput): Promise<void> {
  await emitWebhookEvents(trx, event.workspaceId, event.type, [event]);
}

/** Many events of one type at once (e.g. a feedback import), in chunks of one insert each. */
export async function emitWebhookEvents(
  trx: Executor,
  workspaceId: string,
  type: WebhookEventType,
  events: readonly Pick<WebhookEventInput, "data" | "occurredAt">[],
): Promise<void> {
  if (events.length === 0 || !(await hasWebhookSubscriber(trx, workspaceId, type))) return;
  const now = new Date();
  for (let i = 0; i < events.length; i += 500) {
    await trx
      .insertInto("outbox")
      .values(
        events.slice(i, i + 500).map((e) => ({
          id: uuidv7(),
          workspace_id: workspaceId,
          topic: WEBHOOK_EVENT_TOPIC,
          payload: JSON.stringify({
            type,
            data: e.data,
            occurredAt: (e.occurredAt ?? now).toISOString(),
          } satisfies WebhookEventPayload),
        })),
      )
      .execute();
  }
}

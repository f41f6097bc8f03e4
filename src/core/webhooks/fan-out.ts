import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import type { OutboxRow } from "../db/schema.js";
import { uuidv7 } from "../ids.js";
import { enqueue } from "../outbox/enqueue.js";
import { type DeliverPayload, WEBHOOK_DELIVER_TOPIC } from "./deliver.js";
import type { WebhookEventPayload } from "./emit-event.js";

/** The JSON every receiver gets (Standard Webhooks' recommended envelope). */
export const webhookBody = (type: string, timestamp: string, data: unknown): string =>
  JSON.stringify({ type, timestamp, data });

/**
 * Turns one `webhooks.event` message into one delivery per enabled endpoint subscribed to its type,
 * each with its first attempt queued, in one transaction. Running it again adds nothing: a delivery
 * is unique per (event, endpoint). Returns the ids of the deliveries it created.
 */
export async function fanOutWebhookEvent(db: Db, message: OutboxRow): Promise<string[]> {
  const event = message.payload as WebhookEventPayload;
  if (typeof event?.type !== "string") throw new TypeError("webhooks.event payload lacks a type");
  const timestamp = event.occurredAt ?? new Date(message.created_at).toISOString();
  const body = webhookBody(event.type, timestamp, event.data ?? {});
  return db.transaction().execute(async (tx) => {
    const endpoints = await tx
      .selectFrom("webhook_endpoints")
      .select("id")
      .where("workspace_id", "=", message.workspace_id)
      .where("enabled", "=", true)
      .where(sql<boolean>`event_types @> jsonb_build_array(${event.type}::text)`)
      .orderBy("id")
      .execute();
    if (endpoints.length === 0) return [];
    const created = await tx
      .insertInto("webhook_deliveries")
      .values(
        endpoints.map((e) => ({
          id: uuidv7(),
          workspace_id: message.workspace_id,
          endpoint_id: e.id,
          event_id: message.id,
          event_type: event.type,
          body,
          status: "pending" as const,
          next_attempt_at: new Date(),
        })),
      )
      .onConflict((oc) => oc.columns(["event_id", "endpoint_id"]).doNothing())
      .returning("id")
      .execute();
    for (const d of created)
      await enqueue(tx, {
        workspaceId: message.workspace_id,
        topic: WEBHOOK_DELIVER_TOPIC,
        payload: { deliveryId: d.id, attempt: 1, trigger: "auto" } satisfies DeliverPayload,
      });
    return created.map((d) => d.id);
  });
}

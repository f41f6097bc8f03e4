import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { enqueue } from "../outbox/enqueue.js";
import { type DeliverPayload, WEBHOOK_DELIVER_TOPIC } from "./deliver.js";
import { loadEndpoint } from "./endpoint-row.js";
import { getWebhookDelivery } from "./list-deliveries.js";
import type { TWebhookDelivery } from "./webhooks.schema.js";

/**
 * POST /webhooks/{id}/deliveries/{deliveryId}/replay: one more attempt of a finished delivery with
 * the same `webhook-id` and body (fresh timestamp and signature), queued through the outbox. A
 * replay is a single attempt: if it fails the delivery is failed again, without automatic retries.
 */
export async function replayWebhookDelivery(
  ctx: WorkspaceContext,
  endpointId: string,
  deliveryId: string,
): Promise<TWebhookDelivery> {
  const { db, access } = ctx;
  const endpoint = await loadEndpoint(db, access.workspaceId, endpointId);
  const current = await getWebhookDelivery(db, access.workspaceId, endpoint.id, deliveryId);
  if (!endpoint.enabled)
    throw new AppError("conflict", "The endpoint is disabled; enable it before replaying", {
      errors: [
        { pointer: "/path/endpointId", code: "endpoint_disabled", message: "the endpoint is disabled" },
      ],
    });
  await db.transaction().execute(async (tx) => {
    const reopened = await tx
      .updateTable("webhook_deliveries")
      .set({ status: "pending", next_attempt_at: new Date(), updated_at: new Date() })
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", current.id)
      .where("status", "!=", "pending")
      .where("attempts", "=", current.attempts)
      .executeTakeFirst();
    if (reopened.numUpdatedRows !== 1n)
      throw new AppError("conflict", "The delivery is still in progress; an attempt is already scheduled", {
        errors: [
          {
            pointer: "/path/deliveryId",
            code: "delivery_pending",
            message: "an attempt is already scheduled",
          },
        ],
      });
    await enqueue(tx, {
      workspaceId: access.workspaceId,
      topic: WEBHOOK_DELIVER_TOPIC,
      payload: {
        deliveryId: current.id,
        attempt: current.attempts + 1,
        trigger: "replay",
      } satisfies DeliverPayload,
    });
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "webhook.replay",
      targetType: "webhook_delivery",
      targetId: current.id,
      outcome: "success",
      requestId: ctx.requestId,
    });
  });
  return getWebhookDelivery(db, access.workspaceId, endpoint.id, current.id);
}

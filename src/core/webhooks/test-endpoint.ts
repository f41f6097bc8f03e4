import { recordAudit } from "../audit/record-audit.js";
import type { AppConfig } from "../config.js";
import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { attemptDelivery } from "./deliver.js";
import type { WebhookEventType } from "./emit-event.js";
import { loadEndpoint } from "./endpoint-row.js";
import { WEBHOOK_EXAMPLES } from "./examples.js";
import { webhookBody } from "./fan-out.js";
import { getWebhookDelivery } from "./list-deliveries.js";
import type { TWebhookDelivery, TWebhookTest } from "./webhooks.schema.js";

/**
 * POST /webhooks/{id}/test: sends an example event (`data.test: true`) to the endpoint now and
 * answers the recorded delivery with its one attempt. Test sends are not retried.
 */
export async function testWebhookEndpoint(
  ctx: WorkspaceContext,
  config: AppConfig["webhooks"],
  endpointId: string,
  input: TWebhookTest,
): Promise<TWebhookDelivery> {
  const { db, access } = ctx;
  const endpoint = await loadEndpoint(db, access.workspaceId, endpointId);
  if (!endpoint.enabled)
    throw new AppError("conflict", "The endpoint is disabled; enable it before sending a test", {
      errors: [
        { pointer: "/path/endpointId", code: "endpoint_disabled", message: "the endpoint is disabled" },
      ],
    });
  const type = (input.eventType ?? endpoint.event_types[0] ?? "feedback.created") as WebhookEventType;
  const id = uuidv7();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("webhook_deliveries")
      .values({
        id,
        workspace_id: access.workspaceId,
        endpoint_id: endpoint.id,
        event_type: type,
        body: webhookBody(type, new Date().toISOString(), { ...WEBHOOK_EXAMPLES[type], test: true }),
        status: "pending",
        test: true,
        next_attempt_at: new Date(),
      })
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "webhook.test",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      outcome: "success",
      details: { eventType: type },
      requestId: ctx.requestId,
    });
  });
  await attemptDelivery(db, config, {
    workspaceId: access.workspaceId,
    deliveryId: id,
    attempt: 1,
    trigger: "test",
  });
  return getWebhookDelivery(db, access.workspaceId, endpoint.id, id);
}

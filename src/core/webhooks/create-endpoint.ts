import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { uuidv7 } from "../ids.js";
import { checkEndpointUrl, privateAllowed, toEndpoint } from "./endpoint-row.js";
import { generateWebhookSecret } from "./sign.js";
import type { TCreateWebhookEndpoint, TWebhookEndpointWithSecret } from "./webhooks.schema.js";

/** POST /webhooks: a new endpoint with a fresh `whsec_` secret, answered once in full. */
export async function createWebhookEndpoint(
  ctx: WorkspaceContext,
  input: TCreateWebhookEndpoint,
): Promise<TWebhookEndpointWithSecret> {
  const { db, access } = ctx;
  const allowPrivate = await privateAllowed(ctx, input.allowPrivate);
  const url = checkEndpointUrl(input.url, allowPrivate);
  const secret = generateWebhookSecret();
  const now = new Date();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("webhook_endpoints")
      .values({
        id: uuidv7(),
        workspace_id: access.workspaceId,
        url,
        description: input.description,
        event_types: JSON.stringify([...new Set(input.eventTypes)]),
        enabled: input.enabled,
        disabled_reason: input.enabled ? null : "disabled on creation",
        allow_private: allowPrivate,
        secret,
        created_by: access.actor.kind === "user" ? access.actor.userId : null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "webhook.create",
      targetType: "webhook_endpoint",
      targetId: row.id,
      outcome: "success",
      details: { url, eventTypes: input.eventTypes },
      requestId: ctx.requestId,
    });
    return { ...toEndpoint(row), secret };
  });
}

import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { checkEndpointUrl, loadEndpoint, privateAllowed, toEndpoint } from "./endpoint-row.js";
import type { TUpdateWebhookEndpoint, TWebhookEndpoint } from "./webhooks.schema.js";

/**
 * PATCH /webhooks/{id}. Re-enabling clears the disabled reason (e.g. after a 410 Gone). The URL is
 * checked again whenever it or the private flag changes.
 */
export async function updateWebhookEndpoint(
  ctx: WorkspaceContext,
  id: string,
  input: TUpdateWebhookEndpoint,
): Promise<TWebhookEndpoint> {
  const { db, access } = ctx;
  const current = await loadEndpoint(db, access.workspaceId, id);
  const allowPrivate =
    input.allowPrivate === undefined ? current.allow_private : await privateAllowed(ctx, input.allowPrivate);
  const url =
    input.url !== undefined || input.allowPrivate !== undefined
      ? checkEndpointUrl(input.url ?? current.url, allowPrivate)
      : current.url;
  const enabled = input.enabled ?? current.enabled;
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable("webhook_endpoints")
      .set({
        url,
        allow_private: allowPrivate,
        ...(input.description !== undefined && { description: input.description }),
        ...(input.eventTypes && { event_types: JSON.stringify([...new Set(input.eventTypes)]) }),
        enabled,
        disabled_reason: enabled
          ? null
          : input.enabled === false
            ? "disabled by a person"
            : current.disabled_reason,
        updated_at: new Date(),
      })
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "webhook.update",
      targetType: "webhook_endpoint",
      targetId: row.id,
      outcome: "success",
      details: { changed: Object.keys(input) },
      requestId: ctx.requestId,
    });
    return toEndpoint(row);
  });
}

/** DELETE /webhooks/{id}: the endpoint and its delivery log; queued attempts then find nothing. */
export async function deleteWebhookEndpoint(ctx: WorkspaceContext, id: string): Promise<void> {
  const { db, access } = ctx;
  const current = await loadEndpoint(db, access.workspaceId, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("webhook_endpoints")
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", current.id)
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "webhook.delete",
      targetType: "webhook_endpoint",
      targetId: current.id,
      outcome: "success",
      details: { url: current.url },
      requestId: ctx.requestId,
    });
  });
}

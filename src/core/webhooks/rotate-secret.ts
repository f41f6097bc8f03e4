import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { loadEndpoint, toEndpoint } from "./endpoint-row.js";
import { generateWebhookSecret } from "./sign.js";
import type { TWebhookEndpointWithSecret } from "./webhooks.schema.js";

/** How long the previous secret keeps signing next to the new one. */
export const ROTATION_GRACE_MS = 24 * 3_600_000;

/**
 * POST /webhooks/{id}/rotate-secret: the new secret signs at once; the old one signs alongside it for
 * 24 h (Standard Webhooks sends space-separated signatures), so receivers can switch without a gap.
 * A second rotation within the grace period drops the oldest secret.
 */
export async function rotateWebhookSecret(
  ctx: WorkspaceContext,
  id: string,
): Promise<TWebhookEndpointWithSecret> {
  const { db, access } = ctx;
  const current = await loadEndpoint(db, access.workspaceId, id);
  const secret = generateWebhookSecret();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable("webhook_endpoints")
      .set({
        secret,
        previous_secret: sql<string>`secret`,
        previous_secret_expires_at: new Date(Date.now() + ROTATION_GRACE_MS),
        updated_at: new Date(),
      })
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "webhook.rotate_secret",
      targetType: "webhook_endpoint",
      targetId: row.id,
      outcome: "success",
      requestId: ctx.requestId,
    });
    return { ...toEndpoint(row), secret };
  });
}

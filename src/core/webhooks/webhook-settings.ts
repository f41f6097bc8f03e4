import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { workspaceAllowsPrivate } from "./endpoint-row.js";
import type { TWebhookSettings } from "./webhooks.schema.js";

export async function getWebhookSettings(ctx: WorkspaceContext): Promise<TWebhookSettings> {
  return { allowPrivateTargets: await workspaceAllowsPrivate(ctx.db, ctx.access.workspaceId) };
}

/**
 * PUT /webhooks/settings. Allowing private targets opens a path into the network the server runs in,
 * so only the workspace's owner (or the installation's operator, the system actor) may change it.
 * Turning it off keeps flagged endpoints, but deliveries to private addresses are refused again.
 */
export async function updateWebhookSettings(
  ctx: WorkspaceContext,
  input: TWebhookSettings,
): Promise<TWebhookSettings> {
  const { db, access } = ctx;
  if (access.role !== "owner" && access.actor.kind !== "system")
    throw new AppError("forbidden", "Only the workspace owner can change where webhooks may connect");
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("webhook_settings")
      .values({ workspace_id: access.workspaceId, allow_private_targets: input.allowPrivateTargets })
      .onConflict((oc) =>
        oc
          .column("workspace_id")
          .doUpdateSet({ allow_private_targets: input.allowPrivateTargets, updated_at: new Date() }),
      )
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "webhook.settings",
      targetType: "workspace",
      targetId: access.workspaceId,
      outcome: "success",
      details: { allowPrivateTargets: input.allowPrivateTargets },
      requestId: ctx.requestId,
    });
  });
  return { allowPrivateTargets: input.allowPrivateTargets };
}

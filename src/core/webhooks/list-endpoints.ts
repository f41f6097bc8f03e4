import type { WorkspaceContext } from "../context.js";
import { loadEndpoint, toEndpoint } from "./endpoint-row.js";
import type { TWebhookEndpoint } from "./webhooks.schema.js";

/** Every endpoint of the workspace, oldest first (a workspace has a handful, so no paging). */
export async function listWebhookEndpoints(ctx: WorkspaceContext): Promise<{ items: TWebhookEndpoint[] }> {
  const rows = await ctx.db
    .selectFrom("webhook_endpoints")
    .selectAll()
    .where("workspace_id", "=", ctx.access.workspaceId)
    .orderBy("created_at")
    .orderBy("id")
    .limit(500)
    .execute();
  return { items: rows.map(toEndpoint) };
}

export async function getWebhookEndpoint(ctx: WorkspaceContext, id: string): Promise<TWebhookEndpoint> {
  return toEndpoint(await loadEndpoint(ctx.db, ctx.access.workspaceId, id));
}

import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { getWorkspace } from "./get-workspace.js";
import type { TUpdateWorkspace, TWorkspace } from "./workspaces.schema.js";

export async function updateWorkspace(ctx: WorkspaceContext, input: TUpdateWorkspace): Promise<TWorkspace> {
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("workspaces")
      .set({ name: input.name })
      .where("id", "=", ctx.access.workspaceId)
      .execute();
    await recordAudit(tx, {
      workspaceId: ctx.access.workspaceId,
      actor: ctx.access.actor,
      action: "workspace.update",
      targetType: "workspace",
      targetId: ctx.access.workspaceId,
      outcome: "success",
      details: { name: input.name },
      requestId: ctx.requestId,
    });
  });
  return getWorkspace(ctx);
}

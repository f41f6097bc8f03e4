import type { WorkspaceContext } from "../context.js";
import { notFound } from "../errors.js";
import type { TWorkspace } from "./workspaces.schema.js";

export async function getWorkspace(ctx: WorkspaceContext): Promise<TWorkspace> {
  const row = await ctx.db
    .selectFrom("workspaces")
    .selectAll()
    .where("id", "=", ctx.access.workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound("Workspace");
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    role: ctx.access.role ?? null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

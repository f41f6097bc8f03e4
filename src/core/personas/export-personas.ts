import type { WorkspaceContext } from "../context.js";
import { toPersona } from "./persona-row.js";
import type { TPersona } from "./personas.schema.js";

/** All personas in the API shape, ordered by key: the file `importPersonas` takes back. */
export async function exportPersonas(ctx: WorkspaceContext): Promise<TPersona[]> {
  const rows = await ctx.db
    .selectFrom("personas")
    .selectAll()
    .where("workspace_id", "=", ctx.access.workspaceId)
    .orderBy("key")
    .execute();
  return rows.map(toPersona);
}

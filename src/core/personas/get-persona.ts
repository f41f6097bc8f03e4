import type { WorkspaceContext } from "../context.js";
import { findPersonaRow, toPersona } from "./persona-row.js";
import type { TPersona } from "./personas.schema.js";

export async function getPersona(ctx: WorkspaceContext, id: string): Promise<TPersona> {
  return toPersona(await findPersonaRow(ctx.db, ctx.access.workspaceId, id));
}

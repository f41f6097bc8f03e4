import type { WorkspaceContext } from "../context.js";
import { findTouchpointRow, toTouchpoint } from "./touchpoint-row.js";
import type { TTouchpoint } from "./touchpoints.schema.js";

export async function getTouchpoint(ctx: WorkspaceContext, id: string): Promise<TTouchpoint> {
  return toTouchpoint(await findTouchpointRow(ctx.db, ctx.access.workspaceId, id));
}

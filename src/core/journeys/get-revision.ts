import type { WorkspaceContext } from "../context.js";
import type { TRevision } from "./journeys.schema.js";
import { loadRevision } from "./revisions.js";

export function getRevision(ctx: WorkspaceContext, journeyId: string, version: number): Promise<TRevision> {
  return loadRevision(ctx.db, ctx.access.workspaceId, journeyId, version);
}

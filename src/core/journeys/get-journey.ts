import type { WorkspaceContext } from "../context.js";
import type { TJourney } from "./journeys.schema.js";
import { loadJourney } from "./load-journey.js";

/** The current version; documents stored in an older schemaVersion are migrated on the way out. */
export function getJourney(ctx: WorkspaceContext, journeyId: string): Promise<TJourney> {
  return loadJourney(ctx.db, ctx.access.workspaceId, journeyId);
}

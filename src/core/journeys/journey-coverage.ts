import type { WorkspaceContext } from "../context.js";
import { coverageTouchpoints, journeyFindings, referencedTouchpoints } from "./coverage.js";
import type { TCoverage } from "./journeys.schema.js";
import { loadJourney } from "./load-journey.js";

/** Coverage findings for one journey map. */
export async function journeyCoverage(ctx: WorkspaceContext, journeyId: string): Promise<TCoverage> {
  const { workspaceId } = ctx.access;
  const journey = await loadJourney(ctx.db, workspaceId, journeyId);
  const touchpoints = await coverageTouchpoints(ctx.db, workspaceId, referencedTouchpoints(journey.document));
  return { findings: journeyFindings(journey.id, journey.document, touchpoints) };
}

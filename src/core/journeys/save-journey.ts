import type { WorkspaceContext } from "../context.js";
import { toStoredDocument } from "./document.js";
import type { TJourneyDocumentInput } from "./document.schema.js";
import type { TJourney } from "./journeys.schema.js";
import { writeVersion } from "./write-version.js";

/**
 * Saves a new version on top of `baseVersion` (optimistic concurrency): a stale base answers 409
 * with the current journey and overwrites nothing. The revision records the save, not the audit log.
 */
export function saveJourney(
  ctx: WorkspaceContext,
  journeyId: string,
  input: { baseVersion: number; document: TJourneyDocumentInput },
): Promise<TJourney> {
  return writeVersion(ctx, journeyId, input.baseVersion, toStoredDocument(input.document));
}

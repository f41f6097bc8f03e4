import type { WorkspaceContext } from "../context.js";
import { detachDangling } from "./check-document.js";
import type { TJourney } from "./journeys.schema.js";
import { loadRevision } from "./revisions.js";
import { writeVersion } from "./write-version.js";

/**
 * Writes an old version's document as a new version (history is never rewritten). References
 * deleted since that version are cleared, so any revision stays restorable.
 */
export async function restoreRevision(
  ctx: WorkspaceContext,
  journeyId: string,
  version: number,
  input: { baseVersion: number },
): Promise<TJourney> {
  const { db, access } = ctx;
  const revision = await loadRevision(db, access.workspaceId, journeyId, version);
  const document = await detachDangling(db, access.workspaceId, revision.document);
  return writeVersion(ctx, journeyId, input.baseVersion, document, {
    audit: { action: "journey.restore", details: { restoredVersion: version } },
  });
}

import type { WorkspaceContext } from "../context.js";
import { diffDocuments } from "./diff.js";
import type { TComparison } from "./journeys.schema.js";
import { currentVersion, loadRevision } from "./revisions.js";

/**
 * What changed between two versions (either order). `to` defaults to the current version and
 * `from` to the version before `to`, so a bare call shows the last save.
 */
export async function compareRevisions(
  ctx: WorkspaceContext,
  journeyId: string,
  query: { from?: number | undefined; to?: number | undefined },
): Promise<TComparison> {
  const { db, access } = ctx;
  const to = query.to ?? (await currentVersion(db, access.workspaceId, journeyId));
  const from = query.from ?? Math.max(1, to - 1);
  const [a, b] = await Promise.all([
    loadRevision(db, access.workspaceId, journeyId, from),
    loadRevision(db, access.workspaceId, journeyId, to),
  ]);
  return { from, to, ...diffDocuments(a.document, b.document) };
}

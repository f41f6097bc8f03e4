import type { WorkspaceContext } from "../context.js";
import type { Page, TPageQuery } from "../pagination.js";
import type { RevisionSummary } from "./diff.js";
import type { TRevisionEntry } from "./journeys.schema.js";
import { authorNames } from "./load-journey.js";
import { currentVersion, decodeVersionCursor, encodeVersionCursor } from "./revisions.js";

const NO_CHANGES: RevisionSummary = {
  stagesAdded: 0,
  stagesRemoved: 0,
  stepsAdded: 0,
  stepsRemoved: 0,
  stepsChanged: 0,
  stepsMoved: 0,
};

/** The versions of a journey, newest first, with who wrote each and what it changed. */
export async function listRevisions(
  ctx: WorkspaceContext,
  journeyId: string,
  page: TPageQuery,
): Promise<Page<TRevisionEntry>> {
  const { workspaceId } = ctx.access;
  const before = decodeVersionCursor(page.cursor);
  await currentVersion(ctx.db, workspaceId, journeyId);
  let q = ctx.db
    .selectFrom("journey_revisions")
    .select(["version", "author_type", "author_id", "summary", "created_at"])
    .where("journey_id", "=", journeyId)
    .where("workspace_id", "=", workspaceId);
  if (before !== undefined) q = q.where("version", "<", before);
  const rows = await q
    .orderBy("version", "desc")
    .limit(page.limit + 1)
    .execute();
  const more = rows.length > page.limit;
  const slice = rows.slice(0, page.limit);
  const name = await authorNames(
    ctx.db,
    workspaceId,
    slice.map((r) => ({ type: r.author_type, id: r.author_id })),
  );
  const last = slice[slice.length - 1];
  return {
    items: slice.map((r) => ({
      version: r.version,
      author: name({ type: r.author_type, id: r.author_id }),
      createdAt: new Date(r.created_at).toISOString(),
      summary: { ...NO_CHANGES, ...(r.summary as Partial<RevisionSummary>) },
    })),
    nextCursor: more && last ? encodeVersionCursor(last.version) : null,
  };
}

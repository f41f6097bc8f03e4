import type { WorkspaceContext } from "../context.js";
import { requireCase } from "./case-row.js";
import type { TTimelineEntry } from "./cases.schema.js";
import { addTimeline, listTimeline, timelineActor } from "./timeline.js";

/** POST /cases/{id}/comments: an internal note on the timeline; counts as activity on the case. */
export async function commentCase(
  ctx: WorkspaceContext,
  caseId: string,
  text: string,
  now: Date = new Date(),
): Promise<TTimelineEntry[]> {
  const ws = ctx.access.workspaceId;
  await ctx.db.transaction().execute(async (tx) => {
    await requireCase(tx, ws, caseId, true);
    await addTimeline(tx, {
      workspaceId: ws,
      caseId,
      at: now,
      ...timelineActor(ctx.access),
      kind: "comment",
      data: { text },
    });
    await tx
      .updateTable("cases")
      .set({ last_activity_at: now, updated_at: now })
      .where("id", "=", caseId)
      .execute();
  });
  return listTimeline(ctx.db, ws, caseId);
}

/** GET /cases/{id}/timeline. */
export async function caseTimeline(ctx: WorkspaceContext, caseId: string): Promise<TTimelineEntry[]> {
  await requireCase(ctx.db, ctx.access.workspaceId, caseId);
  return listTimeline(ctx.db, ctx.access.workspaceId, caseId);
}

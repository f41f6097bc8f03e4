import type { WorkspaceContext } from "../../context.js";
import type { Db } from "../../db/connect.js";
import type { TTopicRun } from "./topics.schema.js";

/** The workspace's latest discovery run (a run replaces the previous one's rows), largest topic first. */
export async function loadTopicRun(db: Db, workspaceId: string): Promise<TTopicRun> {
  const rows = await db
    .selectFrom("text_topics")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .orderBy("size", "desc")
    .orderBy("label")
    .execute();
  const first = rows[0];
  if (!first) return { runId: null, createdAt: null, items: [] };
  return {
    runId: first.run_id,
    createdAt: new Date(first.created_at).toISOString(),
    items: rows
      .filter((r) => r.run_id === first.run_id)
      .map((r) => ({
        id: r.id,
        label: r.label,
        keywords: r.keywords,
        size: r.size,
        sampleFeedbackIds: r.sample_feedback_ids,
      })),
  };
}

export const getTopics = (ctx: WorkspaceContext): Promise<TTopicRun> =>
  loadTopicRun(ctx.db, ctx.access.workspaceId);

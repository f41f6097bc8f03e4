import { sql } from "kysely";
import { recordAudit } from "../../audit/record-audit.js";
import type { WorkspaceContext } from "../../context.js";
import { invalid } from "../../errors.js";
import { uuidv7 } from "../../ids.js";
import { enqueue } from "../../outbox/enqueue.js";
import { clusterTexts } from "./cluster-texts.js";
import { lowerBound, type TDiscoverTopics, type TTopicRun, upperBound } from "./topics.schema.js";

/** The newest texts without aspects that one run clusters. */
export const MAX_TOPIC_TEXTS = 20_000;
const SAMPLES = 5;
/** Same chunk as backfills: one `feedback.enrich` message per 500 records whose topic changed. */
const ENRICH_CHUNK = 500;

/**
 * POST /text/topics/discover (docs/api/understand.md §4): clusters the enriched texts no aspect
 * covers (their stored keywords, TF-IDF + k-means), stores the run in place of the previous one and
 * points each member's enrichment at its topic (everyone else's at none). The facts rows carry the
 * topic too, so records whose topic changed are queued for `feedback.enrich`, which rewrites their
 * facts row (same revision, new topic) without analysing them again.
 */
export async function discoverTopics(ctx: WorkspaceContext, input: TDiscoverTopics): Promise<TTopicRun> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const from = input.from === undefined ? undefined : lowerBound(input.from);
  const to = input.to === undefined ? undefined : upperBound(input.to);
  if (from && to && from >= to) throw invalid("/body/to", "must be after from");

  let q = db
    .selectFrom("feedback_enrichments as e")
    .innerJoin("feedback as f", "f.id", "e.feedback_id")
    .select(["e.feedback_id as id", sql<unknown>`e.analysis -> 'keywords'`.as("keywords")])
    .where("e.workspace_id", "=", workspaceId)
    .where("f.workspace_id", "=", workspaceId)
    .where(sql<boolean>`cardinality(e.aspect_keys) = 0`);
  if (from) q = q.where("f.received_at", ">=", from);
  if (to) q = q.where("f.received_at", "<", to);
  const rows = await q.orderBy("f.received_at", "desc").orderBy("f.id").limit(MAX_TOPIC_TEXTS).execute();
  const docs = rows.map((r) => ({
    id: r.id,
    terms: Array.isArray(r.keywords) ? r.keywords.filter((k): k is string => typeof k === "string") : [],
  }));
  const clusters = clusterTexts(docs, input.k === undefined ? {} : { k: input.k });

  const runId = uuidv7();
  const createdAt = new Date();
  const topics = clusters.map((c) => ({
    id: uuidv7(),
    label: c.label,
    keywords: c.keywords,
    size: c.members.length,
    sampleFeedbackIds: c.members.slice(0, SAMPLES),
    members: c.members,
  }));
  const topicOf = new Map(topics.flatMap((t) => t.members.map((id) => [id, t.id] as const)));

  await db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom("feedback_enrichments")
      .select("feedback_id")
      .where("workspace_id", "=", workspaceId)
      .where("topic_id", "is not", null)
      .execute();
    await tx.deleteFrom("text_topics").where("workspace_id", "=", workspaceId).execute();
    if (topics.length > 0)
      await tx
        .insertInto("text_topics")
        .values(
          topics.map((t) => ({
            id: t.id,
            workspace_id: workspaceId,
            run_id: runId,
            label: t.label,
            keywords: t.keywords,
            size: t.size,
            sample_feedback_ids: t.sampleFeedbackIds,
            created_at: createdAt,
          })),
        )
        .execute();
    await tx
      .updateTable("feedback_enrichments")
      .set({ topic_id: null })
      .where("workspace_id", "=", workspaceId)
      .where("topic_id", "is not", null)
      .execute();
    for (const t of topics) {
      for (let i = 0; i < t.members.length; i += ENRICH_CHUNK)
        await tx
          .updateTable("feedback_enrichments")
          .set({ topic_id: t.id })
          .where("workspace_id", "=", workspaceId)
          .where("feedback_id", "in", t.members.slice(i, i + ENRICH_CHUNK))
          .execute();
    }
    // Every new topic id is new, so the changed records are the old members plus the new ones.
    const changed = [...new Set([...before.map((r) => r.feedback_id), ...topicOf.keys()])];
    for (let i = 0; i < changed.length; i += ENRICH_CHUNK)
      await enqueue(tx, {
        workspaceId,
        topic: "feedback.enrich",
        payload: { ids: changed.slice(i, i + ENRICH_CHUNK) },
      });
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "text.topics.discover",
      targetType: "text_topics",
      targetId: runId,
      outcome: "success",
      details: { texts: docs.length, topics: topics.length, k: input.k ?? null },
      requestId: ctx.requestId,
    });
  });

  return {
    runId,
    createdAt: createdAt.toISOString(),
    items: topics.map(({ members: _members, ...t }) => t),
  };
}

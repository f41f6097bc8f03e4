import type { Insertable } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { FeedbackTable, StoredRating } from "../db/schema.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { detectTextLanguage } from "../text/detect-language.js";
import { emitFeedbackEvents } from "../webhooks/feedback-events.js";
import { referenceErrors } from "./check-references.js";
import { scaleOf, type TFeedbackInput, type TIngestResult } from "./feedback.schema.js";
import { customerIdOf, feedbackIdFor, sourceKeyOf } from "./feedback-ids.js";
import { enqueueFeedbackRelay } from "./relay.js";
import { scoreBand } from "./score-band.js";

export interface IngestItem {
  input: TFeedbackInput;
  /** Where the item is in the request, for errors: `/body`, `/body/items/3`, `/rows/7`. */
  pointer: string;
}

/** Rows per INSERT: well below PostgreSQL's 65,535 bound parameters at 25 columns a row. */
const CHUNK = 500;

function storedRatings(input: TFeedbackInput): StoredRating[] {
  return (input.ratings ?? []).map((r) => {
    const scale = scaleOf(r.metric, r.scale);
    // The schema refused bad scales already; this guards a caller that skipped it.
    if (typeof scale === "string") throw new TypeError(scale);
    return { metric: r.metric, value: r.value, min: scale.min, max: scale.max };
  });
}

function toRow(
  workspaceId: string,
  item: IngestItem,
  sourceKey: string | null,
  now: Date,
): Insertable<FeedbackTable> {
  const { input } = item;
  const ratings = storedRatings(input);
  const text = input.text ?? "";
  const title = input.title || null;
  const found = text.trim() ? detectTextLanguage(title ? `${title}\n${text}` : text) : "other";
  const detected = found === "other" ? null : found;
  return {
    id: sourceKey ? feedbackIdFor(workspaceId, sourceKey) : uuidv7(),
    workspace_id: workspaceId,
    kind: "unsolicited",
    channel: input.channel,
    source_key: sourceKey,
    survey_id: null,
    link_id: null,
    submission_id: null,
    received_at: input.receivedAt ? new Date(input.receivedAt) : now,
    customer_id: customerIdOf(input.customer),
    customer: JSON.stringify(input.customer ?? {}),
    touchpoint_id: input.touchpointId?.toLowerCase() ?? null,
    journey_id: input.journeyId?.toLowerCase() ?? null,
    step_id: input.stepId?.toLowerCase() ?? null,
    ratings: JSON.stringify(ratings),
    score_band: scoreBand(ratings),
    answers: "{}",
    title,
    text,
    language: input.language ?? detected,
    metadata: JSON.stringify(input.metadata ?? {}),
    finished: true,
    finished_at: now,
    flag_reason: null,
    edit_token_hash: null,
    ip_hash: null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Stores unsolicited feedback, all or nothing. Links are checked first (any unknown one is a 400
 * naming the item's field, nothing stored); records whose source key exists already, or repeats
 * one earlier in the batch, are reported as duplicates and leave the stored record untouched.
 * The facts relay is queued in the same transaction, so every stored record reaches the facts store.
 */
export async function ingestFeedback(
  ctx: WorkspaceContext,
  items: readonly IngestItem[],
  options: { audit?: { action: string; details: Record<string, unknown> } } = {},
): Promise<TIngestResult> {
  const workspaceId = ctx.access.workspaceId;
  const errors = await referenceErrors(
    ctx.db,
    workspaceId,
    items.map((i) => ({ pointer: i.pointer, refs: i.input })),
  );
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
      errors,
    });

  const now = new Date();
  const result: TIngestResult["items"] = [];
  const rows: Insertable<FeedbackTable>[] = [];
  const firstOfKey = new Map<string, string>();
  items.forEach((item, index) => {
    const key = item.input.externalId ? sourceKeyOf(item.input.channel, item.input.externalId) : null;
    const earlier = key ? firstOfKey.get(key) : undefined;
    if (earlier) {
      result.push({ index, id: earlier, status: "duplicate" });
      return;
    }
    const row = toRow(workspaceId, item, key, now);
    if (key) firstOfKey.set(key, row.id);
    rows.push(row);
    result.push({ index, id: row.id, status: "created" });
  });

  const created = new Set<string>();
  await ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const inserted = await tx
        .insertInto("feedback")
        .values(rows.slice(i, i + CHUNK))
        // No conflict target: a keyed record's id derives from its source key, so two requests
        // racing on one key collide on the primary key too, and a targeted ON CONFLICT would let
        // that second collision through as an error.
        .onConflict((oc) => oc.doNothing())
        .returning("id")
        .execute();
      for (const r of inserted) created.add(r.id);
    }
    await enqueueFeedbackRelay(tx, workspaceId, [...created]);
    await emitFeedbackEvents(tx, workspaceId, "feedback.created", [...created]);
    if (options.audit)
      await recordAudit(tx, {
        workspaceId,
        actor: ctx.access.actor,
        action: options.audit.action,
        targetType: "feedback",
        targetId: null,
        outcome: "success",
        details: { ...options.audit.details, accepted: created.size },
        requestId: ctx.requestId,
      });
  });
  const reported = result.map((r) =>
    r.status === "created" && !created.has(r.id) ? { ...r, status: "duplicate" as const } : r,
  );
  return {
    accepted: created.size,
    duplicates: reported.length - created.size,
    items: reported,
  };
}

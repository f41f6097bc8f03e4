import { sql } from "kysely";
import { z } from "zod";
import { recordAudit } from "../../audit/record-audit.js";
import type { WorkspaceContext } from "../../context.js";
import type { Db } from "../../db/connect.js";
import { notFound } from "../../errors.js";
import { isUuid, uuidv7 } from "../../ids.js";
import { enqueue } from "../../outbox/enqueue.js";
import { actorId } from "../../permissions/index.js";
import type { Stores } from "../../stores.js";
import { enrichFeedback } from "./enrich-feedback.js";

export const TEXT_BACKFILL_TOPIC = "text.backfill";
/** Records per step: one facts insert and one enrichment upsert each. */
export const BACKFILL_CHUNK = 500;
const LIST_LIMIT = 20;

export const ZTextBackfill = z.object({
  id: z.string(),
  status: z.enum(["running", "done", "failed", "cancelled"]),
  /** Records in the workspace when it started; grows when records arrive during the run. */
  total: z.number().int(),
  processed: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The last step's error while it is retried; null after a step succeeds. */
  error: z.string().nullable(),
});
export type TTextBackfill = z.infer<typeof ZTextBackfill>;

const COLUMNS = [
  "id",
  "status",
  "total",
  "processed",
  "cursor",
  "error",
  "created_at",
  "updated_at",
  "finished_at",
] as const;
const iso = (d: Date | string) => new Date(d).toISOString();

type Row = Awaited<ReturnType<typeof findRow>>;
const toBackfill = (r: NonNullable<Row>): TTextBackfill => ({
  id: r.id,
  status: r.status,
  total: r.total,
  processed: r.processed,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  finishedAt: r.finished_at ? iso(r.finished_at) : null,
  error: r.error,
});

const findRow = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom("text_backfills")
    .select(COLUMNS)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();

/**
 * Starts re-analysing every record of the workspace (forced: the input hash is ignored), or
 * returns the backfill already running. Locking the workspace row makes two concurrent starts
 * find each other instead of both creating one.
 */
export async function startBackfill(
  ctx: WorkspaceContext,
): Promise<{ backfill: TTextBackfill; created: boolean }> {
  const workspaceId = ctx.access.workspaceId;
  return ctx.db.transaction().execute(async (tx) => {
    await tx.selectFrom("workspaces").select("id").where("id", "=", workspaceId).forUpdate().execute();
    const running = await tx
      .selectFrom("text_backfills")
      .select(COLUMNS)
      .where("workspace_id", "=", workspaceId)
      .where("status", "=", "running")
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    if (running) return { backfill: toBackfill(running), created: false };
    const { n } = await tx
      .selectFrom("feedback")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    const id = uuidv7();
    const row = await tx
      .insertInto("text_backfills")
      .values({
        id,
        workspace_id: workspaceId,
        status: "running",
        total: Number(n),
        created_by: ctx.access.actor.kind === "user" ? actorId(ctx.access.actor) : null,
        updated_at: new Date(),
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await enqueue(tx, { workspaceId, topic: TEXT_BACKFILL_TOPIC, payload: { backfillId: id } });
    await recordAudit(tx, {
      workspaceId,
      actor: ctx.access.actor,
      action: "text.backfill.start",
      targetType: "text_backfill",
      targetId: id,
      outcome: "success",
      details: { total: Number(n) },
      requestId: ctx.requestId,
    });
    return { backfill: toBackfill(row), created: true };
  });
}

export async function getBackfill(ctx: WorkspaceContext, id: string): Promise<TTextBackfill> {
  const row = isUuid(id) ? await findRow(ctx.db, ctx.access.workspaceId, id) : undefined;
  if (!row) throw notFound("Backfill");
  return toBackfill(row);
}

/** The 20 newest backfills of the workspace. */
export async function listBackfills(ctx: WorkspaceContext): Promise<{ items: TTextBackfill[] }> {
  const rows = await ctx.db
    .selectFrom("text_backfills")
    .select(COLUMNS)
    .where("workspace_id", "=", ctx.access.workspaceId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(LIST_LIMIT)
    .execute();
  return { items: rows.map(toBackfill) };
}

/** Steps of one backfill in this process run one after another (the worker and a CLI driving it). */
const inProcess = new Map<string, Promise<unknown>>();
async function exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (inProcess.get(key) ?? Promise.resolve()).catch(() => {}).then(work);
  inProcess.set(key, run);
  try {
    return await run;
  } finally {
    if (inProcess.get(key) === run) inProcess.delete(key);
  }
}

/**
 * Enriches the next chunk after the cursor and moves the cursor past it. The cursor moves only
 * after the chunk is stored and only from the position the step started at (compare-and-set), so
 * a crash resumes at the cursor and two processes stepping at once never skip or double-count a
 * chunk (at worst one is analysed twice, which is harmless).
 */
export async function stepBackfill(
  stores: Stores,
  workspaceId: string,
  id: string,
  options: { allowPrivateAddresses: boolean },
): Promise<TTextBackfill> {
  if (!isUuid(id)) throw notFound("Backfill");
  const { db } = stores.sor;
  return exclusive(id, async () => {
    const row = await findRow(db, workspaceId, id);
    if (!row) throw notFound("Backfill");
    if (row.status !== "running") return toBackfill(row);
    let chunk = db
      .selectFrom("feedback")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .limit(BACKFILL_CHUNK);
    if (row.cursor) chunk = chunk.where("id", ">", row.cursor);
    const ids = (await chunk.execute()).map((r) => r.id);
    try {
      if (ids.length > 0) await enrichFeedback(stores, workspaceId, ids, { ...options, force: true });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await db
        .updateTable("text_backfills")
        .set({ error, updated_at: new Date() })
        .where("id", "=", id)
        .execute();
      throw e;
    }
    const done = ids.length < BACKFILL_CHUNK;
    const processed = row.processed + ids.length;
    const now = new Date();
    const moved = await db
      .updateTable("text_backfills")
      .set({
        cursor: ids[ids.length - 1] ?? row.cursor,
        processed,
        total: sql<number>`greatest(total, ${processed})`,
        status: done ? "done" : "running",
        finished_at: done ? now : null,
        error: null,
        updated_at: now,
      })
      .where("id", "=", id)
      .where("status", "=", "running")
      .where(sql<boolean>`cursor is not distinct from ${row.cursor}::uuid`)
      .returning(COLUMNS)
      .executeTakeFirst();
    return toBackfill(moved ?? (await findRow(db, workspaceId, id)) ?? row);
  });
}

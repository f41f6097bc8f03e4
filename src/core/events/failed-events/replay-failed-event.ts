import type { IngestLimits } from "../../config.js";
import type { WorkspaceContext } from "../../context.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../ids.js";
import type { Stores } from "../../stores.js";
import type { TFailedEvent } from "../event.schema.js";
import { normalizeEvent, toEventRow } from "../normalize-event.js";
import { eventWriterFor } from "../writer.js";
import { toFailedEvent } from "./list-failed-events.js";

const unprocessable = (code: string, message: string) =>
  new AppError("unprocessable", `The event still fails: ${message}`, {
    errors: [{ pointer: "/payload", code, message }],
  });

/**
 * Re-validates a kept item (time rules against its original arrival) and stores it. Accepted →
 * the row is marked replayed; still failing → 422 with the reason and the row unchanged.
 */
export async function replayFailedEvent(
  ctx: WorkspaceContext,
  stores: Stores,
  limits: IngestLimits,
  id: string,
): Promise<TFailedEvent> {
  if (!isUuid(id)) throw notFound("Failed event");
  const row = await ctx.db
    .selectFrom("failed_events")
    .selectAll()
    .where("workspace_id", "=", ctx.access.workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Failed event");
  if (row.status === "replayed") throw new AppError("conflict", "This event was replayed already");
  if (row.truncated) throw unprocessable("truncated", "the kept payload was truncated at 64 KB");
  let item: unknown;
  try {
    item = JSON.parse(row.payload);
  } catch {
    throw unprocessable("invalid_json", "the kept payload is not valid JSON");
  }
  const n = normalizeEvent(item, { envelope: {}, receivedAt: new Date(row.received_at), limits });
  if (!n.ok) throw unprocessable(n.code, n.message);
  let outcome: string | undefined;
  try {
    [outcome] = await eventWriterFor(stores).write([toEventRow(n.event, ctx.access.workspaceId, "replay")]);
  } catch (e) {
    throw new AppError("unavailable", "The events store is unreachable; retry later", {
      retryAfterSeconds: 5,
      cause: e,
    });
  }
  if (outcome === "conflict")
    throw unprocessable("duplicate_conflict", "this messageId is stored with a different payload");
  const updated = await ctx.db
    .updateTable("failed_events")
    .set({ status: "replayed", replayed_at: new Date() })
    .where("id", "=", row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFailedEvent(updated);
}

import type { IngestLimits } from "../config.js";
import { distinctIdsOf } from "../customers/distinct-ids.js";
import { suppressedIds } from "../customers/suppressions.js";
import { AppError } from "../errors.js";
import type { Stores } from "../stores.js";
import type { TEventType, TIngestResult, TIngestWarning } from "./event.schema.js";
import type { EventRow } from "./event-row.js";
import { type FailedItem, recordFailedEvents } from "./failed-events/record-failed-events.js";
import { type Envelope, normalizeEvent, toEventRow } from "./normalize-event.js";
import { isObject } from "./safe-json.js";
import { eventWriterFor } from "./writer.js";

export interface IngestOptions {
  /** The route's type for single-event routes; batch items carry their own. */
  type?: TEventType;
  envelope: Envelope;
  receivedAt: Date;
  limits: IngestLimits;
  source: EventRow["source"];
}

const unavailable = (what: string, cause: unknown) =>
  new AppError("unavailable", `${what} is unreachable; nothing was acknowledged, retry later`, {
    retryAfterSeconds: 5,
    cause,
  });

/** The distinct ids an event names: its user and anonymous id, an alias's previous id, identify's traits. */
export function idsOfRow(r: EventRow): string[] {
  const ids: string[] = [];
  if (r.user_id) ids.push(`user:${r.user_id}`);
  if (r.anonymous_id) ids.push(`anon:${r.anonymous_id}`);
  if (r.previous_id) ids.push(`user:${r.previous_id}`, `anon:${r.previous_id}`);
  if (r.type === "identify" && r.traits !== "{}") {
    const traits = JSON.parse(r.traits) as Record<string, unknown>;
    ids.push(...distinctIdsOf({ traits }));
  }
  return ids;
}

/**
 * Takes the rows naming a suppressed (erased) id out of `rows`, with their entries of the parallel
 * `tags`, in place and in order; returns them.
 */
export function takeSuppressed<T>(
  rows: EventRow[],
  tags: T[],
  suppressed: ReadonlySet<string>,
): Array<{ row: EventRow; tag: T }> {
  const taken: Array<{ row: EventRow; tag: T }> = [];
  if (suppressed.size === 0) return taken;
  let kept = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as EventRow;
    const tag = tags[i] as T;
    if (idsOfRow(row).some((d) => suppressed.has(d))) {
      taken.push({ row, tag });
      continue;
    }
    rows[kept] = row;
    tags[kept] = tag;
    kept++;
  }
  rows.length = kept;
  tags.length = kept;
  return taken;
}

/**
 * Moves events of erased people (suppressed ids) from `rows` to `failed` with code `suppressed`.
 * Their payload is not kept: keeping it would store again what was erased.
 */
async function refuseSuppressed(
  stores: Stores,
  workspaceId: string,
  rows: EventRow[],
  rowIndex: number[],
  failed: (FailedItem & { index: number })[],
): Promise<void> {
  let suppressed: ReadonlySet<string>;
  try {
    suppressed = await suppressedIds(stores.sor.db, workspaceId);
  } catch (e) {
    throw unavailable("The system of record", e);
  }
  for (const { row, tag } of takeSuppressed(rows, rowIndex, suppressed))
    failed.push({
      index: tag,
      code: "suppressed",
      message: "this person's data was erased; events for their ids are refused",
      messageId: row.message_id,
      payload: { messageId: row.message_id, suppressed: true },
    });
}

/** What a batch's items became: rows to write (with their item index) and refused items. */
export interface PreparedItems {
  rows: EventRow[];
  rowIndex: number[];
  failed: (FailedItem & { index: number })[];
  warnings: TIngestWarning[];
}

/** The item as failed_events keeps it: a single-event route's type travels with it; a body write key does not. */
export function keptItem(item: unknown, type: TEventType | undefined): unknown {
  if (!isObject(item)) return item;
  const { writeKey: _, ...rest } = item;
  return type ? { ...rest, type } : rest;
}

/** Normalises every item (pure: no store is touched, so it may run on a worker thread). */
export function prepareItems(
  workspaceId: string,
  items: readonly unknown[],
  options: IngestOptions,
): PreparedItems {
  const prepared: PreparedItems = { rows: [], rowIndex: [], failed: [], warnings: [] };
  items.forEach((item, index) => {
    const n = normalizeEvent(item, options);
    if (!n.ok) {
      prepared.failed.push({
        index,
        code: n.code,
        message: n.message,
        messageId: n.messageId,
        payload: keptItem(item, options.type),
      });
      return;
    }
    if (n.futureWarning)
      prepared.warnings.push({ index, messageId: n.event.messageId, code: "timestamp_in_future" });
    prepared.rows.push(toEventRow(n.event, workspaceId, options.source));
    prepared.rowIndex.push(index);
  });
  return prepared;
}

export async function ingestEvents(
  stores: Stores,
  workspaceId: string,
  items: readonly unknown[],
  options: IngestOptions,
): Promise<TIngestResult> {
  return storePrepared(
    stores,
    workspaceId,
    prepareItems(workspaceId, items, options),
    options,
    (i) => items[i],
  );
}

/**
 * Writes prepared rows durably (dedup and group commit in the EventWriter) and keeps every rejected
 * item in failed_events before answering; `itemAt` gives an item's payload for a duplicate_conflict.
 * Any store failure is a 503: nothing is acknowledged.
 */
export async function storePrepared(
  stores: Stores,
  workspaceId: string,
  prepared: PreparedItems,
  options: Pick<IngestOptions, "type" | "receivedAt" | "source">,
  itemAt: (index: number) => unknown,
): Promise<TIngestResult> {
  const { rows, rowIndex, failed, warnings } = prepared;
  await refuseSuppressed(stores, workspaceId, rows, rowIndex, failed);

  let outcomes: Awaited<ReturnType<ReturnType<typeof eventWriterFor>["write"]>> = [];
  try {
    if (rows.length > 0) outcomes = await eventWriterFor(stores).write(rows);
  } catch (e) {
    throw unavailable("The events store", e);
  }
  let accepted = 0;
  let duplicates = 0;
  outcomes.forEach((outcome, i) => {
    const index = rowIndex[i] as number;
    if (outcome === "stored") accepted++;
    else if (outcome === "duplicate") duplicates++;
    else
      failed.push({
        index,
        code: "duplicate_conflict",
        message: "this messageId was stored before with a different payload",
        messageId: rows[i]?.message_id ?? null,
        payload: keptItem(itemAt(index), options.type),
      });
  });
  failed.sort((a, b) => a.index - b.index);
  try {
    await recordFailedEvents(stores.sor.db, workspaceId, options.source, failed, options.receivedAt);
  } catch (e) {
    throw unavailable("The failed-events store", e);
  }
  const rejected = failed.map(({ index, messageId, code, message }) => ({ index, messageId, code, message }));
  return {
    success: !(accepted + duplicates === 0 && rejected.length > 0),
    accepted,
    duplicates,
    rejected,
    ...(warnings.length > 0 && { warnings }),
  };
}

import { sql } from "kysely";
import { suppressedIds } from "../../customers/suppressions.js";
import { AppError, type FieldError } from "../../errors.js";
import { uuidv7 } from "../../ids.js";
import type { Stores } from "../../stores.js";
import { chTime, type EventRow } from "../event-row.js";
import { takeSuppressed } from "../ingest-events.js";
import { eventWriterFor } from "../writer.js";
import { type ResolvedMapping, resolveMapping, type TEventLogMapping } from "./event-log-mapping.js";
import { mapEventRecord } from "./map-event-row.js";
import { type ByteSource, type EventLogFormat, type LogRecord, readEventLog } from "./read-event-log.js";

const MAX_REPORTED_ERRORS = 200;
/** Rows per durable chunk: written, then `event_imports.rows_read` moves past them. */
const IMPORT_CHUNK_ROWS = 5_000;
const MAX_FAILED_PAYLOAD = 64 * 1024;

export interface ImportEventLogInput {
  workspaceId: string;
  format: EventLogFormat;
  mapping: TEventLogMapping;
  /** The mapping is a preset: optional columns a file lacks are dropped instead of refused. */
  preset?: boolean;
  /** sha256 of the file's bytes (`fileFingerprint`): keys the resumable import and the message ids. */
  fingerprint: string;
  /**
   * The file from its first byte, or a piece of its records (the CLI reads the file itself and sends
   * pieces): `offset` records came before it, `last` marks the end of the file.
   */
  source: ByteSource | RecordPiece;
  chunkRows?: number;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProgress {
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export interface ImportEventLogResult extends ImportProgress {
  /** Rows skipped because an earlier, interrupted run of this file had stored them. */
  resumedFrom: number;
  /** Row-numbered errors, at most 200 (`rejected` counts all). */
  errors: FieldError[];
}

export interface RecordPiece {
  records: Iterable<LogRecord> | AsyncIterable<LogRecord>;
  offset: number;
  last: boolean;
}

const isPiece = (s: ImportEventLogInput["source"]): s is RecordPiece => "records" in s;

interface Chunk {
  rows: EventRow[];
  /** The file's row number of each of `rows`, to report a conflict where the file has it. */
  rowNumbers: number[];
  failed: { row: number; errors: FieldError[]; cells: Record<string, string>; messageId?: string }[];
  read: number;
}

/**
 * The import's row for this file: a finished one starts over from offset 0 (dedup answers), an
 * interrupted one resumes. A piece beyond what is stored would leave a gap: 409.
 */
async function startImport(
  stores: Stores,
  input: ImportEventLogInput,
  offset: number,
): Promise<{ id: string; from: ImportProgress }> {
  const db = stores.sor.db;
  const mapping = JSON.stringify(input.mapping);
  const restart = sql<boolean>`(event_imports.status = 'done' and ${offset} = 0)`;
  const row = await db
    .insertInto("event_imports")
    .values({
      id: uuidv7(),
      workspace_id: input.workspaceId,
      file_fingerprint: input.fingerprint,
      format: input.format,
      mapping,
      status: "running",
    })
    .onConflict((oc) =>
      oc.columns(["workspace_id", "file_fingerprint"]).doUpdateSet({
        format: input.format,
        mapping,
        status: "running",
        error: null,
        updated_at: sql<Date>`now()`,
        rows_read: sql<number>`case when ${restart} then 0 else event_imports.rows_read end`,
        accepted: sql<number>`case when ${restart} then 0 else event_imports.accepted end`,
        duplicates: sql<number>`case when ${restart} then 0 else event_imports.duplicates end`,
        rejected: sql<number>`case when ${restart} then 0 else event_imports.rejected end`,
      }),
    )
    .returning(["id", "rows_read", "accepted", "duplicates", "rejected"])
    .executeTakeFirstOrThrow();
  if (offset > row.rows_read)
    throw new AppError(
      "conflict",
      `this import has stored ${row.rows_read} rows; send the file from row offset ${row.rows_read}, not ${offset}`,
      { errors: [{ pointer: "/offset", code: "offset_gap", message: `expected at most ${row.rows_read}` }] },
    );
  return {
    id: row.id,
    from: { rows: row.rows_read, accepted: row.accepted, duplicates: row.duplicates, rejected: row.rejected },
  };
}

/**
 * Imports an event log (docs/api/observe.md §3): streamed, mapped row by row to `track` events of
 * the case's customer, written through the shared event writer in chunks of 5,000 rows. Bad rows
 * are skipped and reported (and kept in failed_events); after each durable chunk the import's
 * `rows_read` moves on, so a re-run after a crash skips what is stored.
 */
export async function importEventLog(
  stores: Stores,
  input: ImportEventLogInput,
): Promise<ImportEventLogResult> {
  const piece = isPiece(input.source) ? input.source : undefined;
  const offset = piece?.offset ?? 0;
  const { id, from } = await startImport(stores, input, offset);
  const totals: ImportProgress = { ...from };
  const errors: FieldError[] = [];
  const chunkRows = input.chunkRows ?? IMPORT_CHUNK_ROWS;
  const writer = eventWriterFor(stores);
  const ctx = {
    workspaceId: input.workspaceId,
    fingerprint: input.fingerprint,
    receivedAt: chTime(new Date()),
  };
  let mapping: ResolvedMapping | undefined;

  const commit = async (chunk: Chunk) => {
    await refuseSuppressedRows(stores, input.workspaceId, chunk);
    const outcomes = chunk.rows.length > 0 ? await writer.write(chunk.rows) : [];
    outcomes.forEach((o, i) => {
      const r = chunk.rows[i] as EventRow;
      if (o === "stored") totals.accepted++;
      else if (o === "duplicate") totals.duplicates++;
      else {
        const row = chunk.rowNumbers[i] ?? 0;
        chunk.failed.push({
          row,
          messageId: r.message_id,
          cells: { event: r.event, userId: r.user_id },
          errors: [
            {
              pointer: `/rows/${row}`,
              code: "duplicate_conflict",
              message: `row ${row}: imported before with other content (another mapping?)`,
            },
          ],
        });
      }
    });
    if (chunk.failed.length > 0) await recordFailures(stores, input.workspaceId, chunk.failed);
    totals.rejected += chunk.failed.length;
    for (const f of chunk.failed)
      for (const e of f.errors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
    totals.rows = chunk.read;
    await stores.sor.db
      .updateTable("event_imports")
      .set({
        rows_read: totals.rows,
        accepted: totals.accepted,
        duplicates: totals.duplicates,
        rejected: totals.rejected,
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", id)
      .execute();
    input.onProgress?.({ ...totals });
  };

  const empty = (read: number): Chunk => ({ rows: [], rowNumbers: [], failed: [], read });
  let chunk = empty(from.rows);
  let previous: Promise<void> = Promise.resolve();
  let read = offset;
  const records = piece ? piece.records : readEventLog(input.format, input.source as ByteSource);
  try {
    for await (const record of records) {
      read++;
      if (read <= from.rows) continue;
      mapping ??= resolveMapping(
        input.mapping,
        input.format === "xes" ? undefined : Object.keys(record.cells),
        {
          preset: input.preset ?? false,
        },
      );
      addRecord(chunk, mapping, record, ctx);
      chunk.read = read;
      if (chunk.rows.length + chunk.failed.length >= chunkRows) {
        // The next chunk is parsed while this one is written; commits stay in order.
        await previous;
        previous = commit(chunk);
        previous.catch(() => {});
        chunk = empty(read);
      }
    }
    await previous;
    await commit(chunk);
  } catch (e) {
    await previous.catch(() => {});
    await stores.sor.db
      .updateTable("event_imports")
      .set({ status: "failed", error: (e as Error).message.slice(0, 1000), updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .execute();
    throw e;
  }
  await stores.sor.db
    .updateTable("event_imports")
    .set({ status: piece && !piece.last ? "running" : "done", updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .execute();
  return { ...totals, resumedFrom: from.rows, errors };
}

function addRecord(
  chunk: Chunk,
  mapping: ResolvedMapping,
  record: LogRecord,
  ctx: Parameters<typeof mapEventRecord>[2],
): void {
  const mapped = mapEventRecord(mapping, record, ctx);
  if ("row" in mapped) {
    chunk.rows.push(mapped.row);
    chunk.rowNumbers.push(record.row);
  } else chunk.failed.push({ row: record.row, errors: mapped.errors, cells: record.cells });
}

/**
 * Rows naming an erased person's id (a suppression) are not imported: they go to the failures with
 * code `suppressed` and without their cells, as the API refuses such events without keeping them.
 */
async function refuseSuppressedRows(stores: Stores, workspaceId: string, chunk: Chunk): Promise<void> {
  if (chunk.rows.length === 0) return;
  const suppressed = await suppressedIds(stores.sor.db, workspaceId);
  for (const { row, tag } of takeSuppressed(chunk.rows, chunk.rowNumbers, suppressed))
    chunk.failed.push({
      row: tag,
      messageId: row.message_id,
      cells: {},
      errors: [
        {
          pointer: `/rows/${tag}`,
          code: "suppressed",
          message: `row ${tag}: this person's data was erased; events for their ids are refused`,
        },
      ],
    });
}

/** Every skipped row is kept in failed_events (source import) with its cells, as the API keeps bad events. */
async function recordFailures(stores: Stores, workspaceId: string, failed: Chunk["failed"]): Promise<void> {
  const values = failed.map((f) => {
    const payload = JSON.stringify({ row: f.row, cells: f.cells });
    const truncated = payload.length > MAX_FAILED_PAYLOAD;
    return {
      id: uuidv7(),
      workspace_id: workspaceId,
      source: "import" as const,
      code: f.errors[0]?.code ?? "schema_violation",
      message: f.errors.map((e) => e.message).join("; "),
      message_id: f.messageId ?? null,
      payload: truncated ? payload.slice(0, MAX_FAILED_PAYLOAD) : payload,
      truncated,
    };
  });
  for (let i = 0; i < values.length; i += 500)
    await stores.sor.db
      .insertInto("failed_events")
      .values(values.slice(i, i + 500))
      .execute();
}

import type { Stores } from "../stores.js";
import { RecentIds } from "./dedup.js";
import { EVENT_COLUMNS, EVENT_INSERT_SETTINGS, type EventRow, loadableLines } from "./event-row.js";
import { enqueueIdentityWork, IdentityWorkSet, SentRanges } from "./identity-work.js";
import { StoredIds } from "./stored-ids.js";

export type WriteOutcome = "stored" | "duplicate" | "conflict";

/**
 * The durable write path of events: dedup by (workspace_id, message_id) and group commit. `write`
 * resolves, with one outcome per row, only after its rows are durably in the facts store: appended to
 * the embedded store's ingestion log (event-log.ts), or inserted into a server's `events`. The stored
 * rows' identity work (`events.identity`) is enqueued before a server insert; with the log it rides
 * on the append and is enqueued per loaded segment (segment-identity.ts, ADR 0010).
 */
export interface EventWriter {
  write(rows: readonly EventRow[]): Promise<WriteOutcome[]>;
  /** Flushes what is pending, then refuses further writes. */
  close(): Promise<void>;
  /** Fills the stored-id filter now, if there is one; resolves once it is ready (or failed). */
  whenFilled(): Promise<void>;
}

export interface EventWriterOptions {
  /** Rows per facts insert at most; more pending rows wait for the next flush. */
  maxRows?: number;
  /** Wait after the first write of an idle writer so concurrent writes join its flush (0: next turn). */
  lingerMs?: number;
  /**
   * Capacity of the recent-id cache in front of the facts lookup: every stored id without the
   * stored-id filter, else only the ids lookups found.
   */
  recentIds?: number;
  /** Distinct id pairs whose enqueued seen range is remembered, to skip repeated identity work. */
  sentRanges?: number;
  /**
   * Ask a filter of stored message ids before looking ids up in the facts store (stored-ids.ts).
   * Only sound while this process is the table's only writer: on by default for the embedded store,
   * off for a ClickHouse server, which other processes may write to as well.
   */
  storedIdFilter?: boolean;
  /** Called after every successful flush (instrumentation for tests and benchmarks). */
  onFlush?: (flush: { writes: number; rows: number; stored: number; lookedUp: number }) => void;
}

interface Pending {
  rows: readonly EventRow[];
  resolve(outcomes: WriteOutcome[]): void;
  reject(error: unknown): void;
}

/** Message ids per facts lookup query; bound parameters travel in the URL over HTTP. */
const LOOKUP_CHUNK = { chdb: 5_000, clickhouse: 500 } as const;

const writers = new WeakMap<Stores, EventWriter>();

/** The one writer of these stores: group commit and dedup only work when all writes share it. */
export function eventWriterFor(stores: Stores): EventWriter {
  let writer = writers.get(stores);
  if (!writer) {
    const created = createEventWriter(stores);
    writer = {
      write: (rows) => created.write(rows),
      whenFilled: () => created.whenFilled(),
      close: async () => {
        writers.delete(stores);
        await created.close();
      },
    };
    writers.set(stores, writer);
  }
  return writer;
}

export function createEventWriter(stores: Stores, options: EventWriterOptions = {}): EventWriter {
  const maxRows = options.maxRows ?? 20_000;
  const lingerMs = options.lingerMs ?? 0;
  const recent = new RecentIds(options.recentIds ?? 1_000_000);
  const sent = new SentRanges(options.sentRanges ?? 200_000);
  const chunk = LOOKUP_CHUNK[stores.facts.kind];
  const log = stores.facts.eventLog;
  const filter = (options.storedIdFilter ?? stores.facts.kind === "chdb") ? new StoredIds() : undefined;
  // Filled in the background from the first write on; until then every unknown id is looked up.
  let filling: Promise<void> | undefined;
  const fill = () =>
    filter?.fill(stores.facts).catch((e: unknown) => {
      console.warn(`events: stored-id filter not filled, ids are looked up instead (${String(e)})`);
    });
  let pending: Pending[] = [];
  let pendingRows = 0;
  let running: Promise<void> | undefined;
  let scheduled = false;
  let closed = false;

  /**
   * Stored hashes of the ids neither the cache nor the filter can answer, read from facts and added
   * to the cache. Returns how many ids were looked up, and which rows the filter knows to be new
   * (their ids were certainly never stored, so no cache or lookup is asked about them).
   */
  async function lookUp(rows: readonly EventRow[]): Promise<{ lookedUp: number; fresh: Uint8Array }> {
    const unknown = new Map<string, Set<string>>();
    const sure = filter?.ready === true;
    const fresh = new Uint8Array(rows.length);
    for (const [i, r] of rows.entries()) {
      if (sure && !filter.mightHave(r.message_id)) {
        fresh[i] = 1;
        continue;
      }
      if (recent.get(r.workspace_id, r.message_id) !== undefined) continue;
      const ids = unknown.get(r.workspace_id);
      if (ids) ids.add(r.message_id);
      else unknown.set(r.workspace_id, new Set([r.message_id]));
    }
    let n = 0;
    for (const [ws, set] of unknown) {
      n += set.size;
      const ids = [...set];
      for (let i = 0; i < ids.length; i += chunk) {
        const part = ids.slice(i, i + chunk);
        // With the log, ids appended but not yet loaded count too (and no load is forced).
        const found = log
          ? await log.lookUp(ws, part)
          : await stores.facts.query<{ message_id: string; payload_hash: string }>(
              `SELECT message_id, payload_hash FROM ${stores.facts.database}.events
               WHERE workspace_id = {ws:UUID} AND message_id IN {ids:Array(String)}`,
              { ws, ids: part },
            );
        for (const f of found) recent.set(ws, f.message_id, f.payload_hash);
      }
    }
    return { lookedUp: n, fresh };
  }

  async function flush(batch: Pending[]): Promise<void> {
    const rows = batch.flatMap((p) => p.rows);
    const { lookedUp, fresh } = await lookUp(rows);
    // Ids stored by this flush: the cache learns them only once the insert returned.
    const inFlush = new Map<string, Map<string, string>>();
    const stored: EventRow[] = [];
    let k = 0;
    const outcomes = batch.map((p) =>
      p.rows.map((r): WriteOutcome => {
        const ids = inFlush.get(r.workspace_id);
        const known =
          (fresh[k++] === 1 ? undefined : recent.get(r.workspace_id, r.message_id)) ?? ids?.get(r.message_id);
        if (known !== undefined) return known === r.payload_hash ? "duplicate" : "conflict";
        if (ids) ids.set(r.message_id, r.payload_hash);
        else inFlush.set(r.workspace_id, new Map([[r.message_id, r.payload_hash]]));
        stored.push(r);
        return "stored";
      }),
    );
    if (stored.length > 0) {
      // A row the facts store cannot load fails its flush here, as a failed insert does.
      const lines = loadableLines(stored);
      // Identity work commits before the insert (or rides on the append) and stays if it fails: a
      // retry of rows that did get stored (late error, or death before the answer) is a duplicate
      // and enqueues nothing.
      const work = new IdentityWorkSet().addRows(stored);
      if (!log) await enqueueIdentityWork(stores.sor.db, work, sent);
      // Before the insert: a failed (perhaps partly written) insert then makes its retry look the ids
      // up, which is exact; a "maybe" for an id that never got stored only costs that lookup.
      if (filter) for (const r of stored) filter.add(r.message_id);
      // Embedded: appended to the ingestion log, which chDB loads in large inserts behind it.
      if (log) await log.append(lines, stored.length, work);
      else
        await stores.facts.insertFormatted(
          "events",
          EVENT_COLUMNS,
          "JSONCompactEachRow",
          Buffer.concat(lines).toString(),
          EVENT_INSERT_SETTINGS,
        );
    }
    // With the filter, a retried id is a "maybe" and one lookup settles it: the cache would only
    // spare that query, at the price of a large map touched for every row. Without it (a server),
    // the cache is what keeps retries from reaching the facts store.
    if (!filter) for (const [ws, ids] of inFlush) for (const [id, hash] of ids) recent.set(ws, id, hash);
    options.onFlush?.({ writes: batch.length, rows: rows.length, stored: stored.length, lookedUp });
    for (const [i, p] of batch.entries()) p.resolve(outcomes[i] ?? []);
  }

  /** Takes pending writes up to `maxRows` rows (always at least one write). */
  function take(): Pending[] {
    let n = 0;
    let rows = 0;
    while (n < pending.length && (n === 0 || rows + (pending[n]?.rows.length ?? 0) <= maxRows)) {
      rows += pending[n]?.rows.length ?? 0;
      n++;
    }
    const batch = pending.slice(0, n);
    pending = pending.slice(n);
    pendingRows -= rows;
    return batch;
  }

  /** One flush at a time; writes arriving meanwhile join the next one (the group commit). */
  async function run(): Promise<void> {
    while (pending.length > 0) {
      const batch = take();
      try {
        await flush(batch);
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
    running = undefined;
  }

  function schedule(): void {
    if (running || scheduled) return;
    scheduled = true;
    const start = () => {
      scheduled = false;
      running ??= run();
    };
    if (pendingRows >= maxRows) start();
    else if (lingerMs > 0) setTimeout(start, lingerMs);
    else setImmediate(start);
  }

  return {
    write(rows) {
      if (closed) return Promise.reject(new Error("event writer is closed"));
      if (rows.length === 0) return Promise.resolve([]);
      filling ??= fill();
      return new Promise<WriteOutcome[]>((resolve, reject) => {
        pending.push({ rows, resolve, reject });
        pendingRows += rows.length;
        schedule();
      });
    },
    async whenFilled() {
      filling ??= fill();
      await filling;
    },
    async close() {
      closed = true;
      await filling;
      while (pending.length > 0 || running || scheduled) {
        await (running ?? new Promise((r) => setImmediate(r)));
      }
    },
  };
}

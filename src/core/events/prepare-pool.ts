import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { IngestLimits } from "../config.js";
import { AppError, type ErrorCode, type FieldError } from "../errors.js";
import type { TEventType } from "./event.schema.js";
import type { EventRow } from "./event-row.js";
import type { PreparedItems } from "./ingest-events.js";

/**
 * Worker threads that prepare ingestion requests (prepare-worker.ts): the raw body goes in; the
 * rows' facts lines (UTF-8 bytes in a transferred buffer) and the few fields the main thread needs
 * come back, column by column (cheap to copy between threads). Parsing, normalising, hashing and
 * writing the lines is the largest part of an event's cost (docs/benchmarks.md).
 */
export interface PrepareRequest {
  id: number;
  body: Uint8Array;
  gzip: boolean;
  type: TEventType | undefined;
  workspaceId: string;
  receivedAt: number;
  limits: IngestLimits;
  source: EventRow["source"];
}

export interface PreparedColumns {
  messageId: string[];
  type: EventRow["type"][];
  userId: string[];
  anonymousId: string[];
  previousId: string[];
  timestamp: string[];
  payloadHash: string[];
  traits: string[];
  consent: string[];
  /** Bit 0 analytics consent, bit 1 historical. */
  flags: Uint8Array;
  /** Every row's line with its newline, UTF-8, in a buffer of its own (transferred, not copied). */
  lines: Uint8Array;
  /** Where each row's line ends in `lines`. */
  lineEnds: Uint32Array;
}

export type PrepareReply =
  | {
      id: number;
      ok: true;
      cols: PreparedColumns;
      rowIndex: number[];
      failed: PreparedItems["failed"];
      warnings: PreparedItems["warnings"];
    }
  | { id: number; ok: false; error: { code: ErrorCode; message: string; errors: FieldError[] } }
  | { id: number; ok: false; crash: string };

/** The rows of a worker's reply, as the writer takes them (`line` already written). */
export function rowsOf(workspaceId: string, source: EventRow["source"], c: PreparedColumns): EventRow[] {
  const rows: EventRow[] = new Array(c.messageId.length);
  for (let i = 0; i < rows.length; i++) {
    const flags = c.flags[i] as number;
    rows[i] = {
      workspace_id: workspaceId,
      message_id: c.messageId[i] as string,
      type: c.type[i] as EventRow["type"],
      // The event's remaining columns travel in `line` only.
      event: "",
      customer_id: "",
      user_id: c.userId[i] as string,
      anonymous_id: c.anonymousId[i] as string,
      timestamp: c.timestamp[i] as string,
      received_at: "",
      properties: "{}",
      context: "{}",
      version: 1,
      payload_hash: c.payloadHash[i] as string,
      name: "",
      group_id: "",
      previous_id: c.previousId[i] as string,
      traits: c.traits[i] as string,
      original_timestamp: null,
      sent_at: null,
      consent: c.consent[i] as string,
      analytics_consent: flags & 1,
      source,
      historical: (flags >> 1) & 1,
      line: {
        bytes: c.lines,
        start: i === 0 ? 0 : (c.lineEnds[i - 1] as number),
        end: c.lineEnds[i] as number,
      },
    };
  }
  return rows;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve(r: PrepareReply): void; reject(e: unknown): void }>;
  answered: boolean;
}

/** Workers that die before answering anything, in a row, after which the pool gives up. */
const MAX_FAILED_STARTS = 3;

/** Starts a worker on the sources through tsx when running from TypeScript, on the build otherwise. */
function startWorker(): Worker {
  const url = new URL(
    import.meta.url.endsWith(".ts") ? "./prepare-worker.ts" : "./prepare-worker.js",
    import.meta.url,
  );
  if (!url.pathname.endsWith(".ts")) return new Worker(url);
  // The ESM build of tsx's API (the require condition resolves to its CommonJS twin).
  const tsx = createRequire(import.meta.url)
    .resolve("tsx/esm/api")
    .replace(/\.cjs$/, ".mjs");
  const boot = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true });
}

export class PreparePool {
  private slots: Slot[] = [];
  private next = 0;
  private seq = 0;
  private closed = false;
  private failedStarts = 0;
  private broken = false;

  constructor(
    readonly size: number,
    private readonly start: () => Worker = startWorker,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.start(), pending: new Map(), answered: false };
    slot.worker.unref();
    slot.worker.on("message", (reply: PrepareReply) => {
      slot.answered = true;
      this.failedStarts = 0;
      const p = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      p?.resolve(reply);
    });
    const fail = (e: unknown) => {
      for (const p of slot.pending.values()) p.reject(e);
      slot.pending.clear();
      // A dead worker is replaced; the requests it held answer 503 and are retried by their clients.
      // Workers that cannot even start (a broken installation) are not restarted forever: the pool
      // turns unusable and requests are prepared on the main thread.
      const i = this.slots.indexOf(slot);
      if (i < 0 || this.closed) return;
      if (!slot.answered && ++this.failedStarts >= MAX_FAILED_STARTS) {
        if (!this.broken)
          console.warn(`ingestion workers do not start, parsing on the main thread (${String(e)})`);
        this.broken = true;
        this.slots.splice(i, 1);
        return;
      }
      this.slots[i] = this.spawn();
    };
    slot.worker.on("error", fail);
    slot.worker.on("exit", (code) => fail(new Error(`ingestion worker exited (${code})`)));
    return slot;
  }

  /** False once workers failed to start repeatedly (see MAX_FAILED_STARTS). */
  get usable(): boolean {
    return !this.broken && this.slots.length > 0;
  }

  /** Prepares one request on the next worker; body errors come back as the AppError the route would throw. */
  async prepare(request: Omit<PrepareRequest, "id">): Promise<Extract<PrepareReply, { ok: true }>> {
    const slot = this.usable ? this.slots[this.next++ % this.slots.length] : undefined;
    if (!slot)
      throw new AppError(
        "unavailable",
        "The ingestion workers do not start; nothing was acknowledged, retry later",
        {
          retryAfterSeconds: 1,
        },
      );
    const id = ++this.seq;
    const reply = await new Promise<PrepareReply>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      // A copy, not a transfer: the route keeps the bytes to re-read an item for failed_events.
      slot.worker.postMessage({ ...request, id });
    }).catch((e: unknown) => {
      throw new AppError(
        "unavailable",
        "The ingestion worker failed; nothing was acknowledged, retry later",
        {
          retryAfterSeconds: 1,
          cause: e,
        },
      );
    });
    if (reply.ok) return reply;
    if ("error" in reply)
      throw new AppError(reply.error.code, reply.error.message, { errors: reply.error.errors });
    throw new Error(`ingestion worker: ${reply.crash}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

import { hostname } from "node:os";
import type { Db } from "../core/db/connect.js";
import type { OutboxRow } from "../core/db/schema.js";
import { randomToken } from "../core/ids.js";
import type { Backoff } from "../core/outbox/backoff.js";
import { claimBatch } from "../core/outbox/claim.js";
import { complete } from "../core/outbox/complete.js";
import { DEFAULT_MAX_ATTEMPTS, describeError, fail } from "../core/outbox/fail.js";

export interface OutboxHandlerContext {
  db: Db;
  workerId: string;
  /** 1 on the first attempt; counts every claim, including ones whose worker died. */
  attempt: number;
}

/**
 * Performs one message's side effect. Delivery is at least once: a handler may run again for the same
 * message (its worker died before recording success, or it outran its lease), so it must be idempotent,
 * e.g. by keying its writes or its remote request on the message id. Throwing schedules a retry.
 */
export type OutboxHandler = ((row: OutboxRow, ctx: OutboxHandlerContext) => Promise<void>) & {
  /**
   * Optional: performs several claimed messages of the topic in one go (one transaction instead of
   * one each). All succeed or it throws; then each message is run alone, so one bad message cannot
   * hold back the others.
   */
  many?: (rows: OutboxRow[], ctx: Omit<OutboxHandlerContext, "attempt">) => Promise<void>;
};

export interface OutboxLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface OutboxWorkerOptions {
  db: Db;
  handlers: Record<string, OutboxHandler>;
  /** Unique per process; recorded in `locked_by`. Host, PID and a random suffix by default. */
  workerId?: string;
  /**
   * Claim only these topics (a worker dedicated to some topics). By default every topic is claimed,
   * so a message nobody handles fails visibly and ends parked instead of waiting forever.
   */
  topics?: readonly string[];
  /** Idle wait between polls; `wake()` cuts it short. */
  pollMs?: number;
  batchSize?: number;
  /** Must exceed a handler's worst-case duration, or the message may be taken over and run twice. */
  leaseMs?: number;
  maxAttempts?: number;
  backoff?: Backoff;
  logger?: OutboxLogger;
}

/** What one batch did. `lost`: could not be settled (lease taken over, or store down); it will come back. */
export interface RunCounts {
  claimed: number;
  done: number;
  retried: number;
  parked: number;
  lost: number;
}

export interface OutboxWorker {
  readonly workerId: string;
  /** Polls in the background until stopped. */
  start(): void;
  /** Graceful stop: no new claims, waits for in-flight handlers. Final: the worker claims nothing after. */
  stop(): Promise<void>;
  /** Same as `stop()`, under the name shutdown hooks use. */
  drain(): Promise<void>;
  /** Claims and processes one batch. */
  runOnce(): Promise<RunCounts>;
  /** Polls now instead of at the end of the interval, e.g. after committing an enqueue. */
  wake(): void;
}

const MAX_ERROR_PAUSE_MS = 30_000;

const consoleLogger: OutboxLogger = {
  info: () => {},
  warn: (message, fields) => console.warn(message, fields ?? ""),
  error: (message, fields) => console.error(message, fields ?? ""),
};

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, handlers, topics } = options;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomToken(4)}`;
  const pollMs = options.pollMs ?? 1_000;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const policy = { maxAttempts, backoff: options.backoff };
  const log = options.logger ?? consoleLogger;
  const handled = Object.keys(handlers).join(", ") || "none";

  let state: "idle" | "running" | "stopping" | "stopped" = "idle";
  let loop: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  const inFlight = new Set<Promise<RunCounts>>();
  let interrupt: (() => void) | undefined;
  let woken = false;

  function sleep(ms: number): Promise<void> {
    if (state !== "running") return Promise.resolve();
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      interrupt = done;
    });
  }

  function wake(): void {
    if (interrupt) interrupt();
    else woken = true;
  }

  async function settle(
    row: OutboxRow,
    failed: boolean,
    error: unknown,
  ): Promise<keyof Omit<RunCounts, "claimed">> {
    const fields = { id: row.id, topic: row.topic, attempt: row.attempts, workerId };
    try {
      if (!failed) return (await complete(db, row.id, workerId, row.attempts)) ? "done" : "lost";
      const outcome = await fail(db, row, workerId, error, policy);
      if (outcome === "retry")
        log.warn("outbox message failed; will retry", { ...fields, error: describeError(error) });
      if (outcome === "parked")
        log.error("outbox message parked", { ...fields, error: describeError(error) });
      return outcome === "retry" ? "retried" : outcome;
    } catch (e) {
      // The row stays claimed; its lease expires and another attempt follows.
      log.error("outbox message could not be settled", { ...fields, error: describeError(e) });
      return "lost";
    }
  }

  async function processRow(row: OutboxRow): Promise<keyof Omit<RunCounts, "claimed">> {
    const handler = Object.hasOwn(handlers, row.topic) ? handlers[row.topic] : undefined;
    if (row.attempts > maxAttempts) {
      // Only a lease takeover claims past the limit: the message keeps killing or stalling its worker.
      return settle(
        row,
        true,
        new Error(`gave up after ${row.attempts - 1} attempts; ${row.last_error ?? ""}`),
      );
    }
    if (!handler) {
      return settle(row, true, new Error(`no handler for topic "${row.topic}" (worker handles: ${handled})`));
    }
    try {
      await handler(row, { db, workerId, attempt: row.attempts });
    } catch (e) {
      return settle(row, true, e);
    }
    return settle(row, false, undefined);
  }

  /** Messages of a topic whose handler takes many at once: together, else (on error) one by one. */
  async function processMany(
    handler: Required<OutboxHandler>["many"],
    rows: OutboxRow[],
  ): Promise<(keyof Omit<RunCounts, "claimed">)[]> {
    try {
      await handler(rows, { db, workerId });
    } catch (e) {
      log.warn("outbox messages failed together; running them one by one", {
        topic: rows[0]?.topic,
        count: rows.length,
        workerId,
        error: describeError(e),
      });
      return Promise.all(rows.map(processRow));
    }
    return Promise.all(rows.map((row) => settle(row, false, undefined)));
  }

  async function processBatch(): Promise<RunCounts> {
    const rows = await claimBatch(db, { workerId, topics, limit: batchSize, leaseMs });
    const counts: RunCounts = { claimed: rows.length, done: 0, retried: 0, parked: 0, lost: 0 };
    const alone: OutboxRow[] = [];
    const together = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const many = Object.hasOwn(handlers, row.topic) ? handlers[row.topic]?.many : undefined;
      if (!many || row.attempts > maxAttempts) alone.push(row);
      else together.set(row.topic, [...(together.get(row.topic) ?? []), row]);
    }
    for (const group of together.values()) if (group.length === 1) alone.push(...group);
    const outcomes = await Promise.all([
      ...alone.map(async (row) => [await processRow(row)]),
      ...[...together]
        .filter(([, group]) => group.length > 1)
        .map(([topic, group]) =>
          processMany(handlers[topic]?.many as Required<OutboxHandler>["many"], group),
        ),
    ]);
    for (const outcome of outcomes.flat()) counts[outcome]++;
    return counts;
  }

  async function runOnce(): Promise<RunCounts> {
    if (state === "stopping" || state === "stopped")
      return { claimed: 0, done: 0, retried: 0, parked: 0, lost: 0 };
    const batch = processBatch();
    inFlight.add(batch);
    try {
      return await batch;
    } finally {
      inFlight.delete(batch);
    }
  }

  async function run(): Promise<void> {
    let errors = 0;
    while (state === "running") {
      try {
        const counts = await runOnce();
        errors = 0;
        // A full batch suggests more is due: go again without waiting.
        if (counts.claimed === batchSize) continue;
        await sleep(pollMs);
      } catch (e) {
        errors++;
        log.error("outbox poll failed", { workerId, error: describeError(e) });
        await sleep(Math.min(pollMs * 2 ** errors, MAX_ERROR_PAUSE_MS));
      }
    }
  }

  function start(): void {
    if (state === "running") return;
    if (state !== "idle") throw new Error(`outbox worker ${workerId} was stopped and cannot restart`);
    state = "running";
    log.info("outbox worker started", { workerId, topics: topics ?? "all" });
    loop = run();
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      state = "stopping";
      interrupt?.();
      await loop;
      await Promise.allSettled([...inFlight]);
      state = "stopped";
      log.info("outbox worker stopped", { workerId });
    })();
    return stopping;
  }

  return { workerId, start, stop, drain: stop, runOnce, wake };
}

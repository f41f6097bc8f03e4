import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Db } from "../core/db/connect.js";
import type { OutboxRow } from "../core/db/schema.js";
import { claimBatch } from "../core/outbox/claim.js";
import { enqueue } from "../core/outbox/enqueue.js";
import { outboxRow, useOutboxFixture } from "../testing/outbox.js";
import { storeVariants } from "../testing/stores.js";
import { createOutboxWorker, type OutboxLogger, type RunCounts } from "./outbox-worker.js";

const silent: OutboxLogger = { info: () => {}, warn: () => {}, error: () => {} };

const makeDue = (db: Db) =>
  db.updateTable("outbox").set({ available_at: sql<Date>`now()` }).where("status", "=", "pending").execute();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(storeVariants().map((v) => [v.name, v] as const))("outbox worker on %s", (_name, variant) => {
  let db: Db;
  let ws: string;
  useOutboxFixture(variant, (fixture) => {
    ({ db, ws } = fixture);
  });

  it("runOnce hands each due message to its topic's handler and completes it", async () => {
    const seen: Array<{ id: string; payload: unknown; attempt: number; workerId: string }> = [];
    const worker = createOutboxWorker({
      db,
      workerId: "w1",
      logger: silent,
      handlers: {
        "feedback.received": async (r, ctx) => {
          seen.push({ id: r.id, payload: r.payload, attempt: ctx.attempt, workerId: ctx.workerId });
        },
      },
    });
    const a = await enqueue(db, { workspaceId: ws, topic: "feedback.received", payload: { text: "gut" } });
    const b = await enqueue(db, {
      workspaceId: ws,
      topic: "feedback.received",
      payload: { text: "schlecht" },
    });

    expect(await worker.runOnce()).toEqual({ claimed: 2, done: 2, retried: 0, parked: 0, lost: 0 });
    expect(seen).toEqual([
      { id: a, payload: { text: "gut" }, attempt: 1, workerId: "w1" },
      { id: b, payload: { text: "schlecht" }, attempt: 1, workerId: "w1" },
    ]);
    expect(await outboxRow(db, a)).toMatchObject({
      status: "done",
      attempts: 1,
      locked_by: "w1",
      last_error: null,
    });
    expect(await worker.runOnce()).toEqual({ claimed: 0, done: 0, retried: 0, parked: 0, lost: 0 });
  });

  it("retries a throwing handler with backoff, then parks it with the error after maxAttempts", async () => {
    let calls = 0;
    const backoffs: number[] = [];
    const worker = createOutboxWorker({
      db,
      logger: silent,
      maxAttempts: 3,
      backoff: (attempt) => {
        backoffs.push(attempt);
        return 60_000;
      },
      handlers: {
        "webhook.deliver": async () => {
          calls++;
          throw new Error(`endpoint answered 503 (call ${calls})`);
        },
      },
    });
    const id = await enqueue(db, { workspaceId: ws, topic: "webhook.deliver", payload: {} });

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    const afterFirst = await outboxRow(db, id);
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, locked_until: null });
    expect(afterFirst.last_error).toContain("endpoint answered 503 (call 1)");
    const { ahead } = (
      await sql<{
        ahead: number;
      }>`select extract(epoch from available_at - now()) * 1000 as ahead from outbox where id = ${id}`.execute(
        db,
      )
    ).rows[0] ?? { ahead: 0 };
    expect(Number(ahead)).toBeGreaterThan(55_000);
    expect(Number(ahead)).toBeLessThanOrEqual(60_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });

    await makeDue(db);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    await makeDue(db);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, parked: 1 });
    const parked = await outboxRow(db, id);
    expect(parked).toMatchObject({ status: "parked", attempts: 3 });
    expect(parked.last_error).toContain("endpoint answered 503 (call 3)");
    expect(calls).toBe(3);
    expect(backoffs).toEqual([1, 2]);
    await makeDue(db);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
  });

  it("hands a topic's messages to its `many` handler together; when that throws, runs each alone", async () => {
    const together: string[][] = [];
    const alone: string[] = [];
    const handler = Object.assign(
      async (r: OutboxRow) => {
        alone.push((r.payload as { n: string }).n);
        if ((r.payload as { n: string }).n === "bad") throw new Error("cannot apply bad");
      },
      {
        many: async (rows: OutboxRow[]) => {
          const ns = rows.map((r) => (r.payload as { n: string }).n);
          together.push(ns);
          if (ns.includes("bad")) throw new Error("one of them is bad");
        },
      },
    );
    const other: string[] = [];
    const worker = createOutboxWorker({
      db,
      logger: silent,
      backoff: () => 60_000,
      handlers: {
        "events.identity": handler,
        "feedback.received": async (r) => {
          other.push(r.id);
        },
      },
    });
    for (const n of ["a", "b", "c"])
      await enqueue(db, { workspaceId: ws, topic: "events.identity", payload: { n } });
    await enqueue(db, { workspaceId: ws, topic: "feedback.received", payload: {} });
    expect(await worker.runOnce()).toEqual({ claimed: 4, done: 4, retried: 0, parked: 0, lost: 0 });
    expect(together).toEqual([["a", "b", "c"]]);
    expect(alone).toEqual([]);
    expect(other).toHaveLength(1);

    const bad = await enqueue(db, { workspaceId: ws, topic: "events.identity", payload: { n: "bad" } });
    await enqueue(db, { workspaceId: ws, topic: "events.identity", payload: { n: "d" } });
    expect(await worker.runOnce()).toEqual({ claimed: 2, done: 1, retried: 1, parked: 0, lost: 0 });
    expect(together.at(-1)).toEqual(["bad", "d"]);
    expect(alone.sort()).toEqual(["bad", "d"]);
    expect(await outboxRow(db, bad)).toMatchObject({ status: "pending", attempts: 1 });
    expect((await outboxRow(db, bad)).last_error).toContain("cannot apply bad");
  });

  it("parks a message of a topic nobody handles after maxAttempts, naming the topic", async () => {
    const worker = createOutboxWorker({
      db,
      logger: silent,
      maxAttempts: 2,
      backoff: () => 0,
      handlers: { known: async () => {} },
    });
    const id = await enqueue(db, { workspaceId: ws, topic: "mystery.topic", payload: {} });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, parked: 1 });
    const parked = await outboxRow(db, id);
    expect(parked).toMatchObject({ status: "parked", attempts: 2 });
    expect(parked.last_error).toContain('no handler for topic "mystery.topic" (worker handles: known)');
  });

  it("does not treat inherited object keys as handlers", async () => {
    const worker = createOutboxWorker({ db, logger: silent, maxAttempts: 1, handlers: {} });
    const id = await enqueue(db, { workspaceId: ws, topic: "toString", payload: {} });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, parked: 1 });
    expect((await outboxRow(db, id)).last_error).toContain('no handler for topic "toString"');
  });

  it("re-runs a message whose worker died once its lease expires, exactly once", async () => {
    const id = await enqueue(db, { workspaceId: ws, topic: "t", payload: {} });
    await claimBatch(db, { workerId: "crashed", limit: 10, leaseMs: 1000 });
    const handled: string[] = [];
    const worker = createOutboxWorker({
      db,
      workerId: "rescuer",
      logger: silent,
      handlers: { t: async (r) => void handled.push(r.id) },
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    await sleep(1200);
    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 1, retried: 0, parked: 0, lost: 0 });
    expect(handled).toEqual([id]);
    expect(await outboxRow(db, id)).toMatchObject({
      status: "done",
      attempts: 2,
      locked_by: "rescuer",
      last_error: "lease expired: worker crashed did not finish attempt 1",
    });
  });

  it("parks, without running it, a message that keeps killing its workers past maxAttempts", async () => {
    const id = await enqueue(db, { workspaceId: ws, topic: "t", payload: {} });
    for (let i = 0; i < 2; i++) {
      await claimBatch(db, { workerId: `victim-${i}`, limit: 1, leaseMs: 50 });
      await sleep(120);
    }
    let ran = false;
    const worker = createOutboxWorker({
      db,
      logger: silent,
      maxAttempts: 2,
      handlers: {
        t: async () => {
          ran = true;
        },
      },
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, parked: 1 });
    expect(ran).toBe(false);
    const parked = await outboxRow(db, id);
    expect(parked).toMatchObject({ status: "parked", attempts: 3 });
    expect(parked.last_error).toContain(
      "gave up after 2 attempts; lease expired: worker victim-1 did not finish attempt 2",
    );
  });

  it("two workers running concurrently process every one of 200 messages exactly once", async () => {
    const total = 200;
    const ids = new Set<string>();
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < total; i++)
        ids.add(await enqueue(tx, { workspaceId: ws, topic: "t", payload: { i } }));
    });
    const processedBy = new Map<string, string[]>();
    const handler = async (r: OutboxRow, ctx: { workerId: string }) => {
      processedBy.set(r.id, [...(processedBy.get(r.id) ?? []), ctx.workerId]);
      await sleep(1);
    };
    const drainWith = async (workerId: string) => {
      const worker = createOutboxWorker({
        db,
        workerId,
        batchSize: 7,
        logger: silent,
        handlers: { t: handler },
      });
      const totals: RunCounts = { claimed: 0, done: 0, retried: 0, parked: 0, lost: 0 };
      for (;;) {
        const counts = await worker.runOnce();
        if (counts.claimed === 0) return totals;
        for (const k of Object.keys(totals) as Array<keyof RunCounts>) totals[k] += counts[k];
      }
    };
    const [a, b] = await Promise.all([drainWith("A"), drainWith("B")]);

    expect(a.done + b.done).toBe(total);
    expect(a.claimed + b.claimed).toBe(total);
    expect(a.done).toBeGreaterThan(0);
    expect(b.done).toBeGreaterThan(0);
    expect([...processedBy.keys()].sort()).toEqual([...ids].sort());
    expect([...processedBy.values()].filter((by) => by.length !== 1)).toEqual([]);
    const statuses = await db.selectFrom("outbox").select(["status", "attempts"]).distinct().execute();
    expect(statuses).toEqual([{ status: "done", attempts: 1 }]);
  });

  it("start() polls, wake() skips the interval, stop() waits for the handler in flight", async () => {
    const started = deferred<string>();
    const release = deferred();
    const handled: string[] = [];
    const worker = createOutboxWorker({
      db,
      pollMs: 60_000,
      logger: silent,
      handlers: {
        t: async (r) => {
          started.resolve(r.id);
          await release.promise;
          handled.push(r.id);
        },
      },
    });
    worker.start();
    await sleep(50); // the first poll finds nothing and the worker sleeps for a minute
    const id = await enqueue(db, { workspaceId: ws, topic: "t", payload: {} });
    worker.wake();
    expect(await within(started.promise, 5_000, "the woken worker to start the handler")).toBe(id);

    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await sleep(100);
    expect(stopped).toBe(false);
    expect((await outboxRow(db, id)).status).toBe("processing");
    release.resolve();
    await within(stopping, 5_000, "stop()");
    expect(handled).toEqual([id]);
    expect(await outboxRow(db, id)).toMatchObject({ status: "done", attempts: 1 });

    // Stopped for good: nothing more is claimed.
    const later = await enqueue(db, { workspaceId: ws, topic: "t", payload: {} });
    worker.wake();
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    await sleep(50);
    expect((await outboxRow(db, later)).status).toBe("pending");
    expect(() => worker.start()).toThrow("cannot restart");
  });

  it("keeps polling after the store fails, and drain() resolves on an idle worker", async () => {
    const errors: string[] = [];
    const worker = createOutboxWorker({
      db,
      pollMs: 10,
      logger: { ...silent, error: (message) => void errors.push(message) },
      handlers: { t: async () => {} },
    });
    // A missing column makes every claim fail, as a store outage would.
    await db.schema.alterTable("outbox").renameColumn("available_at", "gone").execute();
    try {
      worker.start();
      // Polls every 10 ms; on a loaded machine the first failure may take a while to be logged.
      for (let i = 0; i < 100 && errors.length === 0; i++) await sleep(50);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]).toBe("outbox poll failed");
    } finally {
      await db.schema.alterTable("outbox").renameColumn("gone", "available_at").execute();
    }
    const id = await enqueue(db, { workspaceId: ws, topic: "t", payload: {} });
    worker.wake();
    for (let i = 0; i < 100 && (await outboxRow(db, id)).status !== "done"; i++) await sleep(50);
    expect((await outboxRow(db, id)).status).toBe("done");
    await within(worker.drain(), 5_000, "drain()");
  });
});

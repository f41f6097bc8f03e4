import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventLogAt } from "../../testing/event-log.js";
import { insertWorkspace } from "../../testing/outbox.js";
import { storeVariants } from "../../testing/stores.js";
import {
  chTime,
  EVENT_COLUMNS,
  EVENT_INSERT_SETTINGS,
  type EventRow,
  eventLine,
  TRACK_ONLY_COLUMNS,
} from "../events/event-row.js";
import { createEventWriter } from "../events/writer.js";
import type { Stores } from "../stores.js";
import { EventLog, type EventLogOptions } from "./event-log.js";

const row = (ws: string, id: string): EventRow => ({
  ...TRACK_ONLY_COLUMNS,
  workspace_id: ws,
  message_id: id,
  type: "track",
  event: "Order Completed",
  customer_id: "",
  user_id: "u1",
  anonymous_id: "",
  timestamp: chTime(new Date("2026-11-23T10:00:00Z")),
  received_at: chTime(new Date("2026-11-23T10:00:01Z")),
  properties: '{"revenue":9.99}',
  context: "{}",
  version: 1,
  payload_hash: `h-${id}`,
  source: "http",
  historical: 0,
});
const lines = (rows: EventRow[]) => `${rows.map(eventLine).join("\n")}\n`;

describe("events log (ingestion log in front of the embedded events table)", () => {
  let stores: Stores;
  const dirs: string[] = [];
  beforeAll(async () => {
    stores = await (storeVariants()[0] as { open(): Promise<Stores> }).open();
  });
  afterAll(async () => {
    await stores.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const table = () => `${stores.facts.database}.events`;
  const logAt = (dir: string, options: EventLogOptions = {}) => eventLogAt(stores, dir, options);
  const freshDir = () => {
    const d = mkdtempSync(join(tmpdir(), "jl-log-test-"));
    dirs.push(d);
    return d;
  };
  const idsInTable = async (ws: string) =>
    (
      await stores.facts.client
        .query({
          query: `SELECT message_id FROM ${table()} WHERE workspace_id = {ws:UUID} ORDER BY message_id`,
          query_params: { ws },
          format: "JSONEachRow",
        })
        .then((r) => r.json<{ message_id: string }>())
    ).map((r) => r.message_id);

  it("holds appended rows until loaded, finds them for dedup meanwhile, and loads them on the barrier", async () => {
    const ws = randomUUID();
    const log = logAt(freshDir(), { maxAgeMs: 60_000 });
    await log.append(lines([row(ws, "a"), row(ws, "b")]), 2);
    expect(log.pendingRows).toBe(2);
    expect(await idsInTable(ws)).toEqual([]);
    expect(await log.lookUp(ws, ["a", "x"])).toEqual([{ message_id: "a", payload_hash: "h-a" }]);
    expect(await log.lookUp(randomUUID(), ["a"])).toEqual([]);
    await log.barrier();
    expect(log.pendingRows).toBe(0);
    expect(await idsInTable(ws)).toEqual(["a", "b"]);
    // Loaded rows are found in the table now, once.
    expect(await log.lookUp(ws, ["b"])).toEqual([{ message_id: "b", payload_hash: "h-b" }]);
    expect(readdirSync(log.dir)).toEqual([]);
    await log.close();
  });

  it("loads by itself once a segment is full or old enough", async () => {
    const ws = randomUUID();
    const full = logAt(freshDir(), { maxRows: 3, maxAgeMs: 60_000 });
    await full.append(lines([row(ws, "f1"), row(ws, "f2"), row(ws, "f3")]), 3);
    const old = logAt(freshDir(), { maxAgeMs: 50 });
    await old.append(lines([row(ws, "o1")]), 1);
    for (let i = 0; i < 100 && full.pendingRows + old.pendingRows > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await idsInTable(ws)).toEqual(["f1", "f2", "f3", "o1"]);
    await full.close();
    await old.close();
  });

  it("recovers what a dead process left: torn last line cut, rows already loaded not loaded twice", async () => {
    const ws = randomUUID();
    const dir = freshDir();
    // Segment 1 was loaded, then the process died before removing it; segment 2 ends in a torn write.
    await stores.facts.client.command({
      query: `INSERT INTO ${table()} (${EVENT_COLUMNS.join(", ")}) FORMAT JSONCompactEachRow\n${lines([row(ws, "r1"), row(ws, "r2")])}`,
      clickhouse_settings: EVENT_INSERT_SETTINGS,
    });
    writeFileSync(join(dir, "seg-000000000001.jsonl"), lines([row(ws, "r1"), row(ws, "r2")]));
    const torn = lines([row(ws, "r3"), row(ws, "r4")]);
    writeFileSync(join(dir, "seg-000000000002.jsonl"), torn.slice(0, torn.length - 40));
    const log = logAt(dir);
    await log.barrier();
    expect(await idsInTable(ws)).toEqual(["r1", "r2", "r3"]);
    expect(readdirSync(dir)).toEqual([]);
    // New segments continue after the recovered ones.
    await log.append(lines([row(ws, "r5")]), 1);
    expect(readdirSync(dir)).toEqual(["seg-000000000003.jsonl"]);
    await log.close();
    expect(await idsInTable(ws)).toEqual(["r1", "r2", "r3", "r5"]);
  });

  it("hands each loaded segment with its appends' notes to the handler before removing it, retries a failed handler, and hands a dead process's segment over without notes", async () => {
    const ws = randomUUID();
    const dir = freshDir();
    writeFileSync(join(dir, "seg-000000000001.jsonl"), lines([row(ws, "h0")]));
    const log = logAt(dir, { maxAgeMs: 60_000 });
    const seen: Array<{ notes: unknown[] | undefined; ids: string[]; files: string[] }> = [];
    let failures = 1;
    log.onLoaded(async ({ source, notes, query }) => {
      // The rows are in the table and the file is still there when the handler runs.
      const ids = (
        await query<{ message_id: string }>(`SELECT message_id FROM ${source} ORDER BY message_id`)
      ).map((r) => r.message_id);
      seen.push({ notes, ids, files: readdirSync(dir) });
      if (notes && failures-- > 0) throw new Error("system of record away");
    });
    await log.open();
    expect(seen).toEqual([{ notes: undefined, ids: ["h0"], files: ["seg-000000000001.jsonl"] }]);
    await log.append(lines([row(ws, "h1")]), 1, { flush: 1 });
    await log.append(lines([row(ws, "h2")]), 1);
    await log.append(lines([row(ws, "h3")]), 1, { flush: 3 });
    // The first attempt fails: the segment stays (and is not loaded twice); the retry succeeds.
    await expect(log.barrier()).rejects.toThrow(/system of record away/);
    expect(readdirSync(dir)).toEqual(["seg-000000000002.jsonl"]);
    for (let i = 0; i < 100 && log.pendingRows > 0; i++) await new Promise((r) => setTimeout(r, 50));
    await log.barrier();
    const segment = {
      notes: [{ flush: 1 }, { flush: 3 }],
      ids: ["h1", "h2", "h3"],
      files: ["seg-000000000002.jsonl"],
    };
    expect(seen.slice(1)).toEqual([segment, segment]);
    expect(readdirSync(dir)).toEqual([]);
    expect(await idsInTable(ws)).toEqual(["h0", "h1", "h2", "h3"]);
    await log.close();
  });

  it("goes on appending while a segment loads", async () => {
    const ws = randomUUID();
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let loads = 0;
    const log = new EventLog(
      freshDir(),
      {
        query: async <T>() => EVENT_COLUMNS.map((name) => ({ name, type: "String" })) as T[],
        command: async () => {
          loads++;
          await gate;
        },
      },
      table(),
      EVENT_COLUMNS,
      EVENT_INSERT_SETTINGS,
      { maxRows: 1 },
    );
    await log.append(lines([row(ws, "l1")]), 1);
    for (let i = 0; i < 100 && loads === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(loads).toBe(1);
    // The first segment's load hangs; appends to the next segment still return.
    await log.append(lines([row(ws, "l2")]), 1);
    await log.append(lines([row(ws, "l3")]), 1);
    expect(log.pendingRows).toBe(3);
    release();
    await log.barrier();
    expect(log.pendingRows).toBe(0);
    await log.close();
  });

  it("refuses appends while loading fails and the backlog is full, and says why", async () => {
    const ws = randomUUID();
    const log = new EventLog(
      freshDir(),
      {
        // The table's columns as system.columns lists them; every load fails.
        query: async <T>() => EVENT_COLUMNS.map((name) => ({ name, type: "String" })) as T[],
        command: async () => {
          throw new Error("disk full");
        },
      },
      table(),
      EVENT_COLUMNS,
      EVENT_INSERT_SETTINGS,
      { maxRows: 1, maxBacklogRows: 2 },
    );
    await log.append(lines([row(ws, "b1"), row(ws, "b2")]), 2);
    await expect(log.append(lines([row(ws, "b3")]), 1)).rejects.toThrow(/wait for loading|fails/);
    await expect(log.barrier()).rejects.toThrow(/disk full/);
    await expect(log.close()).rejects.toThrow(/disk full/);
  });

  it("refuses to start on a facts store without the events table", async () => {
    const log = new EventLog(
      freshDir(),
      { query: async () => [], command: async () => {} },
      table(),
      EVENT_COLUMNS,
      EVENT_INSERT_SETTINGS,
    );
    await expect(log.append(lines([row(randomUUID(), "x")]), 1)).rejects.toThrow(/does not exist/);
    expect(log.pendingRows).toBe(0);
  });

  it("lets a statement on events see every acknowledged write of the event writer (read your writes)", async () => {
    const ws = await insertWorkspace(stores.sor.db);
    expect(stores.facts.eventLog).toBeDefined();
    const writer = createEventWriter(stores);
    expect(await writer.write([row(ws, "w1"), row(ws, "w2")])).toEqual(["stored", "stored"]);
    expect(stores.facts.eventLog?.pendingRows).toBe(2);
    const [n] = await stores.facts.query<{ n: number }>(
      `SELECT count() AS n FROM ${stores.facts.database}.events WHERE workspace_id = {ws:UUID}`,
      { ws },
    );
    expect(n?.n).toBe(2);
    // A retry of acknowledged rows, loaded or not, is a duplicate.
    expect(await writer.write([row(ws, "w1")])).toEqual(["duplicate"]);
    await writer.close();
  });
});

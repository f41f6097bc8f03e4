import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpFactsVariants } from "../../testing/facts-http.js";
import { storeVariants } from "../../testing/stores.js";
import { uuidv7 } from "../ids.js";
import type { Stores } from "../stores.js";
import { migrateFacts } from "./migrate.js";

// Every test runs on each facts transport: chDB in-process, and HTTP — to a ClickHouse HTTP interface
// served by this process's chDB engine, and to a real ClickHouse server when TEST_CLICKHOUSE_URL is set.
const variants = [...storeVariants(), ...httpFactsVariants()];

describe.each(variants.map((v) => [v.name, v] as const))("facts store on %s", (_name, variant) => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await variant.open();
  });
  afterAll(() => stores.close());

  it("records applied migrations and applies nothing twice", async () => {
    expect(await migrateFacts(stores.facts)).toEqual([]);
    const rows = await stores.facts.query<{ name: string }>(
      `SELECT name FROM ${stores.facts.database}.schema_migrations FINAL ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual([
      "0001_events",
      "0002_feedback",
      "0003_feedback_text",
      "0004_events_ingest",
      "0005_journey_instances",
    ]);
  });

  it("binds parameters and returns 64-bit integers as JSON numbers on every transport", async () => {
    const [row] = await stores.facts.query<{ n: number; s: string }>(
      "SELECT toUInt64({n:UInt64}) * 2 AS n, {s:String} AS s",
      {
        n: 21,
        s: "O'Brien; DROP TABLE x",
      },
    );
    expect(row).toEqual({ n: 42, s: "O'Brien; DROP TABLE x" });
  });

  it("never double-counts a replayed record", async () => {
    const ws = uuidv7();
    const event = (messageId: string, version: number) => ({
      workspace_id: ws,
      message_id: messageId,
      type: "track",
      event: "Order Completed",
      customer_id: "c1",
      user_id: "u1",
      anonymous_id: "",
      timestamp: "2026-11-01 10:00:00.000",
      received_at: "2026-11-01 10:00:01.000",
      properties: "{}",
      context: "{}",
      version,
    });
    await stores.facts.insert("events", [event("m1", 1), event("m2", 1)]);
    await stores.facts.insert("events", [event("m1", 1), event("m2", 2)]); // a retried batch
    const [count] = await stores.facts.query<{ n: number }>(
      `SELECT count() AS n FROM ${stores.facts.database}.events FINAL WHERE workspace_id = {ws:UUID}`,
      { ws },
    );
    expect(count?.n).toBe(2);
  });

  it("reports both stores reachable", async () => {
    expect(await stores.facts.ping()).toBe(true);
    expect(await stores.sor.ping()).toBe(true);
  });
});

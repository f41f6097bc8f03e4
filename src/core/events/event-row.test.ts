import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeVariants } from "../../testing/stores.js";
import type { Stores } from "../stores.js";
import {
  chTime,
  EVENT_COLUMNS,
  EVENT_INSERT_SETTINGS,
  type EventRow,
  eventLine,
  linesOf,
  loadableLines,
  TRACK_ONLY_COLUMNS,
} from "./event-row.js";
import { canonicalJson, wellFormed } from "./safe-json.js";

const reference = (ms: number) => {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
};

describe("chTime", () => {
  it("writes DateTime64(3) text, the same from its cache as computed afresh", () => {
    expect(chTime(new Date("2026-11-23T10:15:00.123Z"))).toBe("2026-11-23 10:15:00.123");
    expect(chTime(new Date("1900-01-01T00:00:00.000Z"))).toBe("1900-01-01 00:00:00.000");
    fc.assert(
      fc.property(
        // 1900–2299 (the facts store's range), drawn so that repeats and cache-slot collisions occur.
        fc.array(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2299, 11, 31) }), { maxLength: 40 }),
        fc.array(fc.nat(255), { maxLength: 40 }),
        (times, shifts) => {
          const all = [
            ...times,
            ...shifts.map((s, i) => (times[i % Math.max(1, times.length)] ?? 0) + s * 256),
          ];
          for (const ms of [...all, ...all.reverse()]) expect(chTime(new Date(ms))).toBe(reference(ms));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("loadableLines", () => {
  const row = (id: string, over: Partial<EventRow> = {}): EventRow => ({
    ...TRACK_ONLY_COLUMNS,
    workspace_id: "0190aaaa-0000-7000-8000-000000000001",
    message_id: id,
    type: "track",
    event: "Käse bestellt",
    customer_id: "",
    user_id: "u",
    anonymous_id: "",
    timestamp: "2026-11-23 10:00:00.000",
    received_at: "2026-11-23 10:00:01.000",
    properties: "{}",
    context: "{}",
    version: 1,
    payload_hash: "h",
    source: "http",
    historical: 0,
    ...over,
  });
  it("joins consecutive written lines of one buffer, writes the others, and refuses an unloadable row", () => {
    const written = (rows: EventRow[]) => {
      const { bytes, ends } = linesOf(rows);
      return rows.map((r, i) => ({
        ...r,
        line: { bytes, start: i === 0 ? 0 : (ends[i - 1] ?? 0), end: ends[i] ?? 0 },
      }));
    };
    const [a, b, c] = written([row("a"), row("b"), row("c")]);
    const [d] = written([row("d")]);
    const rows = [a, b, row("x"), c, d, row("y")] as EventRow[];
    const chunks = loadableLines(rows);
    // a+b, x, c, d, y: c does not follow b in its buffer once x came between them.
    expect(chunks).toHaveLength(5);
    expect(Buffer.concat(chunks).toString()).toBe(rows.map((r) => `${eventLine(r)}\n`).join(""));
    expect(eventLine(a as EventRow)).toBe(eventLine(row("a")));
    expect(loadableLines([a, b, c] as EventRow[])).toHaveLength(1);
    expect(() => loadableLines([row("bad", { timestamp: "soon" })])).toThrow(/DateTime64/);
    expect(() => linesOf([row("bad", { workspace_id: "w" })])).toThrow(/UUID/);
  });
});

describe("eventLine into the facts store", () => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await (storeVariants()[0] as { open(): Promise<Stores> }).open();
  });
  afterAll(() => stores.close());

  it("reads every column back exactly as written, JSON texts verbatim (random rows)", async () => {
    const text = fc.string({ unit: "binary", maxLength: 30 }).map(wellFormed);
    const json = fc
      .dictionary(text, fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 })
      .map((o) => canonicalJson(o, 64));
    const time = fc
      .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2299, 11, 31) })
      .map((ms) => chTime(new Date(ms)));
    const row = fc.record({
      message_id: text,
      type: fc.constantFrom("track", "identify", "page", "screen", "group", "alias" as const),
      event: text,
      user_id: text,
      anonymous_id: text,
      timestamp: time,
      properties: json,
      context: json,
      name: text,
      previous_id: text,
      traits: json,
      original_timestamp: fc.option(time, { nil: null }),
      consent: fc.oneof(fc.constant(""), json),
      analytics_consent: fc.constantFrom(0, 1),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 20 }), async (drawn) => {
        const ws = randomUUID();
        const rows: EventRow[] = drawn.map((d, i) => ({
          ...d,
          workspace_id: ws,
          message_id: `${i}:${d.message_id}`,
          customer_id: "",
          received_at: d.timestamp,
          version: 1,
          payload_hash: "h",
          group_id: 'g\t\n"',
          sent_at: null,
          source: "http",
          historical: 0,
        }));
        await stores.facts.insertFormatted(
          "events",
          EVENT_COLUMNS,
          "JSONCompactEachRow",
          rows.map(eventLine).join("\n"),
          EVENT_INSERT_SETTINGS,
        );
        const back = await stores.facts.query<EventRow>(
          `SELECT ${EVENT_COLUMNS.join(", ")}
           FROM ${stores.facts.database}.events WHERE workspace_id = {ws:UUID}`,
          { ws },
        );
        const byId = (a: EventRow, b: EventRow) => (a.message_id < b.message_id ? -1 : 1);
        const norm = (r: EventRow) => ({
          ...r,
          version: Number(r.version),
          // DateTime64 reads back as text in the same form.
          timestamp: String(r.timestamp),
        });
        expect(back.map(norm).sort(byId)).toEqual(rows.map(norm).sort(byId));
      }),
      { numRuns: 40 },
    );
  });
});

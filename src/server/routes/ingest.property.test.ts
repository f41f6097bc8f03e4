import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { seedWorkspace, testApp } from "../../testing/app.js";
import { basic } from "../../testing/ingest.js";
import { storeVariants } from "../../testing/stores.js";

/** Done-when #2 of issue 6: dedup, clock skew and hostile input, over generated cases. */
describe("ingestion properties", () => {
  let stores: Stores;
  let app: ReturnType<typeof testApp>;
  let auth: string;
  let workspaceId: string;
  let run = 0;

  const send = async (
    body: string | Uint8Array,
    path = "/v1/batch",
    headers: Record<string, string> = {},
  ) => {
    const res = await app.request(path, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json", ...headers },
      body: body as BodyInit,
    });
    const text = await res.text();
    return { status: res.status, text };
  };
  const stored = (prefix: string) =>
    stores.facts.query<{ message_id: string; event: string; user_id: string; timestamp: string }>(
      `SELECT message_id, event, user_id, toString(timestamp) AS timestamp
       FROM ${stores.facts.database}.events FINAL
       WHERE workspace_id = {ws:String} AND startsWith(message_id, {prefix:String}) ORDER BY message_id`,
      { ws: workspaceId, prefix },
    );

  beforeAll(async () => {
    stores = await (storeVariants()[0] as ReturnType<typeof storeVariants>[number]).open();
    const ws = await seedWorkspace(stores, "Properties");
    workspaceId = ws.workspaceId;
    auth = basic(await ws.key(["ingest"]));
    app = testApp(stores, {});
  });
  afterAll(async () => {
    await stores.close();
  });

  it("random batches with duplicates, shuffles and splits store exactly the deduplicated input", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 120 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
        async (distinct, picks, splits, concurrent, order) => {
          const prefix = `p${run++}-`;
          const events = Array.from({ length: distinct }, (_, i) => ({
            type: "track",
            event: `Order ${i % 3}`,
            userId: `u-${i % 5}`,
            messageId: `${prefix}${String(i).padStart(3, "0")}`,
            properties: { i },
          }));
          const sequence = [...events, ...picks.map((p) => events[p % distinct])];
          const shuffled = sequence
            .map((e, i) => ({ e, key: order[i % order.length] as number, i }))
            .sort((a, b) => a.key - b.key || a.i - b.i)
            .map((x) => x.e);
          const chunks: unknown[][] = [];
          for (let at = 0, s = 0; at < shuffled.length; s++) {
            const size = splits[s % splits.length] as number;
            chunks.push(shuffled.slice(at, at + size));
            at += size;
          }
          const post = (batch: unknown[]) => send(JSON.stringify({ batch }));
          const results = concurrent ? await Promise.all(chunks.map(post)) : [];
          if (!concurrent) for (const c of chunks) results.push(await post(c));
          const bodies = results.map((r) => JSON.parse(r.text));
          expect(results.every((r) => r.status === 200)).toBe(true);
          expect(bodies.reduce((n, b) => n + b.accepted, 0)).toBe(distinct);
          expect(bodies.reduce((n, b) => n + b.duplicates, 0)).toBe(shuffled.length - distinct);
          const rows = await stored(prefix);
          expect(rows.map((r) => [r.message_id, r.event, r.user_id])).toEqual(
            events.map((e) => [e.messageId, e.event, e.userId]),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it("corrects any clock skew to within 1 s of the true event time", async () => {
    const year = 365 * 24 * 3600_000;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -10 * year, max: 10 * year }),
        fc.integer({ min: 0, max: 7 * 24 * 3600_000 }),
        async (skew, delay) => {
          const messageId = `skew${run++}`;
          const now = Date.now();
          const happened = now - delay;
          const res = await send(
            JSON.stringify({
              sentAt: new Date(now + skew).toISOString(),
              batch: [
                {
                  type: "track",
                  event: "Call Ended",
                  userId: "u",
                  messageId,
                  originalTimestamp: new Date(happened + skew).toISOString(),
                },
              ],
            }),
          );
          expect(JSON.parse(res.text).accepted).toBe(1);
          const [row] = await stored(messageId);
          const ms = Date.parse(`${row?.timestamp.replace(" ", "T")}Z`);
          expect(Math.abs(ms - happened)).toBeLessThanOrEqual(1000);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("hostile payloads never cause a 5xx and never pollute prototypes", async () => {
    const deep = (n: number, open: string, close: string) => `${open.repeat(n)}${close.repeat(n)}`;
    const hostile = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc
        .string({ unit: "binary", maxLength: 200 })
        .map((s) => JSON.stringify({ batch: [{ type: "track", event: s, userId: s }] })),
      fc.constantFrom(
        '{"batch":[{"type":"track","event":"\\ud800","userId":"\\udfff","properties":{"\\ud800x":"\\udc00"}}]}',
        '{"__proto__":{"polluted":1},"batch":[{"__proto__":{"polluted":2},"type":"track","event":"e","userId":"u","properties":{"__proto__":{"polluted":3},"constructor":{"prototype":{"polluted":4}}}}]}',
        '{"batch":[{"type":"track","event":"e","userId":"u","properties":{"n":1e999,"m":-1e999}}]}',
        '{"batch":[{"type":"track","event":"e","userId":"u","timestamp":"+275760-09-13T00:00:00Z"}]}',
        '{"batch":[{"type":"track","event":"e","userId":"u","context":{"historical":true},"timestamp":"0001-01-01T00:00:00Z"}]}',
        `{"batch":[{"type":"track","event":"e","userId":"u","properties":${deep(10_000, '{"a":', "}").replace('{"a":}', "1")}}]}`,
        `{"batch":[${deep(10_000, "[", "]")}]}`,
        `{"context":${deep(10_000, "[", "]")},"batch":[]}`,
        deep(100_000, "[", "]"),
        '{"batch":[{"type":"track","event":"e","userId":"u","messageId":"a\\u0000b"}]}',
        '{"batch":[{"type":"track","event":"\\u0000","userId":"\\u0000","properties":{"\\u0000":"\\u0000"}}]}',
      ),
      fc
        .jsonValue()
        .map((v) =>
          JSON.stringify({ batch: [v, { type: "track", event: "e", userId: "u", properties: v }] }),
        ),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(
        hostile,
        fc.boolean(),
        fc.constantFrom("/v1/batch", "/v1/track"),
        async (body, gzip, path) => {
          const raw = typeof body === "string" ? Buffer.from(body) : body;
          const res = await send(
            gzip ? gzipSync(raw) : raw,
            path,
            gzip ? { "content-encoding": "gzip" } : {},
          );
          expect(res.status, res.text).toBeLessThan(500);
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
    const bomb = await send(gzipSync(Buffer.alloc(20_000_000, 0x5b)), "/v1/batch", {
      "content-encoding": "gzip",
    });
    expect(bomb.status).toBe(413);
  });
});

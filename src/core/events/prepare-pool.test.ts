import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { defaultIngestLimits } from "../config.js";
import { AppError } from "../errors.js";
import { eventLine, loadableLines } from "./event-row.js";
import { failedPayloadJson } from "./failed-events/record-failed-events.js";
import { prepareItems } from "./ingest-events.js";
import { PreparePool, rowsOf } from "./prepare-pool.js";
import { itemsOfBody, parseBodyObject } from "./request-body.js";

const WS = "0190aaaa-0000-7000-8000-000000000001";
const limits = defaultIngestLimits;

/** The main-thread path: what the route does without workers. */
function inThread(body: string, receivedAt: Date) {
  const { items, envelope } = itemsOfBody(parseBodyObject(Buffer.from(body)), undefined, limits);
  return prepareItems(WS, items, { envelope, receivedAt, limits, source: "http" });
}

describe("ingestion worker threads", () => {
  const pool = new PreparePool(2);
  afterAll(() => pool.close());

  it("prepare exactly what the main thread prepares: lines, the fields it keeps, refusals, warnings", async () => {
    const item = fc.record(
      {
        type: fc.constantFrom("track", "identify", "page", "alias", "group", "bogus"),
        event: fc.string({ maxLength: 12 }),
        userId: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
        anonymousId: fc.string({ maxLength: 8 }),
        previousId: fc.string({ maxLength: 8 }),
        groupId: fc.string({ maxLength: 4 }),
        messageId: fc.string({ minLength: 1, maxLength: 10 }),
        timestamp: fc.constantFrom("2026-11-23T10:00:00.123Z", "2999-01-01T00:00:00Z", "soon", undefined),
        properties: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
        traits: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
        context: fc.record(
          {
            consent: fc.record({
              categoryPreferences: fc.dictionary(fc.string({ maxLength: 4 }), fc.boolean()),
            }),
          },
          { requiredKeys: [] },
        ),
      },
      // With a messageId: a generated one differs between any two runs.
      { requiredKeys: ["type", "messageId"] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(item, fc.jsonValue({ maxDepth: 2 })), { maxLength: 25 }),
        fc.boolean(),
        async (batch, gzip) => {
          const body = JSON.stringify({
            batch,
            sentAt: "2026-11-23T10:00:01Z",
            context: { locale: "de-DE" },
          });
          const receivedAt = new Date("2026-11-23T10:00:02Z");
          const expected = inThread(body, receivedAt);
          const raw = Buffer.from(body);
          const reply = await pool.prepare({
            body: gzip ? gzipSync(raw) : raw,
            gzip,
            type: undefined,
            workspaceId: WS,
            receivedAt: receivedAt.getTime(),
            limits,
            source: "http",
          });
          const rows = rowsOf(WS, "http", reply.cols);
          // Every line, with its newline, in the bytes the worker transferred.
          expect(rows.map(eventLine)).toEqual(expected.rows.map(eventLine));
          expect(Buffer.concat(loadableLines(rows)).toString()).toBe(
            expected.rows.map((r) => `${eventLine(r)}\n`).join(""),
          );
          const kept = (r: (typeof rows)[number]) => ({
            workspace_id: r.workspace_id,
            message_id: r.message_id,
            type: r.type,
            user_id: r.user_id,
            anonymous_id: r.anonymous_id,
            previous_id: r.previous_id,
            timestamp: r.timestamp,
            payload_hash: r.payload_hash,
            traits: r.type === "identify" ? r.traits : "{}",
            consent: r.consent,
            analytics_consent: r.analytics_consent,
            historical: r.historical,
          });
          expect(rows.map(kept)).toEqual(expected.rows.map(kept));
          expect(reply.rowIndex).toEqual(expected.rowIndex);
          expect(reply.warnings).toEqual(expected.warnings);
          expect(reply.failed).toEqual(
            expected.failed.map((f) => ({ ...f, payload: null, payloadJson: failedPayloadJson(f.payload) })),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("answer a bad body with the error the route gives on the main thread", async () => {
    const request = (body: Uint8Array, gzip = false) =>
      pool.prepare({
        body,
        gzip,
        type: undefined,
        workspaceId: WS,
        receivedAt: Date.now(),
        limits,
        source: "http",
      });
    const errorOf = async (p: Promise<unknown>) => {
      const e = await p.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(e).toBeInstanceOf(AppError);
      const { code, message, errors } = e as AppError;
      return { code, message, errors };
    };
    for (const body of [
      "{nope",
      "[1,2]",
      '{"batch":{}}',
      `{"batch":[${"[".repeat(5000)}${"]".repeat(5000)}]}`,
    ]) {
      let expected: unknown;
      try {
        inThread(body, new Date());
      } catch (e) {
        const { code, message, errors } = e as AppError;
        expected = { code, message, errors };
      }
      if (expected === undefined) await request(Buffer.from(body));
      else expect(await errorOf(request(Buffer.from(body)))).toEqual(expected);
    }
    expect(await errorOf(request(Buffer.from("not gzip"), true))).toMatchObject({
      code: "validation_failed",
      errors: [{ pointer: "/body", code: "invalid_json" }],
    });
    expect(
      await errorOf(request(gzipSync(Buffer.alloc(limits.maxRequestBytes + 1, 0x20)), true)),
    ).toMatchObject({
      code: "payload_too_large",
    });
  });

  it("stop restarting workers that cannot start, so requests are prepared on the main thread", async () => {
    let started = 0;
    const broken = new PreparePool(1, () => {
      started++;
      return new Worker("throw new Error('boom')", { eval: true });
    });
    for (let i = 0; i < 100 && broken.usable; i++) await new Promise((r) => setTimeout(r, 20));
    expect(broken.usable).toBe(false);
    expect(started).toBe(3);
    await expect(
      broken.prepare({
        body: Buffer.from("{}"),
        gzip: false,
        type: undefined,
        workspaceId: WS,
        receivedAt: 0,
        limits,
        source: "http",
      }),
    ).rejects.toMatchObject({ code: "unavailable" });
    await broken.close();
  });
});

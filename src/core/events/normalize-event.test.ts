import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultIngestLimits as limits } from "../config.js";
import { normalizeEvent, payloadHash, toEventRow } from "./normalize-event.js";
import {
  boundedJson,
  canonicalJson,
  deeperThan,
  jsonString,
  sanitize,
  TooDeep,
  wellFormed,
} from "./safe-json.js";

const receivedAt = new Date("2026-03-02T10:00:00.000Z");
const ok = (item: unknown, envelope = {}) => {
  const n = normalizeEvent(item, { envelope, receivedAt, limits });
  if (!n.ok) throw new Error(`${n.code}: ${n.message}`);
  return n.event;
};

describe("normalizeEvent", () => {
  it("hashes the payload, not its key order nor the skew-corrected time", () => {
    const a = ok({
      type: "track",
      event: "Order Completed",
      userId: "u",
      messageId: "m",
      properties: { a: 1, b: 2 },
    });
    const b = ok({
      properties: { b: 2, a: 1 },
      messageId: "m",
      userId: "u",
      event: "Order Completed",
      type: "track",
    });
    expect(payloadHash(a)).toBe(payloadHash(b));
    const skewed = (sentAt: string) =>
      payloadHash(
        ok({
          type: "track",
          event: "e",
          userId: "u",
          messageId: "m",
          originalTimestamp: "2026-03-02T09:00:00Z",
          sentAt,
        }),
      );
    expect(skewed("2026-03-02T09:00:05Z")).toBe(skewed("2026-03-02T09:30:00Z"));
    expect(payloadHash(ok({ type: "track", event: "other", userId: "u", messageId: "m" }))).not.toBe(
      payloadHash(a),
    );
  });

  it("generates a UUIDv7 messageId when none is given, and fills every row column", () => {
    const e = ok({
      type: "page",
      anonymousId: "a",
      name: "Checkout",
      context: { consent: { categoryPreferences: { C0002: false } } },
    });
    expect(e.generatedId).toBe(true);
    expect(e.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(toEventRow(e, "ws", "http")).toMatchObject({
      workspace_id: "ws",
      type: "page",
      name: "Checkout",
      event: "",
      timestamp: "2026-03-02 10:00:00.000",
      received_at: "2026-03-02 10:00:00.000",
      consent: '{"C0002":false}',
      analytics_consent: 0,
      historical: 0,
      original_timestamp: null,
    });
  });

  it("keeps __proto__ as a plain key and replaces lone surrogates", () => {
    const item = JSON.parse(
      '{"type":"track","event":"\\ud800x","userId":"u","properties":{"__proto__":{"admin":true}}}',
    );
    const e = ok(item);
    expect(Object.keys(JSON.parse(e.properties))).toEqual(["__proto__"]);
    expect(e.event).toBe("\ufffdx");
    expect(sanitize({ "k\u0000": "a\u0000b" })).toEqual({ "k\ufffd": "a\ufffdb" });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(JSON.parse(toEventRow(e, "ws", "http").properties)).toEqual(
      JSON.parse('{"__proto__":{"admin":true}}'),
    );
  });

  it("rejects times outside the facts store's range", () => {
    const n = normalizeEvent(
      { type: "track", event: "e", userId: "u", timestamp: "0001-01-01T00:00:00Z", historical: true },
      { envelope: {}, receivedAt, limits },
    );
    expect(n).toMatchObject({ ok: false, code: "schema_violation" });
  });
});

/** Sorted keys (integer-like ones too, unlike an object's own order), cleaned strings, later key wins. */
function reference(v: unknown): string {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "null";
    const huge = Number.isInteger(v) && (v >= 2 ** 64 || v <= -(2 ** 63));
    return huge ? v.toExponential() : JSON.stringify(v);
  }
  if (typeof v === "string") return JSON.stringify(sanitize(v));
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(reference).join(",")}]`;
  const o = v as Record<string, unknown>;
  const m = new Map<string, unknown>();
  for (const k of Object.keys(o).sort()) m.set(sanitize(k) as string, o[k]);
  return `{${[...m.keys()]
    .sort()
    .map((k) => `${JSON.stringify(k)}:${reference(m.get(k))}`)
    .join(",")}}`;
}

describe("safe JSON", () => {
  const deep = JSON.parse(`${"[".repeat(10_000)}${"]".repeat(10_000)}`);
  it("measures depth iteratively", () => {
    expect(deeperThan(deep, 64)).toBe(true);
    expect(deeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(deeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
  });
  it("serialises any depth with a byte cap", () => {
    expect(boundedJson({ a: [1, "x", null, Number.POSITIVE_INFINITY] }, 100)).toEqual({
      text: '{"a":[1,"x",null,null]}',
      truncated: false,
    });
    const cut = boundedJson(deep, 1000);
    expect(cut).toEqual({ text: "[".repeat(1000), truncated: true });
    expect(boundedJson({ s: "ä".repeat(10) }, 10).text).toBe('{"s":"ää');
  });
  it("writes canonical JSON in one pass: the text of the sanitised copy, or TooDeep past the limit", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.string({ unit: "binary" }), (value, odd) => {
        // Odd strings (lone surrogates, NUL) as a value and as a key.
        const v = { value, [odd]: odd, list: [odd, Number.POSITIVE_INFINITY] };
        expect(canonicalJson(v, 64)).toBe(reference(v));
      }),
      { numRuns: 300 },
    );
    expect(() => canonicalJson(deep, 64)).toThrow(TooDeep);
    expect(canonicalJson({ a: [{ b: 1 }] }, 3)).toBe('{"a":[{"b":1}]}');
    // Integers beyond Int64/UInt64 in exponent form, which ClickHouse's JSON functions can read.
    expect(canonicalJson({ big: 1e20, low: -(2 ** 63), ok: 2 ** 63, small: -1.5 }, 3)).toBe(
      '{"big":1e+20,"low":-9.223372036854776e+18,"ok":9223372036854776000,"small":-1.5}',
    );
    expect(() => canonicalJson({ a: [{ b: {} }] }, 3)).toThrow(TooDeep);
  });

  it("quotes a string as JSON.stringify does its well-formed copy, plain or not", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string()), (s) => {
        expect(jsonString(s)).toBe(JSON.stringify(wellFormed(s)));
      }),
      { numRuns: 500 },
    );
    expect(jsonString('a"b\\c\n')).toBe(JSON.stringify('a"b\\c\n'));
  });

  it("sorts keys at every level, so the copy's JSON is canonical", () => {
    expect(JSON.stringify(sanitize({ b: { d: 1, c: [{ f: 1, e: 2 }] }, a: null }))).toBe(
      '{"a":null,"b":{"c":[{"e":2,"f":1}],"d":1}}',
    );
  });
});

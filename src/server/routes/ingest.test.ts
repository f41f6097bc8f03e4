import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultIngestLimits } from "../../core/config.js";
import type { Stores } from "../../core/stores.js";
import { type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { basic, storedEvents } from "../../testing/ingest.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("ingestion API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let key: string;
  let app: ReturnType<typeof testApp>;

  const post = async (
    path: string,
    body: unknown,
    opts: { auth?: string | null; headers?: Record<string, string>; raw?: Uint8Array | string } = {},
  ) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
    const auth = opts.auth === undefined ? basic(key) : opts.auth;
    if (auth) headers.authorization = auth;
    const res = await app.request(path, {
      method: "POST",
      headers,
      body: (opts.raw ?? JSON.stringify(body)) as BodyInit,
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: responses are asserted field by field
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as any };
  };
  const failedRows = () =>
    stores.sor.db
      .selectFrom("failed_events")
      .selectAll()
      .where("workspace_id", "=", ws.workspaceId)
      .execute();
  const events = () => storedEvents(stores, ws.workspaceId);
  const byId = async (id: string) => (await events()).find((e) => e.message_id === id);

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Stadtwerke");
    other = await seedWorkspace(stores, "Other");
    key = await ws.key(["ingest"]);
    app = testApp(stores);
  });
  afterAll(async () => {
    await stores.close();
  });

  it("stores each call type from its own route", async () => {
    const calls: [string, Record<string, unknown>][] = [
      ["track", { event: "Order Completed", userId: "u-1", properties: { total: 49.9 } }],
      ["identify", { userId: "u-1", traits: { email: "kunde@example.com" } }],
      ["page", { anonymousId: "a-1", name: "Checkout" }],
      ["screen", { userId: "u-1", name: "Tarife" }],
      ["group", { userId: "u-1", groupId: "g-1", traits: { name: "Acme" } }],
      ["alias", { userId: "u-1", previousId: "a-1" }],
    ];
    for (const [type, body] of calls) {
      const res = await post(`/v1/${type}`, { ...body, messageId: `route-${type}` });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, accepted: 1, duplicates: 0, rejected: [] });
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
    }
    expect(await byId("route-track")).toMatchObject({
      type: "track",
      event: "Order Completed",
      user_id: "u-1",
    });
    expect(await byId("route-page")).toMatchObject({ type: "page", name: "Checkout", anonymous_id: "a-1" });
    expect(await byId("route-group")).toMatchObject({ type: "group", group_id: "g-1" });
    expect(await byId("route-alias")).toMatchObject({ type: "alias", previous_id: "a-1", user_id: "u-1" });
    expect(JSON.parse((await byId("route-identify"))?.traits ?? "{}")).toEqual({
      email: "kunde@example.com",
    });
  });

  it("accepts the write key as Basic, Bearer and writeKey in the body; refuses bad keys", async () => {
    const track = (id: string) => ({ type: "track", event: "Call Ended", userId: "u-2", messageId: id });
    expect((await post("/v1/batch", { batch: [track("auth-basic")] })).body.accepted).toBe(1);
    expect(
      (await post("/v1/batch", { batch: [track("auth-bearer")] }, { auth: `Bearer ${key}` })).body.accepted,
    ).toBe(1);
    expect(
      (await post("/v1/batch", { batch: [track("auth-body")], writeKey: key }, { auth: null })).body.accepted,
    ).toBe(1);
    expect(
      (await post("/v1/track", { ...track("auth-body-single"), writeKey: key }, { auth: null })).body
        .accepted,
    ).toBe(1);
    expect((await post("/v1/track", track("x"), { auth: null })).status).toBe(401);
    const unauthenticated = await post("/v1/track", track("x"), { auth: basic("") });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await app.request("/v1/batch", {
      method: "OPTIONS",
      headers: { origin: "https://shop.example.com", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect((await post("/v1/track", track("x"), { auth: basic("jl_unknown") })).status).toBe(401);
    const readOnly = await ws.key(["read"]);
    const forbidden = await post("/v1/track", track("x"), { auth: basic(readOnly) });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toContain("application/problem+json");
  });

  it("reads gzip bodies and ends gzip bombs and oversized bodies as 413", async () => {
    const body = { batch: [{ type: "track", event: "Delivery Delayed", userId: "u-3", messageId: "gz-1" }] };
    const gz = await post("/v1/batch", undefined, {
      raw: gzipSync(JSON.stringify(body)),
      headers: { "content-encoding": "gzip" },
    });
    expect(gz.body).toMatchObject({ accepted: 1 });
    const bomb = gzipSync(Buffer.alloc(50_000_000, 0x20));
    const exploded = await post("/v1/batch", undefined, {
      raw: bomb,
      headers: { "content-encoding": "gzip" },
    });
    expect(exploded.status).toBe(413);
    const big = JSON.stringify({
      batch: [{ type: "track", event: "x", userId: "u", p: "y".repeat(600_000) }],
    });
    expect((await post("/v1/batch", undefined, { raw: big })).status).toBe(413);
    const corrupt = await post("/v1/batch", undefined, {
      raw: "not gzip",
      headers: { "content-encoding": "gzip" },
    });
    expect(corrupt.status).toBe(400);
    const brotli = await post("/v1/batch", body, { headers: { "content-encoding": "br" } });
    expect(brotli.status).toBe(400);
  });

  it("refuses a whole request over the batch length or with invalid JSON", async () => {
    const batch = Array.from({ length: 1001 }, (_, i) => ({
      type: "track",
      event: "e",
      userId: "u",
      messageId: `l-${i}`,
    }));
    const long = await post("/v1/batch", { batch });
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({ pointer: "/body/batch", code: "too_many" });
    const bad = await post("/v1/batch", undefined, { raw: "{ nope" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].code).toBe("invalid_json");
    expect((await post("/v1/batch", undefined, { raw: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) })).status).toBe(
      400,
    );
    expect((await post("/v1/batch", { batch: "x" })).status).toBe(400);
  });

  it("rejects bad items on their own with stable codes and keeps them in failed_events", async () => {
    const res = await post("/v1/batch", {
      batch: [
        { type: "track", event: "Order Completed", userId: "u-4", messageId: "ok-1" },
        { type: "track", event: "Order Completed", messageId: "rej-identity" },
        { type: "track", userId: "u-4", messageId: "rej-name" },
        {
          type: "track",
          event: "x",
          userId: "u-4",
          messageId: "rej-large",
          properties: { t: "z".repeat(33_000) },
        },
        { type: "track", event: "x", userId: "u".repeat(256), messageId: "rej-id" },
        {
          type: "track",
          event: "x",
          userId: "u-4",
          messageId: "rej-deep",
          properties: JSON.parse(`${"[".repeat(70)}${"]".repeat(70)}`),
        },
        { type: "launch", userId: "u-4", messageId: "rej-type" },
        { type: "track", event: "x", userId: "u-4", messageId: "rej-time", timestamp: "yesterday" },
        { type: "alias", userId: "u-4", messageId: "rej-alias" },
        "not an object",
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.success).toBe(true);
    expect(res.body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [1, "missing_identity"],
      [2, "missing_event_name"],
      [3, "event_too_large"],
      [4, "schema_violation"],
      [5, "schema_violation"],
      [6, "schema_violation"],
      [7, "schema_violation"],
      [8, "missing_identity"],
      [9, "schema_violation"],
    ]);
    const rows = await failedRows();
    expect(rows.length).toBe(9);
    const identity = rows.find((r) => r.message_id === "rej-identity");
    expect(identity).toMatchObject({
      source: "http",
      code: "missing_identity",
      truncated: false,
      status: "failed",
    });
    expect(JSON.parse(identity?.payload ?? "")).toMatchObject({ event: "Order Completed" });
    const allBad = await post("/v1/track", { event: "x" });
    expect(allBad.body).toMatchObject({
      success: false,
      accepted: 0,
      rejected: [{ index: 0, code: "missing_identity" }],
    });
  });

  it("dedups per workspace: retries are duplicates, a changed payload is a conflict", async () => {
    const batch = [
      { type: "track", event: "Ticket Created", userId: "u-5", messageId: "dup-1" },
      { type: "track", event: "Ticket Created", userId: "u-5", messageId: "dup-2" },
    ];
    expect((await post("/v1/batch", { batch })).body).toMatchObject({ accepted: 2, duplicates: 0 });
    expect((await post("/v1/batch", { batch, sentAt: new Date().toISOString() })).body).toMatchObject({
      accepted: 0,
      duplicates: 2,
      success: true,
    });
    const changed = await post("/v1/track", { ...batch[0], properties: { changed: true } });
    expect(changed.body.rejected).toEqual([
      { index: 0, messageId: "dup-1", code: "duplicate_conflict", message: expect.any(String) },
    ]);
    expect(
      (await failedRows()).some((r) => r.code === "duplicate_conflict" && r.message_id === "dup-1"),
    ).toBe(true);
    const otherKey = await other.key(["ingest"]);
    expect((await post("/v1/batch", { batch }, { auth: basic(otherKey) })).body.accepted).toBe(2);
  });

  it("corrects clock skew exactly, applies the future rule and keeps historical timestamps", async () => {
    const before = Date.now();
    const res = await post("/v1/batch", {
      sentAt: "2026-01-01T12:00:10.000Z",
      batch: [
        {
          type: "track",
          event: "skew",
          userId: "u-6",
          messageId: "skew-1",
          originalTimestamp: "2026-01-01T12:00:00.000Z",
        },
        {
          type: "track",
          event: "future",
          userId: "u-6",
          messageId: "future-1",
          timestamp: new Date(before + 24 * 3600_000).toISOString(),
        },
        {
          type: "track",
          event: "near",
          userId: "u-6",
          messageId: "near-1",
          timestamp: new Date(before + 22 * 3600_000).toISOString(),
        },
        {
          type: "track",
          event: "old",
          userId: "u-6",
          messageId: "hist-1",
          timestamp: "2020-05-01T08:00:00.000Z",
          context: { historical: true },
        },
      ],
    });
    const after = Date.now();
    expect(res.body.warnings).toEqual([{ index: 1, messageId: "future-1", code: "timestamp_in_future" }]);
    const ms = async (id: string) => Date.parse(`${(await byId(id))?.timestamp.replace(" ", "T")}Z`);
    // receivedAt lies in [before, after]; the event happened 10 s before it.
    expect(await ms("skew-1")).toBeGreaterThanOrEqual(before - 10_000);
    expect(await ms("skew-1")).toBeLessThanOrEqual(after - 10_000);
    expect(await ms("future-1")).toBeGreaterThanOrEqual(before);
    expect(await ms("future-1")).toBeLessThanOrEqual(after);
    expect(await ms("near-1")).toBe(before + 22 * 3600_000);
    expect(await ms("hist-1")).toBe(Date.parse("2020-05-01T08:00:00.000Z"));
    expect((await byId("hist-1"))?.historical).toBe(1);
  });

  it("merges the envelope's context and integrations under the event's own", async () => {
    await post("/v1/batch", {
      context: {
        library: { name: "analytics-node" },
        locale: "de-DE",
        consent: { categoryPreferences: { analytics: false } },
      },
      integrations: { All: true },
      batch: [
        { type: "track", event: "merge", userId: "u-7", messageId: "merge-1", context: { locale: "en-GB" } },
      ],
    });
    const row = await byId("merge-1");
    expect(JSON.parse(row?.context ?? "")).toEqual({
      library: { name: "analytics-node" },
      locale: "en-GB",
      consent: { categoryPreferences: { analytics: false } },
    });
    expect(row?.analytics_consent).toBe(0);
  });

  it("rate-limits per key with X-RateLimit-* and Retry-After", async () => {
    const limited = testApp(stores, { ingest: { ...defaultIngestLimits, requestsPerMinute: 2 } });
    const limitedKey = await ws.key(["ingest"]);
    const send = () =>
      limited.request("/v1/track", {
        method: "POST",
        headers: { authorization: basic(limitedKey), "content-type": "application/json" },
        body: JSON.stringify({ event: "rl", userId: "u-8" }),
      });
    const first = await send();
    expect(first.headers.get("x-ratelimit-limit")).toBe("2");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    expect(first.headers.get("x-ratelimit-reset")).not.toBeNull();
    await send();
    const third = await send();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers 503 with Retry-After and acknowledges nothing when the facts store is gone", async () => {
    const broken = await variant.open();
    const brokenWs = await seedWorkspace(broken, "Broken");
    const brokenKey = await brokenWs.key(["ingest"]);
    // The events table gone stands for an unreachable facts store: every write fails.
    await broken.facts.command(`DROP TABLE ${broken.facts.database}.events`);
    const res = await testApp(broken).request("/v1/track", {
      method: "POST",
      headers: { authorization: basic(brokenKey), "content-type": "application/json" },
      body: JSON.stringify({ event: "down", userId: "u-9" }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await broken.sor.db.selectFrom("failed_events").selectAll().execute()).toEqual([]);
    await broken.close();
  });
});

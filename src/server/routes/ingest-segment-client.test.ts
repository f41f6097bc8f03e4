import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { Analytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { seedWorkspace, testApp } from "../../testing/app.js";
import { storedEvents } from "../../testing/ingest.js";
import { storeVariants } from "../../testing/stores.js";

/** Done-when #1 of issue 6: the official Segment Node client works against Journeylens unchanged. */
describe("the official @segment/analytics-node client", () => {
  let stores: Stores;
  let server: ServerType;
  let host: string;
  let workspaceId: string;
  let writeKey: string;

  beforeAll(async () => {
    stores = await (storeVariants()[0] as ReturnType<typeof storeVariants>[number]).open();
    const ws = await seedWorkspace(stores, "Segment");
    workspaceId = ws.workspaceId;
    writeKey = await ws.key(["ingest"]);
    const app = testApp(stores);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stores.close();
  });

  it("sends track/identify/page/group/alias through a real server; every event is stored", async () => {
    const analytics = new Analytics({ writeKey, host, flushAt: 3, maxRetries: 0 });
    const errors: unknown[] = [];
    analytics.on("error", (e) => errors.push(e));
    const responses: number[] = [];
    analytics.on("http_response", (r) => responses.push(r.status));
    const at = (s: string) => new Date(`2026-03-02T09:${s}.000Z`);

    analytics.identify({
      userId: "K-100234",
      traits: { email: "kunde@example.com", tarif: "Basis" },
      timestamp: at("00:00"),
    });
    analytics.track({
      userId: "K-100234",
      event: "Order Completed",
      properties: { total: 49.9 },
      timestamp: at("01:00"),
    });
    analytics.track({ anonymousId: "anon-7", event: "Delivery Delayed", timestamp: at("02:00") });
    analytics.page({
      anonymousId: "anon-7",
      name: "Checkout",
      properties: { path: "/checkout" },
      timestamp: at("03:00"),
    });
    analytics.group({
      userId: "K-100234",
      groupId: "firma-42",
      traits: { name: "Acme" },
      timestamp: at("04:00"),
    });
    analytics.alias({ userId: "K-100234", previousId: "anon-7", timestamp: at("05:00") });
    await analytics.closeAndFlush({ timeout: 20_000 });

    expect(errors).toEqual([]);
    expect(responses.length).toBeGreaterThanOrEqual(2);
    expect(responses.every((s) => s === 200)).toBe(true);
    const rows = (await storedEvents(stores, workspaceId)).sort((a, b) =>
      a.timestamp.localeCompare(b.timestamp),
    );
    expect(
      rows.map((r) => [
        r.type,
        r.event,
        r.name,
        r.user_id,
        r.anonymous_id,
        r.group_id,
        r.previous_id,
        r.timestamp,
      ]),
    ).toEqual([
      ["identify", "", "", "K-100234", "", "", "", "2026-03-02 09:00:00.000"],
      ["track", "Order Completed", "", "K-100234", "", "", "", "2026-03-02 09:01:00.000"],
      ["track", "Delivery Delayed", "", "", "anon-7", "", "", "2026-03-02 09:02:00.000"],
      ["page", "", "Checkout", "", "anon-7", "", "", "2026-03-02 09:03:00.000"],
      ["group", "", "", "K-100234", "", "firma-42", "", "2026-03-02 09:04:00.000"],
      ["alias", "", "", "K-100234", "", "", "anon-7", "2026-03-02 09:05:00.000"],
    ]);
    expect(JSON.parse(rows[0]?.traits ?? "{}")).toEqual({ email: "kunde@example.com", tarif: "Basis" });
    expect(JSON.parse(rows[1]?.properties ?? "{}")).toEqual({ total: 49.9 });
    expect(JSON.parse(rows[1]?.context ?? "{}").library.name).toBe("@segment/analytics-node");
    expect(rows.every((r) => r.source === "http")).toBe(true);
  });
});

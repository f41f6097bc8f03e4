import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { trackEvent } from "../../testing/analytics-events.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("paths route on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const post = (body: unknown) =>
    call("POST", `/api/v1/workspaces/${ws.workspaceId}/analytics/paths`, { cookie: ws.ownerCookie, body });

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Paths");
    call = client(testApp(stores));
    const w = ws.workspaceId;
    await stores.facts.insert("events", [
      trackEvent(w, "2026-11-03T09:00:00Z", { userId: "K-1" }, "Product Viewed"),
      trackEvent(w, "2026-11-03T09:05:00Z", { userId: "K-1" }, "Checkout Started"),
      trackEvent(w, "2026-11-03T09:10:00Z", { userId: "K-1" }, "Order Completed"),
      trackEvent(w, "2026-11-03T09:00:00Z", { userId: "K-2" }, "Product Viewed"),
      trackEvent(w, "2026-11-03T09:01:00Z", { userId: "K-2" }, "Help"),
    ]);
  });
  afterAll(async () => stores?.close());

  it("answers paths and links with the defaults (depth 3, after)", async () => {
    const res = await post({
      from: "2026-11-02T00:00:00Z",
      to: "2026-11-20T00:00:00Z",
      anchor: { event: "Product Viewed" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      units: 2,
      paths: [
        { steps: ["Checkout Started", "Order Completed", "(end)"], units: 1, share: 0.5 },
        { steps: ["Help", "(end)"], units: 1, share: 0.5 },
      ],
      links: [
        { depth: 1, source: "Product Viewed", target: "Checkout Started", units: 1 },
        { depth: 1, source: "Product Viewed", target: "Help", units: 1 },
        { depth: 2, source: "Checkout Started", target: "Order Completed", units: 1 },
        { depth: 2, source: "Help", target: "(end)", units: 1 },
        { depth: 3, source: "Order Completed", target: "(end)", units: 1 },
      ],
    });
  });

  it("answers 400 naming the field for bad input", async () => {
    const pointers = async (body: Record<string, unknown>) => {
      const res = await post({ anchor: { event: "Product Viewed" }, ...body });
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { pointer: string }) => e.pointer);
    };
    expect(await pointers({ depth: 9 })).toEqual(["/body/depth"]);
    expect(await pointers({ limit: 51 })).toEqual(["/body/limit"]);
    expect(await pointers({ direction: "sideways" })).toEqual(["/body/direction"]);
    expect(await pointers({ timezone: "Europe/Nowhere" })).toEqual(["/body/timezone"]);
    expect(await pointers({ anchor: { event: "Product Viewed", where: 'user_id = "K-1"' } })).toEqual([
      "/body/anchor/where",
    ]);
    expect(await pointers({ anchor: { event: "x", where: "properties.a = 1) OR (1 = 1" } })).toEqual([
      "/body/anchor/where",
    ]);
  });
});

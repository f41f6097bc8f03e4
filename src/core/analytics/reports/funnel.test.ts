import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trackEvent } from "../../../testing/analytics-events.js";
import { seedWorkspace } from "../../../testing/app.js";
import { storeVariants } from "../../../testing/stores.js";
import { applyIdentity } from "../../customers/apply-identity.js";
import { ZIdentityPayload } from "../../customers/identity-payload.js";
import type { EventRow } from "../../events/event-row.js";
import type { ReportContext } from "../../metrics/report-context.js";
import type { Stores } from "../../stores.js";
import { type TFunnelInput, ZFunnelRequest } from "../funnel.schema.js";
import { funnel, funnelDropped } from "./funnel.js";

/** Minutes after 2026-11-02 09:00 UTC. */
const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, 0) + minute * 60_000);
const scope = { from: "2026-11-01T00:00:00Z", to: "2026-11-03T00:00:00Z" };

/** A track event `minute` minutes after 09:00 on 2 Nov 2026, with a channel in its context. */
const row = (
  workspaceId: string,
  ids: { userId?: string; anonymousId?: string },
  name: string,
  minute: number,
  extra: { channel?: string; properties?: Record<string, unknown> } = {},
): EventRow =>
  trackEvent(
    workspaceId,
    at(minute).toISOString(),
    ids,
    name,
    extra.properties ?? {},
    extra.channel ? { channel: extra.channel } : {},
  );

const steps3 = [{ event: "Product Viewed" }, { event: "Checkout Started" }, { event: "Order Completed" }];

describe.each(storeVariants().map((v) => [v.name, v] as const))("funnel report on %s", (_name, variant) => {
  let stores: Stores;
  const ctxOf = (workspaceId: string): ReportContext => ({
    db: stores.sor.db,
    facts: stores.facts,
    access: { workspaceId, actor: { kind: "system" }, scopes: ["read"], role: undefined },
  });
  const run = (workspaceId: string, input: Partial<TFunnelInput>) =>
    funnel(ctxOf(workspaceId), ZFunnelRequest.parse({ ...scope, steps: steps3, ...input }));
  const insert = async (build: (ws: string) => EventRow[]) => {
    const ws = randomUUID();
    await stores.facts.insert("events", build(ws));
    return ws;
  };
  const hour = { value: 60, unit: "minutes" } as const;

  beforeAll(async () => {
    stores = await variant.open();
  });
  afterAll(() => stores.close());

  it("ordered: a step exactly at the window's end counts, the furthest retry defines the times", async () => {
    const ws = await insert((w) => [
      ...[
        ["Product Viewed", 0],
        ["Checkout Started", 30],
        ["Order Completed", 60],
      ].map(([n, m]) => row(w, { userId: "u1" }, n as string, m as number)),
      // u2: the first attempt misses the window by a minute; the retry completes in 20 + 10 minutes.
      ...[
        ["Product Viewed", 0],
        ["Checkout Started", 10],
        ["Order Completed", 61],
        ["Product Viewed", 100],
        ["Checkout Started", 120],
        ["Order Completed", 130],
      ].map(([n, m]) => row(w, { userId: "u2" }, n as string, m as number)),
      // u3: the order before the checkout does not count.
      row(w, { userId: "u3" }, "Product Viewed", 0),
      row(w, { userId: "u3" }, "Order Completed", 5),
      row(w, { userId: "u3" }, "Checkout Started", 10),
      row(w, { userId: "u4" }, "Checkout Started", 0),
      row(w, { userId: "u5" }, "Product Viewed", 0),
      // u6 entered before `from`.
      row(w, { userId: "u6" }, "Product Viewed", -2 * 24 * 60),
      row(w, { userId: "u6" }, "Checkout Started", 1),
    ]);
    const r = await run(ws, { window: hour });
    expect(r.entered).toBe(4);
    expect(r.overallConversion).toBe(0.5);
    expect(r.breakdown).toBeUndefined();
    expect(r.steps).toEqual([
      {
        index: 0,
        label: "Product Viewed",
        reached: 4,
        conversion: 1,
        stepConversion: 1,
        medianSeconds: null,
        p90Seconds: null,
        dropped: 0,
      },
      {
        index: 1,
        label: "Checkout Started",
        reached: 3,
        conversion: 0.75,
        stepConversion: 0.75,
        medianSeconds: 1200,
        p90Seconds: 1680,
        dropped: 1,
      },
      {
        index: 2,
        label: "Order Completed",
        reached: 2,
        conversion: 0.5,
        stepConversion: 2 / 3,
        medianSeconds: 1200,
        p90Seconds: 1680,
        dropped: 1,
      },
    ]);
  });

  it("ties between attempts reaching the same step go to the earliest", async () => {
    const ws = await insert((w) =>
      [
        ["Product Viewed", 0],
        ["Checkout Started", 5],
        ["Order Completed", 10],
        ["Product Viewed", 20],
        ["Checkout Started", 21],
        ["Order Completed", 22],
      ].map(([n, m]) => row(w, { userId: "u1" }, n as string, m as number)),
    );
    const r = await run(ws, { window: hour });
    expect(r.entered).toBe(1);
    expect(r.steps.map((s) => s.medianSeconds)).toEqual([null, 300, 300]);
  });

  it("strict: an interleaved event ends the attempt; ordered lets it pass", async () => {
    const seqs: Record<string, [string, number][]> = {
      s1: [
        ["Product Viewed", 0],
        ["Page Scrolled", 1],
        ["Checkout Started", 2],
        ["Order Completed", 3],
      ],
      s2: [
        ["Product Viewed", 0],
        ["Checkout Started", 1],
        ["Order Completed", 2],
      ],
      s3: [
        ["Product Viewed", 0],
        ["Checkout Started", 1],
        ["Page Scrolled", 2],
        ["Order Completed", 3],
      ],
      s4: [
        ["Product Viewed", 0],
        ["Page Scrolled", 1],
        ["Checkout Started", 2],
        ["Product Viewed", 10],
        ["Checkout Started", 11],
        ["Order Completed", 12],
      ],
    };
    const ws = await insert((w) =>
      Object.entries(seqs).flatMap(([u, s]) => s.map(([n, m]) => row(w, { userId: u }, n, m))),
    );
    const strict = await run(ws, { window: hour, order: "strict" });
    expect(strict.entered).toBe(4);
    expect(strict.steps.map((s) => s.reached)).toEqual([4, 3, 2]);
    expect(strict.steps.map((s) => s.medianSeconds)).toEqual([null, 60, 60]);
    const ordered = await run(ws, { window: hour });
    expect(ordered.steps.map((s) => s.reached)).toEqual([4, 4, 4]);
  });

  it("any order: each event counts for one step; a step is reached when all before it are", async () => {
    const ws = await insert((w) => [
      // a1: the completed order reaches step 2 at once; step 3 only when the started order can take
      // step 2 and the completed one step 3.
      row(w, { userId: "a1" }, "Product Viewed", 0),
      row(w, { userId: "a1" }, "Order Completed", 1),
      row(w, { userId: "a1" }, "Order Started", 2),
      row(w, { userId: "a2" }, "Product Viewed", 0),
      row(w, { userId: "a2" }, "Order Completed", 1),
      row(w, { userId: "a3" }, "Product Viewed", 0),
      row(w, { userId: "a3" }, "Order Started", 5),
      row(w, { userId: "a4" }, "Product Viewed", 0),
      row(w, { userId: "a4" }, "Order Completed", 3),
      row(w, { userId: "a4" }, "Order Completed", 4),
    ]);
    const steps = [{ event: "Product Viewed" }, { event: "Order *" }, { event: "Order Completed" }];
    const any = await run(ws, { window: hour, order: "any", steps });
    expect(any.entered).toBe(4);
    expect(any.steps.map((s) => s.reached)).toEqual([4, 4, 2]);
    expect(any.steps.map((s) => s.medianSeconds)).toEqual([null, 120, 60]);
    expect(any.steps.map((s) => s.p90Seconds)).toEqual([null, 264, 60]);
    const ordered = await run(ws, { window: hour, steps });
    expect(ordered.steps.map((s) => s.reached)).toEqual([4, 4, 1]);
  });

  it("a customer merged from an anonymous visitor and a user id is one unit", async () => {
    const { workspaceId: ws } = await seedWorkspace(stores, "Funnel merge");
    await applyIdentity(
      stores,
      ws,
      ZIdentityPayload.parse({
        ids: [
          { anonymousId: "a-9", firstSeen: at(0).toISOString(), lastSeen: at(0).toISOString() },
          { userId: "K-9", firstSeen: at(3).toISOString(), lastSeen: at(5).toISOString() },
        ],
        identifies: [{ messageId: "i-9", userId: "K-9", anonymousId: "a-9", timestamp: at(2).toISOString() }],
      }),
    );
    await stores.facts.insert("events", [
      row(ws, { anonymousId: "a-9" }, "Product Viewed", 0),
      row(ws, { userId: "K-9" }, "Checkout Started", 3),
      row(ws, { userId: "K-9" }, "Order Completed", 5),
      row(ws, { anonymousId: "a-10" }, "Product Viewed", 1),
    ]);
    const r = await funnel(ctxOf(ws), ZFunnelRequest.parse({ ...scope, steps: steps3, window: hour }));
    expect(r.entered).toBe(2);
    expect(r.steps.map((s) => s.reached)).toEqual([2, 1, 1]);
    expect(r.steps.map((s) => s.medianSeconds)).toEqual([null, 180, 120]);
    const dropped = await funnelDropped(ctxOf(ws), {
      ...ZFunnelRequest.parse({ ...scope, steps: steps3, window: hour }),
      step: 1,
      limit: 10,
    });
    expect(dropped).toEqual({
      items: [{ unit: "anon:a-10", customerId: null, reachedAt: at(1).toISOString() }],
      total: 1,
    });
  });

  it("an empty funnel has no conversions (null), zero counts and no times", async () => {
    const r = await run(randomUUID(), {});
    expect(r).toEqual({
      entered: 0,
      overallConversion: null,
      steps: steps3.map((s, index) => ({
        index,
        label: s.event,
        reached: 0,
        conversion: null,
        stepConversion: null,
        medianSeconds: null,
        p90Seconds: null,
        dropped: 0,
      })),
    });
  });

  it("breaks down by the channel of the winning attempt's entering event", async () => {
    const ws = await insert((w) => [
      row(w, { userId: "w1" }, "Product Viewed", 0, { channel: "web" }),
      row(w, { userId: "w1" }, "Checkout Started", 1, { channel: "web" }),
      row(w, { userId: "w2" }, "Product Viewed", 0, { channel: "web" }),
      // w3 enters on the app first, but the attempt entering on the web goes further.
      row(w, { userId: "w3" }, "Product Viewed", 0, { channel: "app" }),
      row(w, { userId: "w3" }, "Product Viewed", 10, { channel: "web" }),
      row(w, { userId: "w3" }, "Checkout Started", 70, { channel: "app" }),
      row(w, { userId: "m1" }, "Product Viewed", 0, { channel: "app" }),
      row(w, { userId: "m1" }, "Checkout Started", 2, { channel: "app" }),
      row(w, { userId: "n1" }, "Product Viewed", 0),
    ]);
    const steps = steps3.slice(0, 2);
    const r = await run(ws, { window: hour, steps, breakdown: { by: "channel" } });
    expect(r.entered).toBe(5);
    expect(
      r.breakdown?.map((g) => [g.group, g.entered, g.steps[1]?.reached, g.steps[1]?.medianSeconds]),
    ).toEqual([
      ["web", 3, 2, 1830],
      ["(none)", 1, 0, null],
      ["app", 1, 1, 120],
    ]);
  });

  it("keeps the 20 largest groups and merges the rest into (other); property paths are checked", async () => {
    const ws = await insert((w) =>
      Array.from({ length: 23 }, (_, i) =>
        row(w, { userId: `p${i}` }, "Product Viewed", i, { properties: { plan: i < 2 ? "big" : i } }),
      ),
    );
    const r = await run(ws, {
      steps: steps3.slice(0, 2),
      breakdown: { by: "property", path: "properties.plan" },
    });
    expect(r.breakdown).toHaveLength(21);
    expect(r.breakdown?.[0]).toMatchObject({ group: "big", entered: 2 });
    expect(r.breakdown?.[1]).toMatchObject({ group: "10", entered: 1 });
    expect(r.breakdown?.[20]).toMatchObject({ group: "(other)", entered: 2 });
    await expect(
      run(ws, { steps: steps3.slice(0, 2), breakdown: { by: "property", path: "context.plan" } }),
    ).rejects.toMatchObject({ errors: [{ pointer: "/body/breakdown/path", code: "unknown_path" }] });
  });
});

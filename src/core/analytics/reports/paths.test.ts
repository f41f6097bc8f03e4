import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeVisitor, trackEvent } from "../../../testing/analytics-events.js";
import { seedWorkspace } from "../../../testing/app.js";
import { storeVariants } from "../../../testing/stores.js";
import { uuidv7 } from "../../ids.js";
import type { ReportContext } from "../../metrics/report-context.js";
import type { Stores } from "../../stores.js";
import { resolveAccess } from "../../workspaces/resolve-access.js";
import { ZPathsRequest } from "../paths.schema.js";
import { paths } from "./paths.js";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface RandomEvent {
  unit: string;
  minute: number;
  name: string;
}

/** The paths rule in plain TypeScript (anchor by exact name): the reference the SQL is compared with. */
function referencePaths(
  events: readonly RandomEvent[],
  anchor: string,
  after: boolean,
  depth: number,
  range: { from: number; to: number },
  win: number,
  unless?: string,
): string[][] {
  const result: string[][] = [];
  for (const unit of new Set(events.map((e) => e.unit))) {
    const lo = after ? range.from : range.from - win;
    const hi = after ? range.to + win : range.to;
    const evs = events
      .filter((e) => e.unit === unit && e.minute >= lo && e.minute < hi)
      .sort((a, b) => a.minute - b.minute || cmp(a.name, b.name));
    const idx = evs.findIndex((e) => e.name === anchor && e.minute >= range.from && e.minute < range.to);
    if (idx < 0) continue;
    const t = (evs[idx] as RandomEvent).minute;
    // Reached the unless step: at the anchor's time or later within the window, the anchor itself aside.
    if (unless && evs.some((e, i) => i !== idx && e.name === unless && e.minute >= t && e.minute - t <= win))
      continue;
    const side = after ? evs.slice(idx) : evs.slice(0, idx + 1).reverse();
    const names = side.filter((e) => Math.abs(e.minute - t) <= win).map((e) => e.name);
    const collapsed = names.filter((n, i) => i === 0 || n !== names[i - 1]);
    const path = collapsed.slice(1, depth + 1);
    result.push(collapsed.length - 1 < depth ? [...path, "(end)"] : path);
  }
  return result;
}

const RANGE = { from: "2026-11-02T00:00:00Z", to: "2026-11-20T00:00:00Z" };

describe.each(storeVariants().map((v) => [v.name, v] as const))("paths on %s", (_name, variant) => {
  let stores: Stores;
  let ctx: ReportContext;
  const run = (body: Record<string, unknown>) =>
    paths(ctx, ZPathsRequest.parse({ ...RANGE, window: { value: 1, unit: "days" }, ...body }));

  beforeAll(async () => {
    stores = await variant.open();
    const ws = await seedWorkspace(stores, "Paths");
    const other = await seedWorkspace(stores, "Other");
    const access = await resolveAccess(stores.sor.db, { kind: "system" }, ws.workspaceId);
    ctx = { db: stores.sor.db, facts: stores.facts, access: access as NonNullable<typeof access> };
    const w = ws.workspaceId;
    await mergeVisitor(stores, w, "2026-11-01T08:00:00Z");
    const e = (at: string, ids: { userId?: string; anonymousId?: string }, name: string, props = {}) =>
      trackEvent(w, at, ids, name, props);
    await stores.facts.insert("events", [
      // One customer from two identities; repeats collapse (the anchor's own repeat too).
      e("2026-11-03T08:00:00Z", { anonymousId: "a-1" }, "Home"),
      e("2026-11-03T09:00:00Z", { anonymousId: "a-1" }, "Product Viewed", { sku: "X" }),
      e("2026-11-03T09:01:00Z", { anonymousId: "a-1" }, "Product Viewed"),
      e("2026-11-03T09:05:00Z", { userId: "K-1" }, "Checkout Started"),
      e("2026-11-03T09:06:00Z", { userId: "K-1" }, "Checkout Started"),
      e("2026-11-03T09:10:00Z", { userId: "K-1" }, "Order Completed"),
      // The same path; only the first anchor event counts.
      e("2026-11-03T10:00:00Z", { userId: "K-2" }, "Product Viewed"),
      e("2026-11-03T10:05:00Z", { userId: "K-2" }, "Checkout Started"),
      e("2026-11-03T10:20:00Z", { userId: "K-2" }, "Order Completed"),
      e("2026-11-05T10:00:00Z", { userId: "K-2" }, "Product Viewed"),
      e("2026-11-05T10:01:00Z", { userId: "K-2" }, "Search"),
      // A name may come back once another lies between.
      e("2026-11-03T11:00:00Z", { userId: "K-3" }, "Product Viewed"),
      e("2026-11-03T11:10:00Z", { userId: "K-3" }, "Search"),
      e("2026-11-03T11:20:00Z", { userId: "K-3" }, "Product Viewed"),
      e("2026-11-03T11:30:00Z", { userId: "K-3" }, "Search"),
      e("2026-11-03T11:40:00Z", { userId: "K-3" }, "Help"),
      // Exactly at the window's end counts, a millisecond later not → (end).
      e("2026-11-03T12:00:00Z", { userId: "K-4" }, "Product Viewed"),
      e("2026-11-04T12:00:00Z", { userId: "K-4" }, "Checkout Started"),
      e("2026-11-04T12:00:00.001Z", { userId: "K-4" }, "Order Completed"),
      // No anchor: not a unit of the report.
      e("2026-11-03T13:00:00Z", { userId: "K-5" }, "Home"),
      // An anchor before `from` is not the first anchor; its events do not count.
      e("2026-11-01T23:00:00Z", { userId: "K-6" }, "Product Viewed"),
      e("2026-11-01T23:30:00Z", { userId: "K-6" }, "Checkout Started"),
      trackEvent(other.workspaceId, "2026-11-03T09:00:00Z", { userId: "K-1" }, "Product Viewed"),
      trackEvent(other.workspaceId, "2026-11-03T09:01:00Z", { userId: "K-1" }, "Other"),
    ]);
  });
  afterAll(async () => stores?.close());

  it("follows each unit's first anchor event, collapsing repeats, padding with (end)", async () => {
    const r = await run({ anchor: { event: "Product Viewed" } });
    expect(r.units).toBe(4);
    expect(r.paths).toEqual([
      { steps: ["Checkout Started", "Order Completed", "(end)"], units: 2, share: 0.5 },
      { steps: ["Checkout Started", "(end)"], units: 1, share: 0.25 },
      { steps: ["Search", "Product Viewed", "Search"], units: 1, share: 0.25 },
    ]);
    expect(r.links).toEqual([
      { depth: 1, source: "Product Viewed", target: "Checkout Started", units: 3 },
      { depth: 1, source: "Product Viewed", target: "Search", units: 1 },
      { depth: 2, source: "Checkout Started", target: "Order Completed", units: 2 },
      { depth: 2, source: "Checkout Started", target: "(end)", units: 1 },
      { depth: 2, source: "Search", target: "Product Viewed", units: 1 },
      { depth: 3, source: "Order Completed", target: "(end)", units: 2 },
      { depth: 3, source: "Product Viewed", target: "Search", units: 1 },
    ]);
  });

  it("keeps the top paths within the limit, ties by path text; links cover all paths", async () => {
    const r = await run({ anchor: { event: "Product Viewed", label: "Product" }, depth: 1, limit: 1 });
    expect(r.units).toBe(4);
    expect(r.paths).toEqual([{ steps: ["Checkout Started"], units: 3, share: 0.75 }]);
    expect(r.links).toEqual([
      { depth: 1, source: "Product", target: "Checkout Started", units: 3 },
      { depth: 1, source: "Product", target: "Search", units: 1 },
    ]);
  });

  it("goes back in time before the anchor, nearest first", async () => {
    const r = await run({ anchor: { event: "Order Completed" }, direction: "before", depth: 2 });
    // a-1/K-1: Checkout Started (twice), Product Viewed (twice), Home; K-2: Checkout Started, Product
    // Viewed; K-4: Checkout Started 1 ms inside the day, its Product Viewed 1 ms outside → (end).
    expect(r.units).toBe(3);
    expect(r.paths).toEqual([
      { steps: ["Checkout Started", "Product Viewed"], units: 2, share: 2 / 3 },
      { steps: ["Checkout Started", "(end)"], units: 1, share: 1 / 3 },
    ]);
    expect(r.links).toEqual([
      { depth: 1, source: "Checkout Started", target: "Order Completed", units: 3 },
      { depth: 2, source: "Product Viewed", target: "Checkout Started", units: 2 },
      { depth: 2, source: "(end)", target: "Checkout Started", units: 1 },
    ]);
  });

  it("matches the anchor with a condition", async () => {
    const r = await run({ anchor: { event: "Product *", where: 'properties.sku = "X"' }, depth: 2 });
    expect(r.units).toBe(1);
    expect(r.paths).toEqual([{ steps: ["Checkout Started", "Order Completed"], units: 1, share: 1 }]);
  });

  it("follows only the units that did not reach the unless step after their anchor (drop-outs)", async () => {
    // Product Viewed without Order Completed within the day: K-3 (searched instead) and K-4 (its order
    // came 1 ms after the window); a-1/K-1 and K-2 ordered.
    const r = await run({
      anchor: { event: "Product Viewed" },
      unless: { event: "Order Completed" },
      depth: 2,
    });
    expect(r.units).toBe(2);
    expect(r.paths).toEqual([
      { steps: ["Checkout Started", "(end)"], units: 1, share: 0.5 },
      { steps: ["Search", "Product Viewed"], units: 1, share: 0.5 },
    ]);
    // Product Viewed without Checkout Started: K-3, who searched instead.
    const viewed = await run({
      anchor: { event: "Product Viewed" },
      unless: { event: "Checkout*" },
      depth: 1,
    });
    expect(viewed.paths).toEqual([{ steps: ["Search"], units: 1, share: 1 }]);
    await expect(
      run({ anchor: { event: "Product Viewed" }, unless: { event: "Search" }, direction: "before" }),
    ).rejects.toMatchObject({ code: "validation_failed", errors: [{ pointer: "/body/unless" }] });
  });

  it("answers zero units and no paths when nothing matches", async () => {
    expect(await run({ anchor: { event: "Nothing" } })).toEqual({ units: 0, paths: [], links: [] });
  });

  it("equals the plain TypeScript rule on random event sets", async () => {
    const base = Date.UTC(2026, 10, 3, 8, 0);
    const at = (minute: number) => new Date(base + minute * 60_000).toISOString();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            unit: fc.constantFrom("u1", "u2", "u3", "u4"),
            minute: fc.integer({ min: 0, max: 16 }).map((m) => m * 5), // steps of 5 min: ties and edges
            name: fc.constantFrom("A", "B", "C", "D"),
          }),
          { maxLength: 40 },
        ),
        fc.boolean(),
        fc.integer({ min: 1, max: 5 }),
        fc.oneof(
          fc.integer({ min: 1, max: 6 }).map((w) => w * 5),
          fc.integer({ min: 1, max: 30 }),
        ),
        fc.option(fc.constantFrom("A", "B", "C"), { nil: undefined }),
        async (events, direction, depth, win, unlessName) => {
          const after = direction || unlessName !== undefined;
          const workspaceId = uuidv7();
          if (events.length > 0)
            await stores.facts.insert(
              "events",
              events.map((e) => trackEvent(workspaceId, at(e.minute), { userId: e.unit }, e.name)),
            );
          const r = await paths(
            { ...ctx, access: { ...ctx.access, workspaceId } },
            ZPathsRequest.parse({
              from: at(10),
              to: at(50),
              anchor: { event: "A" },
              direction: after ? "after" : "before",
              ...(unlessName && { unless: { event: unlessName } }),
              depth,
              limit: 50,
              window: { value: win, unit: "minutes" },
            }),
          );
          const expected = referencePaths(events, "A", after, depth, { from: 10, to: 50 }, win, unlessName);
          expect(r.units).toBe(expected.length);
          const counts = new Map<string, { steps: string[]; units: number }>();
          for (const p of expected) {
            const key = p.join(" > ");
            counts.set(key, { steps: p, units: (counts.get(key)?.units ?? 0) + 1 });
          }
          const top = [...counts.entries()]
            .sort(([ka, a], [kb, b]) => b.units - a.units || cmp(ka, kb))
            .map(([, v]) => ({ ...v, share: v.units / expected.length }));
          expect(r.paths).toEqual(top);
          const links = new Map<string, number>();
          for (const p of expected)
            ["A", ...p].slice(0, -1).forEach((node, i) => {
              const next = p[i] as string;
              const key = JSON.stringify(after ? [i + 1, node, next] : [i + 1, next, node]);
              links.set(key, (links.get(key) ?? 0) + 1);
            });
          const sortedLinks = [...links.entries()]
            .map(([k, units]) => {
              const [depth, source, target] = JSON.parse(k) as [number, string, string];
              return { depth, source, target, units };
            })
            .sort(
              (a, b) =>
                a.depth - b.depth || b.units - a.units || cmp(a.source, b.source) || cmp(a.target, b.target),
            );
          expect(r.links).toEqual(sortedLinks);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});

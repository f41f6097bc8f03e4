import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeVisitor, trackEvent } from "../../../testing/analytics-events.js";
import { seedWorkspace } from "../../../testing/app.js";
import { storeVariants } from "../../../testing/stores.js";
import { uuidv7 } from "../../ids.js";
import type { ReportContext } from "../../metrics/report-context.js";
import type { Stores } from "../../stores.js";
import { resolveAccess } from "../../workspaces/resolve-access.js";
import { ZWaitingTimesRequest } from "../waiting-times.schema.js";
import { waitingTimes } from "./waiting-times.js";

/** Exact quantile with linear interpolation at (n − 1)·q, as ClickHouse's quantileExactInclusive. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (pos - lo) * (b - a);
}

interface RandomEvent {
  unit: string;
  minute: number;
  name: string;
}

/** The waiting-time rule in plain TypeScript: the reference the SQL is compared with. */
function referenceWaits(
  events: readonly RandomEvent[],
  isFrom: (name: string) => boolean,
  isTo: (name: string) => boolean,
  range: { from: number; to: number },
  win: number,
): number[] {
  const waits: number[] = [];
  for (const unit of new Set(events.map((e) => e.unit))) {
    const rows = events
      .filter((e) => e.unit === unit && e.minute >= range.from && e.minute < range.to + win)
      .map((e) => ({ t: e.minute, from: isFrom(e.name), to: isTo(e.name) }))
      .filter((r) => r.from || r.to)
      .sort((a, b) => a.t - b.t || Number(a.to) - Number(b.to) || Number(b.from) - Number(a.from));
    rows.forEach((r, i) => {
      const next = rows[i + 1];
      if (r.from && r.t < range.to && next?.to && next.t - r.t <= win) waits.push((next.t - r.t) * 60);
    });
  }
  return waits.sort((a, b) => a - b);
}

const OPENED = { event: "Ticket Opened" };
const RESOLVED = { event: "Ticket Resolved" };
const RANGE = { from: "2026-11-02T00:00:00Z", to: "2026-11-20T00:00:00Z" };

describe.each(storeVariants().map((v) => [v.name, v] as const))("waiting times on %s", (_name, variant) => {
  let stores: Stores;
  let ctx: ReportContext;
  const run = (body: Record<string, unknown>) =>
    waitingTimes(ctx, ZWaitingTimesRequest.parse({ ...RANGE, window: { value: 1, unit: "hours" }, ...body }));

  beforeAll(async () => {
    stores = await variant.open();
    const ws = await seedWorkspace(stores, "Waits");
    const other = await seedWorkspace(stores, "Other");
    const access = await resolveAccess(stores.sor.db, { kind: "system" }, ws.workspaceId);
    ctx = { db: stores.sor.db, facts: stores.facts, access: access as NonNullable<typeof access> };
    const w = ws.workspaceId;
    await mergeVisitor(stores, w, "2026-11-01T08:00:00Z");
    const e = (at: string, ids: { userId?: string; anonymousId?: string }, name: string) =>
      trackEvent(w, at, ids, name);
    await stores.facts.insert("events", [
      // One customer from two identities: opened anonymously, resolved once identified → 600 s.
      e("2026-11-03T09:00:00Z", { anonymousId: "a-1" }, "Ticket Opened"),
      e("2026-11-03T09:10:00Z", { userId: "K-1" }, "Ticket Resolved"),
      // Opened twice: the wait starts over at the later one → 600 s; a second resolution pairs nothing.
      e("2026-11-03T10:00:00Z", { userId: "K-2" }, "Ticket Opened"),
      e("2026-11-03T10:20:00Z", { userId: "K-2" }, "Ticket Opened"),
      e("2026-11-03T10:30:00Z", { userId: "K-2" }, "Ticket Resolved"),
      e("2026-11-03T10:40:00Z", { userId: "K-2" }, "Ticket Resolved"),
      // Exactly at the window's end counts (3600 s); one millisecond later does not.
      e("2026-11-03T12:00:00Z", { userId: "K-3" }, "Ticket Opened"),
      e("2026-11-03T13:00:00Z", { userId: "K-3" }, "Ticket Resolved"),
      e("2026-11-03T14:00:00Z", { userId: "K-3" }, "Ticket Opened"),
      e("2026-11-03T15:00:00.001Z", { userId: "K-3" }, "Ticket Resolved"),
      // Sunday 23:30 Berlin (week of 2 Nov) → 1200 s; Monday 00:10 Berlin (week of 9 Nov, still Sunday
      // in UTC) → 1800 s.
      e("2026-11-08T22:30:00Z", { userId: "K-4" }, "Ticket Opened"),
      e("2026-11-08T22:50:00Z", { userId: "K-4" }, "Ticket Resolved"),
      e("2026-11-08T23:10:00Z", { userId: "K-4" }, "Ticket Opened"),
      e("2026-11-08T23:40:00Z", { userId: "K-4" }, "Ticket Resolved"),
      // Opened 10 min before `to`, resolved after it within the window → 1800 s (week of 16 Nov);
      // opened after `to` → no wait.
      e("2026-11-19T23:50:00Z", { userId: "K-5" }, "Ticket Opened"),
      e("2026-11-20T00:20:00Z", { userId: "K-5" }, "Ticket Resolved"),
      e("2026-11-20T00:30:00Z", { userId: "K-6" }, "Ticket Opened"),
      e("2026-11-20T00:40:00Z", { userId: "K-6" }, "Ticket Resolved"),
      // Resolved before `from`-range opening: the opening lies before `from`, so no wait.
      e("2026-11-01T23:50:00Z", { userId: "K-7" }, "Ticket Opened"),
      e("2026-11-02T00:10:00Z", { userId: "K-7" }, "Ticket Resolved"),
      // Without analytics consent: left out unless asked for → 300 s.
      { ...e("2026-11-04T09:00:00Z", { userId: "K-8" }, "Ticket Opened"), analytics_consent: 0 },
      { ...e("2026-11-04T09:05:00Z", { userId: "K-8" }, "Ticket Resolved"), analytics_consent: 0 },
      // Another workspace's events never count.
      trackEvent(other.workspaceId, "2026-11-03T09:00:00Z", { userId: "K-1" }, "Ticket Opened"),
      trackEvent(other.workspaceId, "2026-11-03T09:01:00Z", { userId: "K-1" }, "Ticket Resolved"),
    ]);
  });
  afterAll(async () => stores?.close());

  it("pairs each last opening with the first resolution within the window (hand-computed)", async () => {
    // Waits: 600, 600, 1200, 1800, 1800, 3600.
    const r = await run({ fromStep: OPENED, toStep: RESOLVED, targetSeconds: 1200 });
    expect(r.n).toBe(6);
    expect(r.medianSeconds).toBe(1500); // (1200 + 1800) / 2 at position 2.5
    expect(r.p90Seconds).toBe(2700); // position 4.5: 1800 + 0.5 · (3600 − 1800)
    expect(r.meanSeconds).toBe(1600);
    expect(r.overTarget).toEqual({ count: 3, share: 0.5 });
    expect(r.histogram.map((b) => [b.fromSeconds, b.toSeconds, b.count])).toEqual([
      [0, 60, 0],
      [60, 300, 0],
      [300, 900, 2],
      [900, 3600, 3],
      [3600, 14400, 1],
      [14400, 86400, 0],
      [86400, 259200, 0],
      [259200, 604800, 0],
      [604800, 2592000, 0],
      [2592000, null, 0],
    ]);
  });

  it("buckets weeks by Monday in the scope's time zone", async () => {
    const berlin = await run({ fromStep: OPENED, toStep: RESOLVED });
    expect(berlin.weekly).toEqual([
      // 600, 600, 1200, 3600: median (600 + 1200) / 2; p90 at 2.7: 1200 + 0.7 · 2400.
      { week: "2026-11-02", n: 4, medianSeconds: 900, p90Seconds: 2880 },
      { week: "2026-11-09", n: 1, medianSeconds: 1800, p90Seconds: 1800 },
      { week: "2026-11-16", n: 1, medianSeconds: 1800, p90Seconds: 1800 },
    ]);
    expect(berlin.overTarget).toBeNull();
    const utc = await run({ fromStep: OPENED, toStep: RESOLVED, timezone: "UTC" });
    expect(utc.weekly.map((w) => [w.week, w.n])).toEqual([
      ["2026-11-02", 5],
      ["2026-11-16", 1],
    ]);
  });

  it("measures waits in real seconds across the daylight-saving switches and buckets their weeks in local time", async () => {
    const ws = await seedWorkspace(stores, "DST");
    const access = await resolveAccess(stores.sor.db, { kind: "system" }, ws.workspaceId);
    const dst = { db: stores.sor.db, facts: stores.facts, access: access as NonNullable<typeof access> };
    const e = (at: string, user: string, name: string) =>
      trackEvent(ws.workspaceId, at, { userId: user }, name);
    await stores.facts.insert("events", [
      // 25 Oct 2026, clocks go back: 02:30 CEST → 02:30 CET, the same wall-clock time an hour apart.
      e("2026-10-25T00:30:00Z", "D-1", "Ticket Opened"),
      e("2026-10-25T01:30:00Z", "D-1", "Ticket Resolved"),
      // Monday 26 Oct 00:15 CET is still Sunday in UTC: the week of 26 Oct in Berlin.
      e("2026-10-25T23:15:00Z", "D-2", "Ticket Opened"),
      e("2026-10-25T23:35:00Z", "D-2", "Ticket Resolved"),
      // 29 Mar 2026, clocks go forward: 01:50 CET → 03:10 CEST is 20 minutes, not 80.
      e("2026-03-29T00:50:00Z", "D-3", "Ticket Opened"),
      e("2026-03-29T01:10:00Z", "D-3", "Ticket Resolved"),
      // Monday 30 Mar 00:15 CEST = Sunday 22:15 UTC: the week of 30 Mar in Berlin.
      e("2026-03-29T22:15:00Z", "D-4", "Ticket Opened"),
      e("2026-03-29T22:25:00Z", "D-4", "Ticket Resolved"),
    ]);
    const request = (timezone: string) =>
      ZWaitingTimesRequest.parse({
        from: "2026-03-01T00:00:00Z",
        to: "2026-11-01T00:00:00Z",
        window: { value: 2, unit: "hours" },
        fromStep: OPENED,
        toStep: RESOLVED,
        timezone,
      });
    const berlin = await waitingTimes(dst, request("Europe/Berlin"));
    expect(berlin.n).toBe(4);
    expect(berlin.weekly.map((w) => [w.week, w.n, w.medianSeconds])).toEqual([
      ["2026-03-23", 1, 1200],
      ["2026-03-30", 1, 600],
      ["2026-10-19", 1, 3600],
      ["2026-10-26", 1, 1200],
    ]);
    const utc = await waitingTimes(dst, request("UTC"));
    expect(utc.weekly.map((w) => [w.week, w.n])).toEqual([
      ["2026-03-23", 2],
      ["2026-10-19", 2],
    ]);
  });

  it("takes custom buckets, conditions and a longer window", async () => {
    const r = await run({
      fromStep: { event: "Ticket *" },
      toStep: RESOLVED,
      window: { value: 2, unit: "hours" },
      buckets: [1000, 2000],
    });
    // Every event matches `from`; a resolution is both, so a resolution followed by another is a wait
    // too. Per unit: a-1/K-1 600; K-2 600 (10:20 → 10:30), 600 (10:30 → 10:40); K-3 3600 and 3600.001
    // (14:00 → 15:00:00.001, inside 2 h); K-4 1200, 1800; K-5 1800; K-6 and K-7 none (outside the range).
    expect(r.n).toBe(8);
    expect(r.histogram.map((b) => b.count)).toEqual([3, 3, 2]);
    expect(r.histogram[2]?.toSeconds).toBeNull();
  });

  it("counts events without analytics consent only when asked to", async () => {
    const r = await run({ fromStep: OPENED, toStep: RESOLVED, includeWithoutConsent: true });
    expect(r.n).toBe(7);
    expect(r.histogram[2]?.count).toBe(3); // 300, 600, 600 in [300, 900)
  });

  it("answers n 0 and nulls when nothing matches", async () => {
    const r = await run({ fromStep: { event: "Nothing" }, toStep: RESOLVED, targetSeconds: 60 });
    expect(r).toMatchObject({ n: 0, medianSeconds: null, p90Seconds: null, meanSeconds: null, weekly: [] });
    expect(r.overTarget).toEqual({ count: 0, share: null });
    expect(r.histogram.every((b) => b.count === 0)).toBe(true);
  });

  it("names the field of a condition on a column outside properties, context and traits", async () => {
    await expect(
      run({ fromStep: { event: "Ticket Opened", where: 'user_id = "K-1"' }, toStep: RESOLVED }),
    ).rejects.toMatchObject({ errors: [{ pointer: "/body/fromStep/where", code: "unknown_path" }] });
  });

  it("equals the plain TypeScript rule on random event sets", async () => {
    const base = Date.UTC(2026, 10, 3, 8, 0);
    const at = (minute: number) => new Date(base + minute * 60_000).toISOString();
    const steps = [
      { from: "A", to: "B", isFrom: (n: string) => n === "A", isTo: (n: string) => n === "B" },
      { from: "A", to: "A", isFrom: (n: string) => n === "A", isTo: (n: string) => n === "A" },
      { from: "*", to: "B", isFrom: () => true, isTo: (n: string) => n === "B" },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            unit: fc.constantFrom("u1", "u2", "u3"),
            minute: fc.integer({ min: 0, max: 16 }).map((m) => m * 5), // steps of 5 min: ties and edges
            name: fc.constantFrom("A", "B", "C"),
          }),
          { maxLength: 40 },
        ),
        fc.integer({ min: 0, max: 2 }),
        fc.oneof(
          fc.integer({ min: 1, max: 6 }).map((w) => w * 5),
          fc.integer({ min: 1, max: 30 }),
        ),
        async (events, stepIndex, win) => {
          const step = steps[stepIndex] as (typeof steps)[number];
          const workspaceId = uuidv7();
          if (events.length > 0)
            await stores.facts.insert(
              "events",
              events.map((e) => trackEvent(workspaceId, at(e.minute), { userId: e.unit }, e.name)),
            );
          const r = await waitingTimes(
            { ...ctx, access: { ...ctx.access, workspaceId } },
            ZWaitingTimesRequest.parse({
              from: at(10),
              to: at(50),
              timezone: "UTC",
              fromStep: { event: step.from },
              toStep: { event: step.to },
              window: { value: win, unit: "minutes" },
              targetSeconds: 600,
              buckets: [300, 900],
            }),
          );
          const waits = referenceWaits(events, step.isFrom, step.isTo, { from: 10, to: 50 }, win);
          const n = waits.length;
          expect(r.n).toBe(n);
          expect(r.medianSeconds).toBe(n === 0 ? null : Math.round(quantile(waits, 0.5) * 10_000) / 10_000);
          expect(r.p90Seconds).toBe(n === 0 ? null : Math.round(quantile(waits, 0.9) * 10_000) / 10_000);
          expect(r.meanSeconds).toBe(
            n === 0 ? null : Math.round((waits.reduce((a, b) => a + b, 0) / n) * 10_000) / 10_000,
          );
          expect(r.overTarget?.count).toBe(waits.filter((w) => w > 600).length);
          expect(r.histogram.map((b) => b.count)).toEqual([
            waits.filter((w) => w < 300).length,
            waits.filter((w) => w >= 300 && w < 900).length,
            waits.filter((w) => w >= 900).length,
          ]);
          expect(r.weekly.map((w) => w.n)).toEqual(n === 0 ? [] : [n]);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});

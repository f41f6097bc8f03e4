import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { createMappedJourney } from "../../testing/journey-fixture.js";
import { storeVariants } from "../../testing/stores.js";

const RANGE = { from: "2026-08-01T00:00:00Z", to: "2100-01-01T00:00:00Z" };

/*
 * Four respondents in a 2 × 2 design: touchpoint A rated 5 or 1 (a = ±1), B rated 5 or 1 (b = ±1,
 * uncorrelated with a), journey NPS 5 + 2a + b = 8, 6, 4, 2. Exact fit: R² = 1, weights A 4/5, B 1/5.
 */
describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "key drivers route on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let other: SeededWorkspace;
    let call: ReturnType<typeof client>;
    let journeyId: string;
    let foreignJourneyId: string;
    let tpA: string;
    let tpB: string;
    const post = (body: unknown, w = ws, query = "") =>
      call("POST", `/api/v1/workspaces/${w.workspaceId}/drivers${query}`, { cookie: w.ownerCookie, body });

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Drivers");
      other = await seedWorkspace(stores, "Other");
      call = client(testApp(stores));
      const steps = [
        { name: "Bestellen", steps: [{ title: "A", matchers: [{ event: "Order Submitted" }] }] },
        { name: "Liefern", steps: [{ title: "B", matchers: [{ event: "Delivered" }] }] },
      ];
      // A title that starts like a spreadsheet formula: the CSV must escape it.
      const j = await createMappedJourney(stores, ws.workspaceId, "=HYPERLINK(1)", steps);
      journeyId = j.journey.id;
      tpA = j.touchpointIds.A as string;
      tpB = j.touchpointIds.B as string;
      foreignJourneyId = (await createMappedJourney(stores, other.workspaceId, "Fremd", steps)).journey.id;
      const items = [
        [1, 1],
        [1, -1],
        [-1, 1],
        [-1, -1],
      ].flatMap(([a, b], i) => {
        const customer = { userId: `K-${i + 1}` };
        // K-4 answers a day later (the 422 case leaves it out).
        const receivedAt = i === 3 ? "2026-11-04T08:00:00Z" : "2026-11-03T08:00:00Z";
        const base = { channel: "other", customer, journeyId, receivedAt };
        return [
          { ...base, touchpointId: tpA, ratings: [{ metric: "csat", value: (a as number) > 0 ? 5 : 1 }] },
          { ...base, touchpointId: tpB, ratings: [{ metric: "csat", value: (b as number) > 0 ? 5 : 1 }] },
          { ...base, ratings: [{ metric: "nps", value: 5 + 2 * (a as number) + (b as number) }] },
        ];
      });
      const key = await ws.key(["ingest"]);
      const posted = await call("POST", "/api/v1/feedback", { bearer: key, body: { items } });
      expect(posted.status).toBe(201);
      await drainOutbox(stores);
    });
    afterAll(async () => stores?.close());

    it("answers the weights (hand-computed)", async () => {
      const res = await post({ ...RANGE, journeyId, minN: 1, resamples: 0 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        outcome: "nps",
        driverSet: "touchpoints",
        n: 4,
        respondents: 4,
        journeyId,
      });
      expect(res.body.r2).toBeCloseTo(1, 10);
      const [a, b] = res.body.drivers;
      expect(a).toMatchObject({ key: tpA, n: 4, sign: 1, performance: 3, ci: null, quadrant: "strength" });
      expect(a.weight).toBeCloseTo(0.8, 10);
      expect(b).toMatchObject({ key: tpB, n: 4, sign: 1, quadrant: "maintain" });
      expect(b.share).toBeCloseTo(0.2, 10);
    });

    it("exports the drivers as formula-safe CSV", async () => {
      const res = await post({ ...RANGE, journeyId, minN: 1, resamples: 0 }, ws, "?format=csv");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/csv");
      const lines = (res.body as string)
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\n");
      expect(lines[0]).toBe(
        "key,label,weight,share,sign,ci_low,ci_high,significant,n,performance,quadrant,outcome,r2,model_n",
      );
      expect(lines[1]?.startsWith(`${tpA},'=HYPERLINK(1): A,0.8`)).toBe(true);
      expect(lines).toHaveLength(3);
    });

    it("answers 400 naming the field for bad input", async () => {
      const pointers = async (body: unknown) => {
        const res = await post(body);
        expect(res.status).toBe(400);
        return res.body.errors.map((e: { pointer: string }) => e.pointer);
      };
      expect(await pointers({ outcome: "ces" })).toEqual(["/body/outcome"]);
      expect(await pointers({ driverSet: "clusters" })).toEqual(["/body/driverSet"]);
      expect(await pointers({ minN: 0 })).toEqual(["/body/minN"]);
      expect(await pointers({ resamples: 5000 })).toEqual(["/body/resamples"]);
      expect(await pointers({ driverSet: "operations" })).toEqual(["/body/journeyId"]);
      expect(await pointers({ from: "2026-11-01T00:00:00Z", to: "2026-10-01T00:00:00Z" })).toEqual([
        "/body/to",
      ]);
    });

    it("answers 422 when the respondents are too few for the drivers, and an empty result without data", async () => {
      const few = await post({
        from: RANGE.from,
        to: "2026-11-04T00:00:00Z",
        journeyId,
        minN: 1,
        resamples: 0,
      });
      expect(few.status).toBe(422);
      expect(few.body.detail).toContain("3 complete rows for 2 drivers");
      const none = await post({ from: "2020-01-01T00:00:00Z", to: "2020-02-01T00:00:00Z", minN: 1 });
      expect(none.status).toBe(200);
      expect(none.body).toMatchObject({ n: 0, r2: null, drivers: [], respondents: 0 });
    });

    it("answers 404 for a journey of another workspace and keeps workspaces apart", async () => {
      expect((await post({ journeyId: foreignJourneyId })).status).toBe(404);
      expect((await post({ journeyId: "no-such-journey" })).status).toBe(404);
      const mine = await post({ ...RANGE, minN: 1 }, other);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ respondents: 0, drivers: [] });
      // Another workspace's member cannot read this workspace's drivers.
      const res = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/drivers`, {
        cookie: other.ownerCookie,
        body: { ...RANGE },
      });
      expect([403, 404]).toContain(res.status);
    });
  },
);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { trackEvent } from "../../testing/analytics-events.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { createMappedJourney } from "../../testing/journey-fixture.js";
import { storeVariants } from "../../testing/stores.js";

const RANGE = { from: "2026-11-01T00:00:00Z", to: "2026-11-20T00:00:00Z" };

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "journey measure routes on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let other: SeededWorkspace;
    let call: ReturnType<typeof client>;
    let journeyId: string;
    let foreignJourneyId: string;
    const path = (p: string, w = ws) => `/api/v1/workspaces/${w.workspaceId}/analytics/${p}`;
    const post = (p: string, body: unknown, w = ws, cookie = w.ownerCookie) =>
      call("POST", path(p, w), { cookie, body });

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Journeys");
      other = await seedWorkspace(stores, "Other");
      call = client(testApp(stores));
      const { journey } = await createMappedJourney(
        stores,
        ws.workspaceId,
        "Bestellung",
        [
          { name: "Kaufen", steps: [{ title: "Warenkorb", matchers: [{ event: "Checkout Started" }] }] },
          { name: "Erhalten", steps: [{ title: "Bestellt", matchers: [{ event: "Order Completed" }] }] },
        ],
        { kpis: { performance: [{ name: "Abschluss", target: 80, unit: "%", measure: "conversion" }] } },
      );
      journeyId = journey.id;
      foreignJourneyId = (await createMappedJourney(stores, other.workspaceId, "Fremd", [])).journey.id;
      const e = (at: string, userId: string, name: string) =>
        trackEvent(ws.workspaceId, at, { userId }, name);
      await stores.facts.insert("events", [
        e("2026-11-02T10:00:00Z", "K-1", "Checkout Started"),
        e("2026-11-02T10:05:00Z", "K-1", "Order Completed"),
        e("2026-11-03T10:00:00Z", "K-2", "Checkout Started"),
        e("2026-11-03T11:00:00Z", "K-2", "Call Ended"),
      ]);
    });
    afterAll(() => stores.close());

    it("rebuilds the instances, then measures the steps and the KPIs", async () => {
      // Viewers read; rebuilding takes write access.
      const viewer = await ws.member("viewer");
      expect((await post("journey-instances/rebuild", {}, ws, viewer.cookie)).status).toBe(403);
      const rebuilt = await post("journey-instances/rebuild", {});
      expect(rebuilt.status).toBe(200);
      expect(rebuilt.body).toMatchObject({ journeys: 1, rebuilt: 1, units: 2, instances: 2 });

      const measures = await post("journey-measures", { ...RANGE, journeyId }, ws, viewer.cookie);
      expect(measures.status).toBe(200);
      expect(measures.body.instances).toMatchObject({ total: 2, completed: 1 });
      expect(
        measures.body.steps.map((s: Record<string, unknown>) => [
          s.title,
          s.instances,
          s.conversion,
          s.waitMedianSeconds,
          s.contacts,
        ]),
      ).toEqual([
        ["Warenkorb", 2, null, null, 1],
        ["Bestellt", 1, 0.5, 300, 0],
      ]);

      const kpis = await post("journey-kpis", { ...RANGE, journeyId });
      expect(kpis.status).toBe(200);
      expect(kpis.body.items[0]).toEqual({
        key: "conversion",
        unit: "percent",
        value: 50,
        n: 2,
        higherIsBetter: true,
        target: { name: "Abschluss", value: 80 },
        met: false,
      });
    });

    it("names bad fields and answers 404 for another workspace's journey", async () => {
      const bad = await post("journey-kpis", {
        journeyId,
        inactivityDays: 0,
        repeatWithinDays: "7",
        from: "gestern",
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
        "/body/from",
        "/body/inactivityDays",
        "/body/repeatWithinDays",
      ]);
      expect((await post("journey-measures", { journeyId: foreignJourneyId })).status).toBe(404);
      expect((await post("journey-kpis", { journeyId: foreignJourneyId })).status).toBe(404);
      expect((await post("journey-measures", { journeyId: "'; DROP TABLE events; --" })).status).toBe(404);
      // The other workspace's rebuild leaves this one's instances alone.
      expect((await post("journey-instances/rebuild", {}, other)).body).toMatchObject({
        journeys: 0,
        instances: 0,
      });
      expect((await post("journey-measures", { ...RANGE, journeyId })).body.instances.total).toBe(2);
    });

    it("accepts a KPI's measure in the journey document and refuses an unknown one", async () => {
      const doc = (measure: string) => ({
        document: {
          title: "Mit KPI",
          kpis: { performance: [{ name: "Kontakte", target: 1, unit: "Anzahl", measure }], brand: [] },
        },
      });
      const ok = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/journeys`, {
        cookie: ws.ownerCookie,
        body: doc("contacts_per_instance"),
      });
      expect(ok.status).toBe(201);
      expect(ok.body.document.kpis.performance[0].measure).toBe("contacts_per_instance");
      const bad = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/journeys`, {
        cookie: ws.ownerCookie,
        body: doc("happiness"),
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].pointer).toBe("/body/document/kpis/performance/0/measure");
    });
  },
);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeVisitor, trackEvent } from "../../../testing/analytics-events.js";
import { seedWorkspace } from "../../../testing/app.js";
import { createMappedJourney, systemContext } from "../../../testing/journey-fixture.js";
import { storeVariants } from "../../../testing/stores.js";
import { applyIdentity } from "../../customers/apply-identity.js";
import { ZIdentityPayload } from "../../customers/identity-payload.js";
import { deleteJourney } from "../../journeys/delete-journey.js";
import type { Stores } from "../../stores.js";
import { SqlParams } from "../scope.js";
import { instancesSql } from "./instances-sql.js";
import { rebuildJourneyInstances, refreshJourneyInstances } from "./refresh.js";

interface Row {
  unit: string;
  seq: number;
  status: string;
  completed: number;
  contacts: number;
  step_titles: string[];
  started_at: string;
  version: string;
}

const NOW = new Date("2026-11-20T00:00:00Z");
const ALL = { from: new Date("2000-01-01T00:00:00Z"), to: new Date("2100-01-01T00:00:00Z") };

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "journey instances on %s",
  (_name, variant) => {
    let stores: Stores;
    let w: string;
    let other: string;
    let journeyId: string;
    let titles: Map<string, string>;

    async function instances(journey = journeyId, workspace = w): Promise<Row[]> {
      const params = new SqlParams();
      const rows = await stores.facts.query<Omit<Row, "step_titles"> & { step_ids: string[] }>(
        `SELECT unit, seq, status, completed, contacts, step_ids, toString(started_at) AS started_at,
          toString(version) AS version
        FROM ${instancesSql(stores.facts, workspace, journey, ALL, params, { inactivityDays: 30, now: NOW })}
        ORDER BY unit, seq`,
        params.values,
      );
      return rows.map(({ step_ids, ...r }) => ({
        ...r,
        seq: Number(r.seq),
        completed: Number(r.completed),
        contacts: Number(r.contacts),
        step_titles: step_ids.map((id) => titles.get(id) ?? id),
      }));
    }
    const byUnit = (rows: Row[], unit: string) =>
      rows.filter((r) => r.unit.endsWith(unit) || r.unit === unit);

    beforeAll(async () => {
      stores = await variant.open();
      w = (await seedWorkspace(stores, "Umzug")).workspaceId;
      other = (await seedWorkspace(stores, "Other")).workspaceId;
      const { journey, stepIds } = await createMappedJourney(stores, w, "Umzug", [
        { name: "Bestellen", steps: [{ title: "Auftrag", matchers: [{ event: "Order Submitted" }] }] },
        {
          name: "Liefern",
          steps: [
            { title: "Versand", matchers: [{ event: "Shipment Dispatched" }] },
            { title: "Ohne Daten" },
            { title: "Zustellung", matchers: [{ event: "Delivered" }] },
          ],
        },
        { name: "Aktivieren", steps: [{ title: "Router aktiv", matchers: [{ event: "Router Activated" }] }] },
      ]);
      journeyId = journey.id;
      titles = new Map(Object.entries(stepIds).map(([t, id]) => [id, t]));
      await createMappedJourney(stores, other, "Fremd", [
        { name: "A", steps: [{ title: "Auftrag", matchers: [{ event: "Order Submitted" }] }] },
      ]);
      await mergeVisitor(stores, w, "2026-11-01T08:00:00Z");
      // Stored long ago as far as the refresh can tell, so only what later tests add counts as new.
      const e = (
        at: string,
        ids: { userId?: string; anonymousId?: string },
        name: string,
        channel = "web",
      ) => ({
        ...trackEvent(w, at, ids, name, {}, { channel }),
        inserted_at: "2026-11-01 00:00:00.000",
      });
      await stores.facts.insert("events", [
        // One customer from two identities, completing the journey; a call before the order is no contact
        // of the instance (it lies before its start).
        e("2026-11-01T07:00:00Z", { anonymousId: "a-1" }, "Call Ended", "phone"),
        e("2026-11-01T08:00:00Z", { anonymousId: "a-1" }, "Order Submitted"),
        e("2026-11-02T08:00:00Z", { userId: "K-1" }, "Shipment Dispatched", "server"),
        e("2026-11-04T08:00:00Z", { userId: "K-1" }, "Delivered", "server"),
        e("2026-11-05T08:00:00Z", { userId: "K-1" }, "Router Activated", "app"),
        // Calls twice while waiting for the shipment; still under way (last event 6 days before NOW).
        e("2026-11-10T08:00:00Z", { userId: "K-2" }, "Order Submitted"),
        e("2026-11-11T08:00:00Z", { userId: "K-2" }, "Call Ended", "phone"),
        e("2026-11-12T08:00:00Z", { userId: "K-2" }, "Call Ended", "chat"),
        e("2026-11-14T08:00:00Z", { userId: "K-2" }, "Shipment Dispatched", "server"),
        // Orders, goes quiet for more than 30 days, orders again: two instances, the first dropped.
        e("2026-08-01T08:00:00Z", { userId: "K-3" }, "Order Submitted"),
        e("2026-09-15T08:00:00Z", { userId: "K-3" }, "Order Submitted"),
        // Completes, then starts over: two instances.
        e("2026-10-01T08:00:00Z", { userId: "K-4" }, "Order Submitted"),
        e("2026-10-02T08:00:00Z", { userId: "K-4" }, "Router Activated"),
        e("2026-10-03T08:00:00Z", { userId: "K-4" }, "Order Submitted"),
        // Without analytics consent: no instance.
        { ...e("2026-11-01T08:00:00Z", { userId: "K-5" }, "Order Submitted"), analytics_consent: 0 },
        // Not a journey event: no instance.
        e("2026-11-01T08:00:00Z", { userId: "K-6" }, "Page Viewed"),
        // Another workspace's event.
        trackEvent(other, "2026-11-01T08:00:00Z", { userId: "K-1" }, "Order Submitted"),
      ]);
    });
    afterAll(() => stores.close());

    it("derives each customer's instances with status, steps and contacts", async () => {
      const result = await refreshJourneyInstances(stores, w);
      expect(result).toMatchObject({ journeys: 1, rebuilt: 1, units: 4, instances: 6 });
      const rows = await instances();
      expect(rows.map((r) => [r.unit.startsWith("user:") ? r.unit : "customer", r.seq, r.status])).toEqual([
        ["customer", 0, "completed"],
        ["user:K-2", 0, "in_progress"],
        ["user:K-3", 0, "dropped"],
        ["user:K-3", 1, "dropped"],
        ["user:K-4", 0, "completed"],
        ["user:K-4", 1, "dropped"],
      ]);
      const [merged] = rows;
      expect(merged?.step_titles).toEqual(["Auftrag", "Versand", "Zustellung", "Router aktiv"]);
      expect(merged?.contacts).toBe(0);
      const [k2] = byUnit(rows, "user:K-2");
      expect(k2?.step_titles).toEqual(["Auftrag", "Versand"]);
      expect(k2?.contacts).toBe(2);
      expect(await instances(journeyId, other)).toEqual([]);
    });

    it("recomputes only the units with new events, and merges move instances to the customer", async () => {
      await refreshJourneyInstances(stores, w);
      const before = await instances();
      const e = (at: string, ids: { userId?: string; anonymousId?: string }, name: string) =>
        trackEvent(w, at, ids, name, {}, { channel: "server" });
      await stores.facts.insert("events", [
        e("2026-11-16T08:00:00Z", { userId: "K-2" }, "Delivered"),
        e("2026-11-17T08:00:00Z", { userId: "K-2" }, "Router Activated"),
        e("2026-11-05T08:00:00Z", { anonymousId: "a-9" }, "Order Submitted"),
      ]);
      const step = await refreshJourneyInstances(stores, w);
      // K-2 and a-9 have new events; the customer merged in beforeAll had its identities mirrored within
      // the refresh's one-minute look-back, so it is recomputed too. K-3 and K-4 are not.
      expect(step).toMatchObject({ rebuilt: 0, units: 3 });
      const after = await instances();
      expect(byUnit(after, "user:K-2")).toMatchObject([{ status: "completed", contacts: 2 }]);
      expect(byUnit(after, "anon:a-9")).toMatchObject([{ status: "in_progress", step_titles: ["Auftrag"] }]);
      // Units without new events keep their stored version.
      expect(byUnit(after, "user:K-4").map((r) => r.version)).toEqual(
        byUnit(before, "user:K-4").map((r) => r.version),
      );

      // The anonymous visitor identifies as K-9, who had shipped: one instance of the customer.
      await stores.facts.insert("events", [
        e("2026-11-06T08:00:00Z", { userId: "K-9" }, "Shipment Dispatched"),
      ]);
      await applyIdentity(
        stores,
        w,
        ZIdentityPayload.parse({
          ids: [
            {
              anonymousId: "a-9",
              userId: "K-9",
              firstSeen: "2026-11-06T08:00:00Z",
              lastSeen: "2026-11-06T08:00:00Z",
            },
          ],
          identifies: [
            { messageId: "id-a9", userId: "K-9", anonymousId: "a-9", timestamp: "2026-11-06T08:00:00Z" },
          ],
        }),
      );
      await refreshJourneyInstances(stores, w);
      const merged = await instances();
      expect(byUnit(merged, "anon:a-9")).toEqual([]);
      expect(byUnit(merged, "user:K-9")).toEqual([]);
      const customers = merged.filter((r) => !r.unit.includes(":"));
      expect(customers.map((r) => r.step_titles)).toContainEqual(["Auftrag", "Versand"]);
    });

    it("rebuilds a journey whose map changed and drops a deleted journey's instances", async () => {
      const { journey } = await createMappedJourney(stores, w, "Kurz", [
        { name: "A", steps: [{ title: "Auftrag", matchers: [{ event: "Order Submitted" }] }] },
      ]);
      const result = await refreshJourneyInstances(stores, w);
      expect(result).toMatchObject({ journeys: 2, rebuilt: 1 });
      // A one-step journey: every order completes an instance of its own.
      expect((await instances(journey.id)).every((r) => r.status === "completed")).toBe(true);
      expect(await instances(journey.id)).toHaveLength(7);

      await deleteJourney(await systemContext(stores, w), journey.id);
      expect(await refreshJourneyInstances(stores, w)).toMatchObject({ journeys: 1, rebuilt: 0 });
      expect(await instances(journey.id)).toEqual([]);
      // A full rebuild gives what the increments gave.
      const incremental = await instances();
      await rebuildJourneyInstances(stores, w);
      const rebuilt = await instances();
      expect(rebuilt.map(({ version: _v, ...r }) => r)).toEqual(
        incremental.map(({ version: _v, ...r }) => r),
      );
    });
  },
);

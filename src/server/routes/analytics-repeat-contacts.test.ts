import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { trackEvent } from "../../testing/analytics-events.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

const RANGE = { from: "2026-11-02T00:00:00Z", to: "2026-11-20T00:00:00Z" };

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "repeat-contacts route on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let other: SeededWorkspace;
    let call: ReturnType<typeof client>;
    let journeyId: string;
    let foreignJourneyId: string;
    let steps: string[];
    const path = (w = ws) => `/api/v1/workspaces/${w.workspaceId}/analytics/repeat-contacts`;
    const post = (body: unknown, w = ws) => call("POST", path(w), { cookie: w.ownerCookie, body });

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Repeats");
      other = await seedWorkspace(stores, "Other");
      call = client(testApp(stores));
      const touchpoint = async (name: string, eventMatchers: unknown[]) => {
        const res = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/touchpoints`, {
          cookie: ws.ownerCookie,
          body: { name, eventMatchers },
        });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const delayed = await touchpoint("Delivery delayed", [{ event: "Delivery Delayed" }]);
      const journey = async (w: SeededWorkspace, stages: unknown[]) => {
        const res = await call("POST", `/api/v1/workspaces/${w.workspaceId}/journeys`, {
          cookie: w.ownerCookie,
          body: { document: { title: "Delivery", stages } },
        });
        expect(res.status).toBe(201);
        return res.body;
      };
      const j = await journey(ws, [
        { name: "Delivery", steps: [{ title: "Is delayed", touchpointId: delayed }] },
      ]);
      journeyId = j.id;
      steps = j.document.stages.flatMap((s: { steps: { id: string }[] }) => s.steps.map((x) => x.id));
      foreignJourneyId = (await journey(other, [{ name: "Elsewhere", steps: [] }])).id;
      const w = ws.workspaceId;
      await stores.facts.insert("events", [
        trackEvent(w, "2026-11-03T08:00:00Z", { userId: "K-1" }, "Delivery Delayed"),
        trackEvent(
          w,
          "2026-11-03T09:00:00Z",
          { userId: "K-1" },
          "Call Ended",
          { queue: "delivery" },
          { channel: "phone" },
        ),
        trackEvent(
          w,
          "2026-11-04T09:00:00Z",
          { userId: "K-1" },
          "Chat Ended",
          { queue: "delivery" },
          { channel: "chat" },
        ),
        trackEvent(
          w,
          "2026-11-05T09:00:00Z",
          { userId: "K-2" },
          "Ticket Created",
          { queue: "billing" },
          { channel: "web" },
        ),
      ]);
    });
    afterAll(async () => stores?.close());

    it("answers the repeat contacts with topics and preceding steps", async () => {
      const res = await post({ ...RANGE, journeyId, topicBy: { by: "property", path: "properties.queue" } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        units: 2,
        contacts: 3,
        repeatUnits: 1,
        repeatRate: 0.5,
        contactsPerUnit: 1.5,
        channelSwitches: { units: 1, share: 1, pairs: [{ from: "phone", to: "chat", count: 1 }] },
        topics: [
          { topic: "billing", units: 1, repeatUnits: 0, repeatRate: 0 },
          { topic: "delivery", units: 1, repeatUnits: 1, repeatRate: 1 },
        ],
        precedingSteps: [{ stepId: steps[0], title: "Is delayed", count: 1, share: 1 }],
        weekly: [{ week: "2026-11-02", units: 2, repeatUnits: 1 }],
      });
      expect(res.body.distribution.slice(0, 2)).toEqual([
        { contacts: 1, units: 1 },
        { contacts: 2, units: 1 },
      ]);
    });

    it("answers 404 for a journey of another workspace or none", async () => {
      expect((await post({ journeyId: foreignJourneyId })).status).toBe(404);
      expect((await post({ journeyId: "no-such-journey" })).status).toBe(404);
      const own = await post({ journeyId: foreignJourneyId }, other);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ units: 0, repeatRate: null, precedingSteps: [] });
    });

    it("answers 400 naming the field for bad input", async () => {
      const pointers = async (body: unknown) => {
        const res = await post(body);
        expect(res.status).toBe(400);
        return res.body.errors.map((e: { pointer: string }) => e.pointer);
      };
      expect(await pointers({ minContacts: 1 })).toEqual(["/body/minContacts"]);
      expect(await pointers({ minContacts: 2.5 })).toEqual(["/body/minContacts"]);
      expect(await pointers({ minContacts: 21 })).toEqual(["/body/minContacts"]);
      expect(await pointers({ withinDays: 0 })).toEqual(["/body/withinDays"]);
      expect(await pointers({ withinDays: 366 })).toEqual(["/body/withinDays"]);
      expect(await pointers({ contacts: [] })).toEqual(["/body/contacts"]);
      expect(await pointers({ topicBy: { by: "property", path: "user_id) OR 1=1 --" } })).toEqual([
        "/body/topicBy/path",
      ]);
      expect(await pointers({ topicBy: { by: "property", path: "traits.plan" } })).toEqual([
        "/body/topicBy/path",
      ]);
      expect(await pointers({ contacts: [{ event: "Call Ended", where: 'user_id = "K-1"' }] })).toEqual([
        "/body/contacts/0/where",
      ]);
      expect(await pointers({ timezone: "Mars/Olympus" })).toEqual(["/body/timezone"]);
    });

    it("needs access to the workspace", async () => {
      const res = await call("POST", path(), { cookie: other.ownerCookie, body: {} });
      expect(res.status).toBe(404);
    });
  },
);

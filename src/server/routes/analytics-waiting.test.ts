import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { trackEvent } from "../../testing/analytics-events.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

const RANGE = { from: "2026-11-02T00:00:00Z", to: "2026-11-20T00:00:00Z" };

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "waiting-time routes on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let other: SeededWorkspace;
    let call: ReturnType<typeof client>;
    let journeyId: string;
    let foreignJourneyId: string;
    let steps: string[];
    const path = (p: string, w = ws) => `/api/v1/workspaces/${w.workspaceId}/analytics/${p}`;
    const post = (p: string, body: unknown, w = ws) =>
      call("POST", path(p, w), { cookie: w.ownerCookie, body });

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Waits");
      other = await seedWorkspace(stores, "Other");
      call = client(testApp(stores));
      const touchpoint = async (w: SeededWorkspace, name: string, eventMatchers: unknown[]) => {
        const res = await call("POST", `/api/v1/workspaces/${w.workspaceId}/touchpoints`, {
          cookie: w.ownerCookie,
          body: { name, eventMatchers },
        });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const opened = await touchpoint(ws, "Ticket opened", [{ event: "Ticket Opened" }]);
      const resolved = await touchpoint(ws, "Ticket resolved", [{ event: "Ticket Resolved" }]);
      const unmapped = await touchpoint(ws, "Letter", []);
      const survey = await touchpoint(ws, "Survey", [{ event: "Survey Answered" }, { event: "Survey Sent" }]);
      // The register accepts conditions on other fields; the reports cannot read them.
      const legacy = await touchpoint(ws, "Legacy", [{ event: "Ticket Opened", where: 'user_id = "K-1"' }]);
      const journey = async (w: SeededWorkspace, stages: unknown[]) => {
        const res = await call("POST", `/api/v1/workspaces/${w.workspaceId}/journeys`, {
          cookie: w.ownerCookie,
          body: { document: { title: "Service case", stages } },
        });
        expect(res.status).toBe(201);
        return res.body;
      };
      const j = await journey(ws, [
        {
          name: "Contact",
          steps: [
            { title: "Opens a ticket", touchpointId: opened },
            { title: "Waits", touchpointId: null },
          ],
        },
        {
          name: "Resolution",
          steps: [
            { title: "Gets an answer", touchpointId: resolved },
            { title: "Gets a letter", touchpointId: unmapped },
            { title: "Rates", touchpointId: survey },
            { title: "Legacy", touchpointId: legacy },
          ],
        },
      ]);
      journeyId = j.id;
      steps = j.document.stages.flatMap((s: { steps: { id: string }[] }) => s.steps.map((x) => x.id));
      foreignJourneyId = (await journey(other, [{ name: "Elsewhere", steps: [] }])).id;
      const w = ws.workspaceId;
      await stores.facts.insert("events", [
        trackEvent(w, "2026-11-03T09:00:00Z", { userId: "K-1" }, "Ticket Opened"),
        trackEvent(w, "2026-11-03T09:10:00Z", { userId: "K-1" }, "Ticket Resolved"),
        trackEvent(w, "2026-11-03T11:10:00Z", { userId: "K-1" }, "Survey Answered"),
        trackEvent(w, "2026-11-03T09:00:00Z", { userId: "K-2" }, "Ticket Opened"),
        trackEvent(w, "2026-11-03T09:30:00Z", { userId: "K-2" }, "Ticket Resolved"),
      ]);
    });
    afterAll(async () => stores?.close());

    it("answers the waiting times of two steps", async () => {
      const res = await post("waiting-times", {
        ...RANGE,
        fromStep: { event: "Ticket Opened" },
        toStep: { event: "Ticket Resolved" },
        targetSeconds: 900,
      });
      expect(res.status).toBe(200);
      // 600 and 1800: median 1200, p90 600 + 0.9 · 1200.
      expect(res.body).toMatchObject({
        n: 2,
        medianSeconds: 1200,
        p90Seconds: 1680,
        meanSeconds: 1200,
        overTarget: { count: 1, share: 0.5 },
        weekly: [{ week: "2026-11-02", n: 2, medianSeconds: 1200, p90Seconds: 1680 }],
      });
      expect(res.body.histogram).toHaveLength(10);
    });

    it("takes a touchpoint as a step", async () => {
      const list = await call("GET", `/api/v1/workspaces/${ws.workspaceId}/touchpoints`, {
        cookie: ws.ownerCookie,
      });
      const survey = list.body.items.find((t: { name: string }) => t.name === "Survey").id;
      const res = await post("waiting-times", {
        ...RANGE,
        fromStep: { event: "Ticket Resolved" },
        toStep: { touchpointId: survey },
        window: { value: 1, unit: "days" },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ n: 1, medianSeconds: 7200, p90Seconds: 7200 });
    });

    it("ranks a journey's hand-overs by p90", async () => {
      const res = await post("slowest-handovers", { ...RANGE, journeyId });
      expect(res.status).toBe(200);
      // Mapped steps: Opens a ticket, Gets an answer, Rates (Waits has no touchpoint, the letter no matchers).
      expect(res.body.journeyId).toBe(journeyId);
      expect(
        res.body.items.map((i: { from: { stepId: string }; to: { stepId: string }; n: number }) => [
          i.from.stepId,
          i.to.stepId,
          i.n,
        ]),
      ).toEqual([
        [steps[2], steps[4], 1],
        [steps[0], steps[2], 2],
      ]);
      expect(res.body.items[0]).toMatchObject({ medianSeconds: 7200, p90Seconds: 7200 });
      expect(res.body.skipped).toEqual([
        { stepId: steps[1], reason: "no_touchpoint" },
        { stepId: steps[3], reason: "no_matchers" },
        { stepId: steps[5], reason: "unreadable_matchers" },
      ]);
      expect(res.body.items[1]).toMatchObject({
        from: { title: "Opens a ticket" },
        to: { title: "Gets an answer" },
        medianSeconds: 1200,
        p90Seconds: 1680,
      });
    });

    it("measures each hand-over against its step's waiting target, else the journey-wide one", async () => {
      const res = await post("slowest-handovers", {
        ...RANGE,
        journeyId,
        targetSeconds: 1000,
        stepTargets: [{ stepId: steps[4], targetSeconds: 7200 }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(
        res.body.items.map((i: { to: { stepId: string }; targetSeconds: number; overTarget: unknown }) => [
          i.to.stepId,
          i.targetSeconds,
          i.overTarget,
        ]),
      ).toEqual([
        // The one 7,200 s wait is not longer than its step's 7,200 s target.
        [steps[4], 7200, { count: 0, share: 0 }],
        // 600 s and 1,800 s against 1,000 s.
        [steps[2], 1000, { count: 1, share: 0.5 }],
      ]);
      const none = await post("slowest-handovers", { ...RANGE, journeyId });
      expect(none.body.items.map((i: { overTarget: unknown }) => i.overTarget)).toEqual([null, null]);
      const unknown = await post("slowest-handovers", {
        ...RANGE,
        journeyId,
        stepTargets: [{ stepId: "no-such-step", targetSeconds: 60 }],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
        "/body/stepTargets/0/stepId",
      ]);
    });

    it("answers 404 for a touchpoint step of another workspace or none", async () => {
      const res = await post("waiting-times", {
        fromStep: { touchpointId: "0193a1c2-7d4e-7f00-8a00-000000000009" },
        toStep: { event: "Ticket Resolved" },
      });
      expect(res.status).toBe(404);
    });

    it("answers 404 for a touchpoint step of another workspace or none", async () => {
      const res = await post("waiting-times", {
        fromStep: { touchpointId: "0193a1c2-7d4e-7f00-8a00-000000000009" },
        toStep: { event: "Ticket Resolved" },
      });
      expect(res.status).toBe(404);
    });

    it("answers 404 for a journey of another workspace or none", async () => {
      expect((await post("slowest-handovers", { journeyId: foreignJourneyId })).status).toBe(404);
      expect((await post("slowest-handovers", { journeyId: "no-such-journey" })).status).toBe(404);
      // The other workspace sees its own journey (without mapped steps: no hand-overs).
      const own = await post("slowest-handovers", { journeyId: foreignJourneyId }, other);
      expect(own.status).toBe(200);
      expect(own.body.items).toEqual([]);
    });

    it("answers 400 naming the field for bad input", async () => {
      const ok = { fromStep: { event: "Ticket Opened" }, toStep: { event: "Ticket Resolved" } };
      const pointers = async (body: unknown) => {
        const res = await post("waiting-times", body);
        expect(res.status).toBe(400);
        return res.body.errors.map((e: { pointer: string }) => e.pointer);
      };
      expect(await pointers({ ...ok, timezone: "Mars/Olympus" })).toEqual(["/body/timezone"]);
      expect(await pointers({ ...ok, window: { value: 0, unit: "days" } })).toEqual(["/body/window/value"]);
      expect(await pointers({ ...ok, buckets: [60, 30] })).toEqual(["/body/buckets"]);
      expect(
        await pointers({ ...ok, toStep: { event: "Ticket Resolved", where: 'user_id = "K-1"' } }),
      ).toEqual(["/body/toStep/where"]);
      expect(
        await pointers({ ...ok, fromStep: { event: "Ticket Opened", where: "1 = 1; DROP TABLE events" } }),
      ).toEqual(["/body/fromStep/where"]);
      const touchpointId = async (name: string) => {
        const list = await call("GET", `/api/v1/workspaces/${ws.workspaceId}/touchpoints`, {
          cookie: ws.ownerCookie,
        });
        return list.body.items.find((t: { name: string }) => t.name === name).id as string;
      };
      const letter = await post("waiting-times", {
        ...ok,
        toStep: { touchpointId: await touchpointId("Letter") },
      });
      expect(letter.status).toBe(400);
      expect(letter.body.errors).toMatchObject([
        { pointer: "/body/toStep/touchpointId", code: "no_matchers" },
      ]);
      const legacy = await post("waiting-times", {
        ...ok,
        fromStep: { touchpointId: await touchpointId("Legacy") },
      });
      expect(legacy.status).toBe(400);
      expect(legacy.body.errors).toMatchObject([
        { pointer: "/body/fromStep/touchpointId", code: "unknown_path" },
      ]);
    });

    it("needs access to the workspace", async () => {
      const res = await call("POST", path("waiting-times"), {
        cookie: other.ownerCookie,
        body: { fromStep: { event: "a" }, toStep: { event: "b" } },
      });
      expect(res.status).toBe(404);
    });
  },
);

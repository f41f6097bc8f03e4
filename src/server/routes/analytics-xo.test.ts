import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshJourneyInstances } from "../../core/analytics/instances/refresh.js";
import type { Stores } from "../../core/stores.js";
import { trackEvent } from "../../testing/analytics-events.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { createMappedJourney } from "../../testing/journey-fixture.js";
import { storeVariants } from "../../testing/stores.js";

const RANGE = { from: "2026-08-01T00:00:00Z", to: "2100-01-01T00:00:00Z" };

describe.each(storeVariants().map((v) => [v.name, v] as const))("X+O route on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let journeyId: string;
  let foreignJourneyId: string;
  const post = (body: unknown, w = ws) =>
    call("POST", `/api/v1/workspaces/${w.workspaceId}/analytics/xo`, { cookie: w.ownerCookie, body });

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "XO");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
    const steps = [
      { name: "Bestellen", steps: [{ title: "Auftrag", matchers: [{ event: "Order Submitted" }] }] },
      { name: "Aktivieren", steps: [{ title: "Router aktiv", matchers: [{ event: "Router Activated" }] }] },
    ];
    journeyId = (await createMappedJourney(stores, ws.workspaceId, "Umzug", steps)).journey.id;
    foreignJourneyId = (await createMappedJourney(stores, other.workspaceId, "Fremd", steps)).journey.id;
    const w = ws.workspaceId;
    await stores.facts.insert("events", [
      trackEvent(w, "2026-11-01T08:00:00Z", { userId: "K-1" }, "Order Submitted"),
      trackEvent(w, "2026-11-02T08:00:00Z", { userId: "K-1" }, "Router Activated"),
      trackEvent(w, "2026-11-01T08:00:00Z", { userId: "K-2" }, "Order Submitted"),
    ]);
    const key = await ws.key(["ingest"]);
    const posted = await call("POST", "/api/v1/feedback", {
      bearer: key,
      body: {
        items: [
          {
            channel: "other",
            customer: { userId: "K-1" },
            journeyId,
            receivedAt: "2026-11-03T08:00:00Z",
            ratings: [{ metric: "nps", value: 10 }],
          },
          {
            channel: "other",
            customer: { userId: "K-2" },
            journeyId,
            receivedAt: "2026-11-03T08:00:00Z",
            ratings: [{ metric: "nps", value: 3 }],
          },
        ],
      },
    });
    expect(posted.status).toBe(201);
    await drainOutbox(stores);
    await refreshJourneyInstances(stores, w);
  });
  afterAll(async () => stores?.close());

  it("answers the scores by group", async () => {
    const res = await post({ ...RANGE, journeyId, by: "contacts" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ journeyId, metric: "nps", by: "contacts" });
    // K-1 completed (10), K-2 not (3): both without contacts → NPS (1 − 1) / 2 = 0.
    expect(res.body.groups[0]).toMatchObject({ group: "0", instances: 2, withFeedback: 2, n: 2, score: 0 });
    const status = await post({ ...RANGE, journeyId });
    expect(status.body.groups[0]).toMatchObject({ group: "completed", instances: 1, n: 1, score: 100 });
    expect(status.body.ratedWellJourneyBad).toEqual({ instances: 0, count: 0, share: null, examples: [] });
  });

  it("answers 404 for a journey of another workspace or none", async () => {
    expect((await post({ journeyId: foreignJourneyId })).status).toBe(404);
    expect((await post({ journeyId: "no-such-journey" })).status).toBe(404);
    expect((await post({ journeyId: foreignJourneyId }, other)).status).toBe(200);
  });

  it("answers 400 naming the field for bad input", async () => {
    const pointers = async (body: unknown) => {
      const res = await post(body);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { pointer: string }) => e.pointer);
    };
    expect(await pointers({ journeyId, metric: "ces" })).toEqual(["/body/metric"]);
    expect(await pointers({ journeyId, by: "channel" })).toEqual(["/body/by"]);
    expect(await pointers({ journeyId, inactivityDays: 0 })).toEqual(["/body/inactivityDays"]);
    expect(await pointers({ journeyId, waitingBuckets: [3600, 60] })).toEqual(["/body/waitingBuckets"]);
    expect(await pointers({ metric: "nps" })).toEqual(["/body/journeyId"]);
  });
});

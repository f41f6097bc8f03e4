import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeVisitor, trackEvent } from "../../../testing/analytics-events.js";
import { seedWorkspace } from "../../../testing/app.js";
import { createMappedJourney } from "../../../testing/journey-fixture.js";
import { storeVariants } from "../../../testing/stores.js";
import type { ReportContext } from "../../metrics/report-context.js";
import type { Stores } from "../../stores.js";
import { resolveAccess } from "../../workspaces/resolve-access.js";
import { ZRepeatContactsRequest } from "../repeat-contacts.schema.js";
import { repeatContacts } from "./repeat-contacts.js";

const RANGE = { from: "2026-11-02T00:00:00Z", to: "2026-11-20T00:00:00Z" };
const QUEUE = { by: "property", path: "properties.queue" } as const;

describe.each(storeVariants().map((v) => [v.name, v] as const))("repeat contacts on %s", (_name, variant) => {
  let stores: Stores;
  let ctx: ReportContext;
  let journeyId: string;
  let stepIds: Record<string, string>;
  const run = (body: Record<string, unknown>) =>
    repeatContacts(ctx, ZRepeatContactsRequest.parse({ ...RANGE, ...body }));

  beforeAll(async () => {
    stores = await variant.open();
    const ws = await seedWorkspace(stores, "Repeats");
    const other = await seedWorkspace(stores, "Other");
    const access = await resolveAccess(stores.sor.db, { kind: "system" }, ws.workspaceId);
    ctx = { db: stores.sor.db, facts: stores.facts, access: access as NonNullable<typeof access> };
    const w = ws.workspaceId;
    await mergeVisitor(stores, w, "2026-11-01T08:00:00Z");
    const mapped = await createMappedJourney(stores, w, "Order", [
      {
        name: "Buy",
        steps: [{ title: "Orders", matchers: [{ event: "Order Completed" }] }, { title: "Waits" }],
      },
      {
        name: "Service",
        steps: [
          { title: "Delivery delayed", matchers: [{ event: "Delivery Delayed" }] },
          { title: "Calls hotline", matchers: [{ event: "Call Ended" }] },
        ],
      },
    ]);
    journeyId = mapped.journey.id;
    stepIds = mapped.stepIds;
    const e = (
      at: string,
      ids: { userId?: string; anonymousId?: string },
      name: string,
      channel?: string,
      queue?: string,
    ) =>
      trackEvent(
        w,
        at,
        ids,
        name,
        queue === undefined ? {} : { queue },
        channel === undefined ? {} : { channel },
      );
    await stores.facts.insert("events", [
      // One customer from two identities: phone (anonymous) → chat → phone, 3 contacts in 4 days.
      e("2026-11-02T10:00:00Z", { userId: "K-1" }, "Order Completed"),
      e("2026-11-03T09:00:00Z", { anonymousId: "a-1" }, "Call Ended", "phone", "billing"),
      e("2026-11-04T08:00:00Z", { anonymousId: "a-1" }, "Delivery Delayed"),
      e("2026-11-05T09:00:00Z", { userId: "K-1" }, "Chat Ended", "chat", "billing"),
      e("2026-11-06T09:00:00Z", { userId: "K-1" }, "Call Ended", "phone", "delivery"),
      // The second ticket exactly 7 days after the first: a repeat. Channel from properties.channel.
      e("2026-11-03T12:00:00Z", { userId: "K-2" }, "Order Completed"),
      trackEvent(w, "2026-11-04T10:00:00Z", { userId: "K-2" }, "Ticket Created", {
        channel: "web",
        queue: "billing",
      }),
      trackEvent(w, "2026-11-11T10:00:00Z", { userId: "K-2" }, "Ticket Created", {
        channel: "web",
        queue: "billing",
      }),
      // 7 days and 1 ms apart: no repeat.
      e("2026-11-04T10:00:00Z", { userId: "K-3" }, "Call Ended", "phone"),
      e("2026-11-11T10:00:00.001Z", { userId: "K-3" }, "Chat Ended", "chat"),
      // One contact.
      e("2026-11-10T10:00:00Z", { userId: "K-4" }, "Email Received", "email", "delivery"),
      // First contact in the range, the second after `to` within 7 days: a repeat with a channel switch.
      // The delay at the second contact's very time does not precede it.
      e("2026-11-19T12:00:00Z", { userId: "K-5" }, "Call Ended", "phone", "billing"),
      e("2026-11-21T12:00:00Z", { userId: "K-5" }, "Chat Ended", "chat", "billing"),
      e("2026-11-21T12:00:00Z", { userId: "K-5" }, "Delivery Delayed"),
      // Both contacts after `to`: not a unit.
      e("2026-11-20T01:00:00Z", { userId: "K-6" }, "Call Ended", "phone"),
      e("2026-11-21T01:00:00Z", { userId: "K-6" }, "Call Ended", "phone"),
      // No contact at all.
      e("2026-11-05T10:00:00Z", { userId: "K-7" }, "Order Completed"),
      // Ten chats on ten days (7 … 16 Nov): the last bucket.
      e("2026-11-06T10:00:00Z", { userId: "K-8" }, "Order Completed"),
      ...Array.from({ length: 10 }, (_, i) =>
        e(`2026-11-${String(7 + i).padStart(2, "0")}T12:00:00Z`, { userId: "K-8" }, "Chat Ended", "chat"),
      ),
      // Without analytics consent: left out.
      { ...e("2026-11-05T10:00:00Z", { userId: "K-9" }, "Call Ended", "phone"), analytics_consent: 0 },
      { ...e("2026-11-05T11:00:00Z", { userId: "K-9" }, "Call Ended", "phone"), analytics_consent: 0 },
      // Another workspace's contacts never count.
      trackEvent(other.workspaceId, "2026-11-03T09:00:00Z", { userId: "K-1" }, "Call Ended"),
      trackEvent(other.workspaceId, "2026-11-03T10:00:00Z", { userId: "K-1" }, "Call Ended"),
    ]);
  });
  afterAll(async () => stores?.close());

  it("counts repeat contacters with the default contact events (hand-computed)", async () => {
    const r = await run({});
    // Units: K-1 (a-1 merged, 3), K-2 (2), K-3 (2), K-4 (1), K-5 (1 in range), K-8 (10) → 19 contacts.
    // Repeats: K-1, K-2 (exactly 7 days), K-5 (second after `to`), K-8; not K-3 (7 days + 1 ms).
    expect(r).toMatchObject({ units: 6, contacts: 19, repeatUnits: 4 });
    expect(r.repeatRate).toBeCloseTo(4 / 6, 12);
    expect(r.contactsPerUnit).toBeCloseTo(19 / 6, 12);
    expect(r.distribution).toEqual([
      { contacts: 1, units: 2 },
      { contacts: 2, units: 2 },
      { contacts: 3, units: 1 },
      { contacts: 4, units: 0 },
      { contacts: 5, units: 0 },
      { contacts: 6, units: 0 },
      { contacts: 7, units: 0 },
      { contacts: 8, units: 0 },
      { contacts: 9, units: 0 },
      { contacts: 10, units: 1 },
    ]);
    expect(r.topics).toBeNull();
    expect(r.precedingSteps).toBeNull();
  });

  it("pairs consecutive contacts on different channels of repeat contacters", async () => {
    const r = await run({});
    // K-1 phone → chat → phone: 2 pairs; K-5 phone → chat; K-2 web → web and K-8 chat → chat: none;
    // K-3 phone → chat is no repeat.
    expect(r.channelSwitches).toEqual({
      units: 2,
      share: 0.5,
      pairs: [
        { from: "phone", to: "chat", count: 2 },
        { from: "chat", to: "phone", count: 1 },
      ],
    });
  });

  it("counts weeks by Monday in the time zone", async () => {
    const r = await run({});
    expect(r.weekly).toEqual([
      // K-1, K-2, K-3, K-8; windows start for K-1, K-2, K-8.
      { week: "2026-11-02", units: 4, repeatUnits: 3 },
      // K-2, K-3, K-4, K-8; a window starts for K-8 only.
      { week: "2026-11-09", units: 4, repeatUnits: 1 },
      // K-5 (window to 21 Nov), K-8 (its last chat).
      { week: "2026-11-16", units: 2, repeatUnits: 1 },
    ]);
  });

  it("takes N and D: 3 contacts within 7 days, 2 within 1 day", async () => {
    const three = await run({ minContacts: 3 });
    expect(three).toMatchObject({ units: 6, repeatUnits: 2 }); // K-1 and K-8
    expect(three.channelSwitches).toMatchObject({ units: 1, share: 0.5 });
    const oneDay = await run({ withinDays: 1 });
    expect(oneDay).toMatchObject({ units: 6, repeatUnits: 2 }); // K-1 (5 → 6 Nov) and K-8
    // K-1's pairs within one day: chat → phone only.
    expect(oneDay.channelSwitches.pairs).toEqual([{ from: "chat", to: "phone", count: 1 }]);
  });

  it("takes custom contact steps", async () => {
    const r = await run({ contacts: [{ event: "Call *", where: 'context.channel = "phone"' }] });
    // Calls: K-1 (3 and 6 Nov: a repeat), K-3 (1), K-5 (1).
    expect(r).toMatchObject({ units: 3, contacts: 4, repeatUnits: 1 });
    expect(r.channelSwitches).toEqual({ units: 0, share: 0, pairs: [] });
  });

  it("counts repeats per topic", async () => {
    const r = await run({ topicBy: QUEUE });
    // billing: K-1 (3 and 5 Nov), K-2, K-5 all repeat; delivery: K-1 (6 Nov), K-4; none: K-3, K-8.
    expect(r.topics).toEqual([
      { topic: "billing", units: 3, repeatUnits: 3, repeatRate: 1 },
      { topic: "(none)", units: 2, repeatUnits: 1, repeatRate: 0.5 },
      { topic: "delivery", units: 2, repeatUnits: 0, repeatRate: 0 },
    ]);
    expect(r).toMatchObject({ units: 6, contacts: 19, repeatUnits: 4 });
    // K-1's chat → phone changes topic: no longer consecutive within one topic.
    expect(r.channelSwitches).toEqual({
      units: 2,
      share: 0.5,
      pairs: [{ from: "phone", to: "chat", count: 2 }],
    });
    // A topic needs N contacts on it: K-1 has 2 on billing, 1 on delivery.
    const three = await run({ topicBy: QUEUE, minContacts: 3 });
    expect(three.repeatUnits).toBe(1); // K-8 only
  });

  it("names the journey step that precedes the repeat", async () => {
    const r = await run({ journeyId });
    // K-1: the delay (4 Nov) before the chat (5 Nov), after the call (3 Nov, a mapped step too);
    // K-2 and K-8: their order; K-5: its call, not the delay at the very time of its second contact.
    expect(r.precedingSteps).toEqual([
      { stepId: stepIds.Orders, title: "Orders", count: 2, share: 0.5 },
      { stepId: stepIds["Delivery delayed"], title: "Delivery delayed", count: 1, share: 0.25 },
      { stepId: stepIds["Calls hotline"], title: "Calls hotline", count: 1, share: 0.25 },
    ]);
  });

  it("answers zeros and nulls, never 0 ratios, when nobody made contact", async () => {
    const r = await run({ contacts: [{ event: "Nothing" }], topicBy: QUEUE, journeyId });
    expect(r).toEqual({
      units: 0,
      contacts: 0,
      repeatUnits: 0,
      repeatRate: null,
      contactsPerUnit: null,
      distribution: Array.from({ length: 10 }, (_, i) => ({ contacts: i + 1, units: 0 })),
      channelSwitches: { units: 0, share: null, pairs: [] },
      topics: [],
      precedingSteps: [],
      weekly: [],
    });
  });

  it("counts contacts without analytics consent only when asked to", async () => {
    const r = await run({ includeWithoutConsent: true });
    expect(r).toMatchObject({ units: 7, contacts: 21, repeatUnits: 5 });
  });

  it("refuses a topic path outside properties, naming the field", async () => {
    for (const path of ["user_id", "traits.plan", "properties", "properties..x"])
      await expect(run({ topicBy: { by: "property", path } })).rejects.toMatchObject({
        errors: [{ pointer: "/body/topicBy/path", code: "unknown_path" }],
      });
  });
});

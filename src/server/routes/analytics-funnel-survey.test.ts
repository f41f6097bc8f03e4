import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZFunnelDroppedRequest } from "../../core/analytics/funnel.schema.js";
import { funnelKey } from "../../core/cases/cases-from-funnel.js";
import { applyIdentity } from "../../core/customers/apply-identity.js";
import { ZIdentityPayload } from "../../core/customers/identity-payload.js";
import { forgetSuppressions } from "../../core/customers/suppressions.js";
import type { Stores } from "../../core/stores.js";
import { INVITATION_TOPIC, sampled } from "../../core/surveys/evaluate-triggers.js";
import { trackEvent } from "../../testing/analytics-events.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, 0) + minute * 60_000);

const funnel = {
  from: "2026-11-01T00:00:00Z",
  to: "2026-11-03T00:00:00Z",
  steps: [{ event: "Product Viewed" }, { event: "Checkout Started" }, { event: "Order Completed" }],
  window: { value: 1, unit: "hours" },
  step: 2,
};

const definition = {
  schemaVersion: 1,
  title: { de: "Abbruch", en: "Drop-off" },
  thankYou: { de: "Danke!" },
  questions: [{ id: "why", type: "text", text: { de: "Was hat gefehlt?" } }],
};

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "survey to dropped customers on %s",
  (_n, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let other: SeededWorkspace;
    let call: ReturnType<typeof client>;
    let triggerId: string;
    let surveyId: string;
    const path = (w = ws) => `/api/v1/workspaces/${w.workspaceId}/analytics/funnel/dropped/survey`;
    const send = (body: unknown, w = ws) => call("POST", path(w), { cookie: w.ownerCookie, body });
    const manage = (w: SeededWorkspace, suffix: string, body: unknown) =>
      call("POST", `/api/v1/workspaces/${w.workspaceId}${suffix}`, { cookie: w.ownerCookie, body });
    const makeTrigger = async (
      w: SeededWorkspace,
      extra: Record<string, unknown> = {},
      status = "active",
    ) => {
      const s = await manage(w, "/surveys", { name: `Abbruch ${Math.random()}`, definition, status });
      expect(s.status, JSON.stringify(s.body)).toBe(201);
      const t = await manage(w, `/surveys/${s.body.id}/triggers`, {
        name: "Nach Abbruch",
        matcher: { event: "Never Sent" },
        channel: "email",
        target: { url: "https://mail.example.com/send" },
        ...extra,
      });
      expect(t.status, JSON.stringify(t.body)).toBe(201);
      return { surveyId: s.body.id as string, triggerId: t.body.id as string };
    };
    const identify = (userId: string, minute: number, traits: Record<string, unknown>) =>
      applyIdentity(
        stores,
        ws.workspaceId,
        ZIdentityPayload.parse({
          ids: [{ userId, firstSeen: at(minute).toISOString(), lastSeen: at(minute).toISOString() }],
          identifies: [
            { messageId: `i-${userId}-${minute}`, userId, traits, timestamp: at(minute).toISOString() },
          ],
        }),
      );
    const customerOf = async (userId: string) =>
      (
        await stores.sor.db
          .selectFrom("customer_identities")
          .select("customer_id")
          .where("workspace_id", "=", ws.workspaceId)
          .where("distinct_id", "=", `user:${userId}`)
          .executeTakeFirstOrThrow()
      ).customer_id;

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Funnel-Umfrage");
      other = await seedWorkspace(stores, "Andere");
      call = client(testApp(stores));
      const w = ws.workspaceId;
      // K-1 has an address; K-3 none; K-4 was invited a moment ago; K-5's id is suppressed (erasure under
      // way); K-2 ordered (not dropped); "=cmd" is not stitched to a customer.
      await identify("K-1", 0, { email: "k1@example.com", name: "Kim" });
      await identify("K-2", 0, { email: "k2@example.com" });
      await identify("K-3", 0, { name: "Ohne Adresse" });
      await identify("K-4", 0, { email: "k4@example.com" });
      await identify("K-5", 0, { email: "k5@example.com" });
      await stores.sor.db
        .insertInto("survey_contacts")
        .values({ workspace_id: w, customer_id: "K-4", last_invited_at: new Date() })
        .execute();
      await stores.sor.db
        .insertInto("suppressions")
        .values({ workspace_id: w, distinct_id: "user:K-5", reason: "erasure" })
        .execute();
      forgetSuppressions();
      const journey = (user: string, start: number, ordered: boolean) => [
        trackEvent(w, at(start).toISOString(), { userId: user }, "Product Viewed", {}, { channel: "web" }),
        trackEvent(
          w,
          at(start + 1).toISOString(),
          { userId: user },
          "Checkout Started",
          {},
          { channel: "web" },
        ),
        ...(ordered
          ? [
              trackEvent(
                w,
                at(start + 2).toISOString(),
                { userId: user },
                "Order Completed",
                {},
                { channel: "web" },
              ),
            ]
          : []),
      ];
      await stores.facts.insert("events", [
        ...journey("K-1", 1, false),
        ...journey("K-2", 2, true),
        ...journey("K-3", 3, false),
        ...journey("K-4", 4, false),
        ...journey("K-5", 5, false),
        ...journey("=cmd", 6, false),
        trackEvent(other.workspaceId, at(1).toISOString(), { userId: "K-1" }, "Product Viewed", {}, {}),
      ]);
      ({ triggerId, surveyId } = await makeTrigger(ws, { delaySeconds: 600 }));
    });
    afterAll(() => stores.close());

    it("invites the dropped customers with an address once and counts every other unit", async () => {
      const k1 = await customerOf("K-1");
      const first = await send({ ...funnel, triggerId });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toEqual({
        units: 5,
        invited: 1,
        alreadyInvited: 0,
        skipped: { noCustomer: 1, suppressed: 1, noAddress: 1, contactLimit: 1, sampledOut: 0 },
        invitationIds: [expect.any(String)],
      });
      const key = funnelKey(ZFunnelDroppedRequest.parse(funnel));
      const invitations = await stores.sor.db
        .selectFrom("survey_invitations")
        .select(["id", "customer_id", "status", "event_id", "event_name", "survey_id", "link_id"])
        .where("workspace_id", "=", ws.workspaceId)
        .where("trigger_id", "=", triggerId)
        .orderBy("customer_id")
        .execute();
      expect(invitations.map((i) => [i.customer_id, i.status, i.event_id])).toEqual([
        ["K-1", "scheduled", `funnel:${key}:2:${k1}`],
        ["K-4", "suppressed_fatigue", `funnel:${key}:2:${await customerOf("K-4")}`],
      ]);
      const invited = invitations[0];
      expect(invited).toMatchObject({
        id: first.body.invitationIds[0],
        event_name: "Funnel Dropped",
        survey_id: surveyId,
      });
      // The link names the funnel, so the responses can be analysed by it.
      const link = await stores.sor.db
        .selectFrom("survey_links")
        .select(["hidden", "customer_id", "single_use", "invitation_id"])
        .where("id", "=", invited?.link_id as string)
        .executeTakeFirstOrThrow();
      expect(link).toEqual({
        hidden: {
          source: "funnel",
          funnel: key,
          funnelStep: "2",
          droppedBefore: "Order Completed",
          reachedAt: at(2).toISOString(),
        },
        customer_id: "K-1",
        single_use: true,
        invitation_id: invited?.id,
      });
      const messages = await stores.sor.db
        .selectFrom("outbox")
        .select(["payload", "available_at"])
        .where("workspace_id", "=", ws.workspaceId)
        .where("topic", "=", INVITATION_TOPIC)
        .execute();
      expect(messages).toHaveLength(1);
      expect(messages[0]?.payload).toMatchObject({ invitationId: invited?.id, email: "k1@example.com" });
      // The contact limit now holds K-1 too, as after any trigger firing.
      const contact = await stores.sor.db
        .selectFrom("survey_contacts")
        .select("customer_id")
        .where("workspace_id", "=", ws.workspaceId)
        .where("customer_id", "=", "K-1")
        .execute();
      expect(contact).toHaveLength(1);

      // The same funnel, step and trigger again (another limit too): nobody twice.
      const again = await send({ ...funnel, limit: 50, triggerId });
      expect(again.body).toEqual({
        units: 5,
        invited: 0,
        alreadyInvited: 1,
        skipped: { noCustomer: 1, suppressed: 1, noAddress: 1, contactLimit: 1, sampledOut: 0 },
        invitationIds: first.body.invitationIds,
      });
      // K-3 has an address now: a later run invites only K-3.
      await identify("K-3", 30, { email: "k3@example.com" });
      const third = await send({ ...funnel, triggerId });
      expect(third.body).toMatchObject({
        units: 5,
        invited: 1,
        alreadyInvited: 1,
        skipped: { noCustomer: 1, suppressed: 1, noAddress: 0, contactLimit: 1, sampledOut: 0 },
      });
      const count = await stores.sor.db
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("workspace_id", "=", ws.workspaceId)
        .where("topic", "=", INVITATION_TOPIC)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(2);
    });

    it("counts customers the sample rate leaves out, and those within the contact limit", async () => {
      const half = await makeTrigger(ws, {
        channel: "webhook",
        target: { url: "https://crm.example.com/hook" },
        sampleRate: 0.5,
      });
      const key = funnelKey(ZFunnelDroppedRequest.parse(funnel));
      // K-1 and K-3 were invited above and K-4 before: whoever is drawn meets the contact limit.
      let drawn = 0;
      for (const user of ["K-1", "K-3", "K-4"])
        if (sampled(half.triggerId, user, `funnel:${key}:2:${await customerOf(user)}`, 0.5)) drawn++;
      const res = await send({ ...funnel, triggerId: half.triggerId });
      expect(res.body).toEqual({
        units: 5,
        invited: 0,
        alreadyInvited: 0,
        skipped: { noCustomer: 1, suppressed: 1, noAddress: 0, contactLimit: drawn, sampledOut: 3 - drawn },
        invitationIds: [],
      });
    });

    it("refuses a read key, foreign and unsuitable triggers, another workspace and bad input", async () => {
      const readOnly = await call("POST", path(), {
        bearer: await ws.key(["read"]),
        body: { ...funnel, triggerId },
      });
      expect(readOnly.status).toBe(403);
      const foreign = await makeTrigger(other);
      for (const id of [foreign.triggerId, "01890000-0000-7000-8000-000000000000"]) {
        const res = await send({ ...funnel, triggerId: id });
        expect(res.status).toBe(404);
        expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/triggerId"]);
      }
      // Another workspace's funnel route, even with that workspace's own trigger id known to the caller.
      expect(
        (await call("POST", path(other), { cookie: ws.ownerCookie, body: { ...funnel, triggerId } })).status,
      ).toBe(404);
      const disabled = await makeTrigger(ws, { enabled: false });
      const draft = await makeTrigger(ws, {}, "draft");
      for (const [id, code] of [
        [disabled.triggerId, "trigger_disabled"],
        [draft.triggerId, "survey_not_active"],
      ]) {
        const res = await send({ ...funnel, triggerId: id });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([
          { pointer: "/body/triggerId", code, message: expect.stringContaining("expected") },
        ]);
      }
      const bad = async (b: unknown) => {
        const res = await send(b);
        expect(res.status).toBe(400);
        return res.body.errors.map((e: { pointer: string }) => e.pointer);
      };
      expect(await bad(funnel)).toEqual(["/body/triggerId"]);
      expect(await bad({ ...funnel, triggerId: "x'; --" })).toEqual(["/body/triggerId"]);
      expect(await bad({ ...funnel, step: 3, triggerId })).toEqual(["/body/step"]);
      expect(await bad({ ...funnel, limit: 1001, triggerId })).toEqual(["/body/limit"]);
      const invitations = await stores.sor.db
        .selectFrom("survey_invitations")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("workspace_id", "=", other.workspaceId)
        .executeTakeFirstOrThrow();
      expect(Number(invitations.n)).toBe(0);
      const doc = (await call("GET", "/api/openapi.json")).body;
      expect(
        doc.paths["/api/v1/workspaces/{workspaceId}/analytics/funnel/dropped/survey"]?.post,
      ).toBeDefined();
    });
  },
);

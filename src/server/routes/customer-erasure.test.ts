import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshJourneyInstances } from "../../core/analytics/instances/refresh.js";
import { ERASED_CASE_TITLE } from "../../core/cases/erase-case-customer.js";
import { openOrAttachCase } from "../../core/cases/open-or-attach.js";
import { emailId, phoneId } from "../../core/customers/distinct-ids.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { basic, storedEvents } from "../../testing/ingest.js";
import { createMappedJourney } from "../../testing/journey-fixture.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "customer erasure on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let other: SeededWorkspace;
    let app: ReturnType<typeof testApp>;
    let call: ReturnType<typeof client>;
    let key: string;

    const ingest = async (batch: unknown[]) => {
      const res = await app.request("/v1/batch", {
        method: "POST",
        headers: { authorization: basic(key), "content-type": "application/json" },
        body: JSON.stringify({ batch }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const customerOf = async (distinctId: string) =>
      (
        await stores.sor.db
          .selectFrom("customer_identities")
          .select("customer_id")
          .where("workspace_id", "=", ws.workspaceId)
          .where("distinct_id", "=", distinctId)
          .executeTakeFirst()
      )?.customer_id;

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Erase");
      other = await seedWorkspace(stores, "Other");
      key = await ws.key(["ingest"]);
      app = testApp(stores);
      call = client(app);
    });
    afterAll(() => stores.close());

    it("erases profile, ids, merged customers and events, and refuses the ids' new events afterwards", async () => {
      const t = "2026-11-20T10:00:00.000Z";
      expect(
        (
          await ingest([
            { type: "track", messageId: "e1", anonymousId: "anon-1", event: "Page Viewed", timestamp: t },
            {
              type: "identify",
              messageId: "e2",
              userId: "u-1",
              anonymousId: "anon-1",
              traits: { email: "Lena@example.com", phone: "+49 30 1234-567", plan: "pro" },
              timestamp: t,
            },
            { type: "track", messageId: "e3", userId: "u-1", event: "Order Completed", timestamp: t },
            { type: "track", messageId: "k1", userId: "keep", event: "Order Completed", timestamp: t },
            // A second customer merged into u-1's by alias: erased with it.
            { type: "track", messageId: "e4", userId: "u-old", event: "Page Viewed", timestamp: t },
          ])
        ).body,
      ).toMatchObject({ accepted: 5 });
      await drainOutbox(stores);
      expect(
        (await ingest([{ type: "alias", messageId: "e5", userId: "u-1", previousId: "u-old" }])).status,
      ).toBe(200);
      await drainOutbox(stores);
      // A journey measuring orders: both customers have an instance until the erasure.
      await createMappedJourney(stores, ws.workspaceId, "Bestellung", [
        { name: "Kaufen", steps: [{ title: "Bestellt", matchers: [{ event: "Order Completed" }] }] },
      ]);
      await refreshJourneyInstances(stores, ws.workspaceId);
      const instanceUnits = async () =>
        (
          await stores.facts.query<{ unit: string }>(
            `SELECT unit FROM ${stores.facts.database}.journey_instances FINAL
              WHERE workspace_id = {ws:UUID} AND deleted = 0 ORDER BY unit`,
            { ws: ws.workspaceId },
          )
        ).map((r) => r.unit);
      const customerId = await customerOf("user:u-1");
      expect(customerId).toBeDefined();
      expect(await customerOf("user:u-old")).toBe(customerId);
      const kept = await customerOf("user:keep");

      const analyst = await ws.member("analyst");
      const path = `/api/v1/workspaces/${ws.workspaceId}/customers/${customerId}`;
      expect((await call("DELETE", path, { cookie: analyst.cookie })).status).toBe(403);
      expect(
        (
          await call("DELETE", `/api/v1/workspaces/${other.workspaceId}/customers/${customerId}`, {
            cookie: other.ownerCookie,
          })
        ).status,
      ).toBe(404);

      expect((await instanceUnits()).sort()).toEqual([customerId, kept].sort());
      // A case whose title and signal quote the customer: it stays, cut loose from the person.
      const { caseId } = await openOrAttachCase(stores.sor.db, {
        workspaceId: ws.workspaceId,
        customerId: customerId as string,
        signal: {
          kind: "manual",
          ref: "erase-1",
          summary: "Lena Muster: Router kam nie an",
          occurredAt: new Date(t),
        },
      });
      // Their feedback by user id, by e-mail (another spelling) and anonymously goes; another's stays.
      const posted = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/feedback`, {
        cookie: ws.ownerCookie,
        body: {
          items: [
            { channel: "email", customer: { userId: "u-1" }, text: "Lena Muster: der Router fehlt." },
            { channel: "chat", customer: { email: "Lena@EXAMPLE.com" }, text: "Immer noch kein Router." },
            { channel: "web_review", customer: { anonymousId: "anon-1" }, text: "Wo bleibt die Lieferung?" },
            // Known only by the phone number, written another way.
            { channel: "phone", customer: { phone: " +49301234567" }, text: "Anruf: Router fehlt." },
            { channel: "phone", customer: { phone: "030 1234567" }, text: "Anruf ohne Landesvorwahl." },
            { channel: "email", customer: { userId: "keep" }, text: "Alles gut angekommen." },
          ],
        },
      });
      expect(posted.status, JSON.stringify(posted.body)).toBe(201);
      await drainOutbox(stores);
      const feedbackFacts = async () =>
        (
          await stores.facts.query<{ text: string }>(
            `SELECT text FROM ${stores.facts.database}.feedback FINAL
              WHERE workspace_id = {ws:UUID} ORDER BY text`,
            { ws: ws.workspaceId },
          )
        ).map((r) => r.text);
      expect(await feedbackFacts()).toHaveLength(6);
      const erased = await call("DELETE", path, { cookie: ws.ownerCookie });
      expect(erased.status).toBe(200);
      expect(erased.body).toEqual({ customerId, merged: 1, suppressedIds: 5, feedback: 4 });
      const feedbackLeft = await stores.sor.db
        .selectFrom("feedback")
        .select("text")
        .where("workspace_id", "=", ws.workspaceId)
        .execute();
      // Another number (no country code: other digits, another id) stays.
      expect(feedbackLeft.map((f) => f.text).sort()).toEqual([
        "Alles gut angekommen.",
        "Anruf ohne Landesvorwahl.",
      ]);
      expect((await call("GET", path, { cookie: ws.ownerCookie })).status).toBe(404);
      const erasedCase = await stores.sor.db
        .selectFrom("cases")
        .select(["customer_id", "title"])
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow();
      expect(erasedCase).toEqual({ customer_id: null, title: ERASED_CASE_TITLE });
      const caseTexts = JSON.stringify([
        await stores.sor.db
          .selectFrom("case_signals")
          .select("summary")
          .where("case_id", "=", caseId)
          .execute(),
        await stores.sor.db
          .selectFrom("case_timeline")
          .select(["kind", "data"])
          .where("case_id", "=", caseId)
          .execute(),
      ]);
      expect(caseTexts).not.toContain("Lena");
      expect(caseTexts).toContain("customer_erased");
      expect(await customerOf("user:u-1")).toBeUndefined();
      expect(await customerOf("user:keep")).toBe(kept);
      const traits = await stores.sor.db
        .selectFrom("customer_trait_changes")
        .select("id")
        .where("customer_id", "=", customerId as string)
        .execute();
      expect(traits).toEqual([]);

      const suppressions = await call("GET", `/api/v1/workspaces/${ws.workspaceId}/suppressions`, {
        cookie: ws.ownerCookie,
      });
      expect(
        (suppressions.body as { items: { distinctId: string }[] }).items.map((s) => s.distinctId).sort(),
      ).toEqual(
        [
          "anon:anon-1",
          emailId("lena@example.com"),
          phoneId("+49301234567"),
          "user:u-1",
          "user:u-old",
        ].sort(),
      );

      // The facts go by the outbox job; the other customer's events stay.
      await drainOutbox(stores);
      expect((await storedEvents(stores, ws.workspaceId)).map((e) => e.message_id).sort()).toEqual(["k1"]);
      const mirror = await stores.facts.query<{ distinct_id: string }>(
        `SELECT distinct_id FROM ${stores.facts.database}.customer_identities FINAL
       WHERE workspace_id = {ws:UUID} ORDER BY distinct_id`,
        { ws: ws.workspaceId },
      );
      expect(mirror.map((m) => m.distinct_id)).toEqual(["user:keep"]);
      expect(await feedbackFacts()).toEqual(["Alles gut angekommen.", "Anruf ohne Landesvorwahl."]);
      expect(await instanceUnits()).toEqual([kept]);

      // New events for any of the ids are refused, without keeping their payload; others are taken.
      const again = await ingest([
        { type: "track", messageId: "n1", userId: "u-1", event: "Page Viewed" },
        { type: "identify", messageId: "n2", userId: "fresh", traits: { email: "lena@example.com" } },
        { type: "track", messageId: "n3", userId: "fresh-2", event: "Page Viewed" },
      ]);
      expect(again.body).toMatchObject({
        accepted: 1,
        rejected: [
          { index: 0, messageId: "n1", code: "suppressed" },
          { index: 1, messageId: "n2", code: "suppressed" },
        ],
      });
      const failed = await stores.sor.db
        .selectFrom("failed_events")
        .select(["code", "payload"])
        .where("workspace_id", "=", ws.workspaceId)
        .where("code", "=", "suppressed")
        .execute();
      expect(failed).toHaveLength(2);
      for (const f of failed) expect(f.payload).not.toContain("example.com");

      // Lifting a suppression lets the id's events in again.
      const lift = `/api/v1/workspaces/${ws.workspaceId}/suppressions/${encodeURIComponent("user:u-1")}`;
      expect((await call("DELETE", lift, { cookie: ws.ownerCookie })).status).toBe(204);
      expect((await call("DELETE", lift, { cookie: ws.ownerCookie })).status).toBe(404);
      expect(
        (await ingest([{ type: "track", messageId: "n4", userId: "u-1", event: "Page Viewed" }])).body,
      ).toMatchObject({ accepted: 1 });
    });

    it("keeps identity work queued before the erasure from bringing the customer back", async () => {
      const t = "2026-11-21T10:00:00.000Z";
      await ingest([{ type: "track", messageId: "q1", userId: "late", event: "Page Viewed", timestamp: t }]);
      await drainOutbox(stores);
      const customerId = await customerOf("user:late");
      // A second event's identity work is queued, not yet handled, when the customer is erased.
      await ingest([
        {
          type: "track",
          messageId: "q2",
          userId: "late",
          anonymousId: "late-anon",
          event: "x",
          timestamp: t,
        },
      ]);
      expect(
        (
          await call("DELETE", `/api/v1/workspaces/${ws.workspaceId}/customers/${customerId}`, {
            cookie: ws.ownerCookie,
          })
        ).status,
      ).toBe(200);
      await drainOutbox(stores);
      expect(await customerOf("user:late")).toBeUndefined();
      expect(await customerOf("anon:late-anon")).toBeUndefined();
    });
  },
);

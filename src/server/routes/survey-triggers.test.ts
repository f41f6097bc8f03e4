import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../core/auth/secrets.js";
import type { Stores } from "../../core/stores.js";
import { sampled } from "../../core/surveys/evaluate-triggers.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

const definition = {
  schemaVersion: 1,
  title: { de: "Lieferung", en: "Delivery" },
  thankYou: { de: "Danke!" },
  questions: [{ id: "nps", type: "nps", text: { de: "Empfehlen?" }, required: true }],
};

describe.each(storeVariants().map((v) => [v.name, v] as const))("survey triggers on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let n = 0;
  const manage = (method: string, suffix: string, body?: unknown) =>
    call(method, `/api/v1/workspaces/${ws.workspaceId}${suffix}`, {
      cookie: ws.ownerCookie,
      ...(body !== undefined && { body }),
    });
  const survey = async (status = "active") =>
    (await manage("POST", "/surveys", { name: `Umfrage ${++n}`, definition, status })).body.id as string;
  const trigger = async (surveyId: string, extra: Record<string, unknown> = {}) =>
    (
      await manage("POST", `/surveys/${surveyId}/triggers`, {
        name: "Nach Lieferung",
        matcher: { event: extra.event ?? `Order Delivered ${n}` },
        channel: "webhook",
        target: { url: "https://crm.example.com/hook" },
        ...extra,
        event: undefined,
      })
    ).body;
  const fire = async (events: Record<string, unknown>[]) => {
    const res = await manage("POST", "/survey-triggers/fire", { events });
    expect(res.status).toBe(200);
    return res.body.invitations as { status: string; invitationId: string; customerId: string }[];
  };
  const count = async (table: "survey_invitations" | "survey_links" | "outbox") =>
    Number(
      (
        await stores.sor.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Versandhaus");
    call = client(testApp(stores));
  });
  afterAll(() => stores.close());

  it("creates, lists, changes and deletes triggers; the secret is shown once", async () => {
    const s = await survey();
    const created = await manage("POST", `/surveys/${s}/triggers`, {
      name: "Zustellung",
      matcher: { event: "Order Delivered", where: 'properties.country = "DE"' },
      delaySeconds: 600,
      channel: "email",
      target: { url: "https://mail.example.com/send", subject: { de: "Wie war's?" } },
      sampleRate: 0.25,
    });
    expect(created.status).toBe(201);
    const secret: string = created.body.target.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.body).toMatchObject({ surveyId: s, delaySeconds: 600, sampleRate: 0.25, enabled: true });
    const listed = await manage("GET", `/surveys/${s}/triggers`);
    expect(listed.body.items[0].target.secret).toBe(`whsec_…${secret.slice(-4)}`);
    const changed = await manage("PATCH", `/survey-triggers/${created.body.id}`, {
      enabled: false,
      target: { url: "https://mail.example.com/v2" },
    });
    expect(changed.body).toMatchObject({ enabled: false, target: { url: "https://mail.example.com/v2" } });
    const stored = await stores.sor.db
      .selectFrom("survey_triggers")
      .select("target")
      .where("id", "=", created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.target.secret).toBe(secret);

    const bad = await manage("POST", `/surveys/${s}/triggers`, {
      name: "X",
      matcher: { event: "Order Delivered", where: "properties.country = " },
      channel: "webhook",
      target: { url: "ftp://example.com" },
      sampleRate: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/target/url",
      "/body/sampleRate",
    ]);
    const badWhere = await manage("PATCH", `/survey-triggers/${created.body.id}`, {
      matcher: { event: "X", where: "(" },
    });
    expect(badWhere.body.errors[0]).toMatchObject({
      pointer: "/body/matcher/where",
      code: "invalid_expression",
    });

    expect((await manage("DELETE", `/survey-triggers/${created.body.id}`)).status).toBe(204);
    expect((await manage("DELETE", `/survey-triggers/${created.body.id}`)).status).toBe(404);
  });

  it("schedules an invitation with a single-use link and an outbox message; a replay adds nothing", async () => {
    const s = await survey();
    const t = await trigger(s, { event: "Order Delivered", delaySeconds: 3600 });
    await manage("POST", `/surveys/${s}/triggers`, {
      name: "Aus",
      matcher: { event: "Order Delivered" },
      channel: "webhook",
      target: { url: "https://crm.example.com/hook" },
      enabled: false,
    });
    const event = {
      messageId: "evt-1",
      event: "Order Delivered",
      userId: "kunde-1",
      properties: { orderId: "A-1", total: 99.5, nested: { x: 1 }, email: "k@example.com" },
    };
    const started = Date.now();
    const [first, ...rest] = await fire([event, { ...event, messageId: "evt-x", event: "Order Cancelled" }]);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      triggerId: t.id,
      eventId: "evt-1",
      customerId: "kunde-1",
      status: "scheduled",
    });

    const invitation = await stores.sor.db
      .selectFrom("survey_invitations")
      .selectAll()
      .where("id", "=", first?.invitationId ?? "")
      .executeTakeFirstOrThrow();
    const link = await stores.sor.db
      .selectFrom("survey_links")
      .selectAll()
      .where("id", "=", invitation.link_id ?? "")
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({
      survey_id: s,
      customer_id: "kunde-1",
      hidden: { orderId: "A-1", total: "99.5" },
      single_use: true,
      invitation_id: invitation.id,
    });
    const message = await stores.sor.db
      .selectFrom("outbox")
      .selectAll()
      .where("topic", "=", "survey.invitation")
      .executeTakeFirstOrThrow();
    const payload = message.payload as { invitationId: string; token: string };
    expect(payload.invitationId).toBe(invitation.id);
    expect(sha256(payload.token)).toBe(link.token_hash);
    const delay = new Date(message.available_at).getTime() - started;
    expect(delay).toBeGreaterThanOrEqual(3_599_000);
    expect(delay).toBeLessThan(3_660_000);

    const before = [await count("survey_invitations"), await count("survey_links"), await count("outbox")];
    const replay = await fire([event]);
    expect(replay).toEqual([first]);
    expect([await count("survey_invitations"), await count("survey_links"), await count("outbox")]).toEqual(
      before,
    );

    const listed = await manage("GET", `/surveys/${s}/invitations?status=scheduled`);
    expect(listed.body.items).toMatchObject([
      { id: invitation.id, eventName: "Order Delivered", linkId: link.id },
    ]);
  });

  it("suppresses a second invitation within the fatigue window across surveys, and not after it", async () => {
    await manage("PUT", "/survey-settings", { fatigueDays: 14 });
    const a = await trigger(await survey(), { event: "Ticket Closed" });
    const b = await trigger(await survey(), { event: "Invoice Sent" });
    const customer = { userId: "kunde-fatigue" };
    const [first] = await fire([{ messageId: "f-1", event: "Ticket Closed", ...customer }]);
    expect(first?.status).toBe("scheduled");
    const [second] = await fire([{ messageId: "f-2", event: "Invoice Sent", ...customer }]);
    expect(second).toMatchObject({ triggerId: b.id, status: "suppressed_fatigue" });
    const [other] = await fire([{ messageId: "f-3", event: "Invoice Sent", userId: "kunde-anders" }]);
    expect(other?.status).toBe("scheduled");

    await stores.sor.db
      .updateTable("survey_contacts")
      .set({ last_invited_at: new Date(Date.now() - 14 * 86_400_000 - 60_000) })
      .where("workspace_id", "=", ws.workspaceId)
      .where("customer_id", "=", "kunde-fatigue")
      .execute();
    const [later] = await fire([{ messageId: "f-4", event: "Ticket Closed", ...customer }]);
    expect(later).toMatchObject({ triggerId: a.id, status: "scheduled" });

    await manage("PUT", "/survey-settings", { fatigueDays: 0 });
    const [noRule] = await fire([{ messageId: "f-5", event: "Invoice Sent", ...customer }]);
    expect(noRule?.status).toBe("scheduled");
  });

  it("samples deterministically per trigger, customer and event at the configured rate", async () => {
    await manage("PUT", "/survey-settings", { fatigueDays: 0 });
    const t = await trigger(await survey(), { event: "Call Ended", sampleRate: 0.5 });
    const events = Array.from({ length: 200 }, (_, i) => ({
      messageId: `c-${i}`,
      event: "Call Ended",
      userId: `k-${i}`,
    }));
    const results = [...(await fire(events.slice(0, 100))), ...(await fire(events.slice(100)))];
    const scheduled = results.filter((r) => r.status === "scheduled").length;
    expect(results.filter((r) => r.status === "suppressed_sampling").length).toBe(200 - scheduled);
    expect(scheduled).toBeGreaterThan(70);
    expect(scheduled).toBeLessThan(130);
    for (const [i, r] of results.entries())
      expect(r.status === "scheduled").toBe(sampled(t.id, `k-${i}`, `c-${i}`, 0.5));
    const replay = [...(await fire(events.slice(0, 100))), ...(await fire(events.slice(100)))];
    expect(replay).toEqual(results);
  });

  it("fires only for active surveys and marks e-mail invitations without a recipient failed", async () => {
    await trigger(await survey("draft"), { event: "Draft Event" });
    expect(await fire([{ messageId: "d-1", event: "Draft Event", userId: "k" }])).toEqual([]);
    await trigger(await survey(), { event: "Mail Event", channel: "email" });
    const [noMail] = await fire([{ messageId: "m-1", event: "Mail Event", anonymousId: "anon-1" }]);
    expect(noMail).toMatchObject({ status: "failed", customerId: "anon-1" });
    const invalid = await manage("POST", "/survey-triggers/fire", {
      events: [{ messageId: "x", event: "Mail Event" }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].pointer).toBe("/body/events/0/userId");
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { feedbackFact } from "../../testing/feedback-facts.js";
import { type SmtpSink, startSmtpSink } from "../../testing/smtp-sink.js";
import { storeVariants } from "../../testing/stores.js";
import { mailSendHandler, notificationsDigestHandler } from "../../worker/notifications.js";
import { createOutboxWorker } from "../../worker/outbox-worker.js";
import { type AppConfig, defaultAppConfig } from "../config.js";
import type { CaseStatus } from "../db/schema.js";
import { uuidv7 } from "../ids.js";
import type { Stores } from "../stores.js";
import { nextDigestAt } from "./digest-schedule.js";
import { kpiTrends } from "./kpi-trends.js";
import { renderDigestMail } from "./mail-render.js";
import type { TDigest } from "./notifications.schema.js";
import type { MailPayload } from "./notify.js";
import { DIGEST_TOPIC, type DigestPayload } from "./preferences.js";
import { runDigest } from "./run-digest.js";

const at = (iso: string) => new Date(iso);

describe("digest schedule (Europe/Berlin, 07:00)", () => {
  it("runs daily at 07:00 local time across the DST switch", () => {
    // Monday 23 Nov 2026, 06:00 in Berlin (CET, UTC+1).
    expect(nextDigestAt("daily", at("2026-11-23T05:00:00Z"))?.toISOString()).toBe("2026-11-23T06:00:00.000Z");
    // Exactly at 07:00: the next one is tomorrow.
    expect(nextDigestAt("daily", at("2026-11-23T06:00:00Z"))?.toISOString()).toBe("2026-11-24T06:00:00.000Z");
    // Summer time (CEST, UTC+2).
    expect(nextDigestAt("daily", at("2026-07-01T00:00:00Z"))?.toISOString()).toBe("2026-07-01T05:00:00.000Z");
    // Saturday 28 Mar 07:00 CET → Sunday 29 Mar 07:00 CEST (the clocks went forward at 02:00).
    expect(nextDigestAt("daily", at("2026-03-28T06:00:00Z"))?.toISOString()).toBe("2026-03-29T05:00:00.000Z");
    // Late in the evening UTC is already the next day in Berlin.
    expect(nextDigestAt("daily", at("2026-11-23T23:30:00Z"))?.toISOString()).toBe("2026-11-24T06:00:00.000Z");
  });

  it("runs weekly on Mondays at 07:00 and not at all for none", () => {
    expect(nextDigestAt("weekly", at("2026-11-23T06:00:00Z"))?.toISOString()).toBe(
      "2026-11-30T06:00:00.000Z",
    );
    expect(nextDigestAt("weekly", at("2026-11-25T12:00:00Z"))?.toISOString()).toBe(
      "2026-11-30T06:00:00.000Z",
    );
    expect(nextDigestAt("weekly", at("2026-11-23T05:59:59Z"))?.toISOString()).toBe(
      "2026-11-23T06:00:00.000Z",
    );
    expect(nextDigestAt("none", at("2026-11-23T05:00:00Z"))).toBeNull();
  });
});

describe("digest e-mail", () => {
  it("says how many changes it left out, escapes journey titles and links only to the app", () => {
    const cases = Array.from({ length: 20 }, (_, i) => ({
      id: `c${i}`,
      title: `Case ${i}`,
      change: "opened" as const,
    }));
    const mail = renderDigestMail(
      {
        frequency: "weekly",
        from: "2026-11-16T06:00:00.000Z",
        to: "2026-11-23T06:00:00.000Z",
        myCases: [],
        journeys: [
          { journeyId: "j", journeyTitle: "Umzug <b>", opened: 25, breached: 1, resolved: 0, cases },
        ],
        kpis: [{ id: "k", name: "NPS <Umzug>", unit: "", current: 12, previous: 20.5, change: -8.5 }],
        alerts: [],
      },
      { locale: "de", recipientName: "Dana", baseUrl: "https://cx.example.com/app/", workspaceId: "w1" },
    );
    expect(mail.subject).toBe("Ihre wöchentliche Journeylens-Zusammenfassung");
    expect(mail.text).toContain("Von 16.11.2026, 07:00 bis 23.11.2026, 07:00");
    expect(mail.text).toContain("… und 6 weitere");
    expect(mail.html).toContain("Umzug &lt;b&gt; — 25 eröffnet, 1 SLA verletzt, 0 gelöst");
    expect(mail.html).toContain('href="https://cx.example.com/app/w/w1/cases/c0"');
    expect(mail.text).toContain("Verschlechterte KPIs");
    expect(mail.html).toContain("NPS &lt;Umzug&gt; <em>(20,5 → 12)</em>");
  });
});

describe.each(storeVariants().map((v) => [v.name, v] as const))("digests on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let sink: SmtpSink;
  let agent: { userId: string; cookie: string };
  let analyst: { userId: string; cookie: string };
  let viewer: { userId: string; cookie: string };
  let journeyId: string;
  const config: AppConfig = defaultAppConfig({
    publicUrl: "https://cx.example.com",
    webhooks: { allowPrivateAddresses: true, timeoutMs: 2_000 },
    mail: { timeoutMs: 2_000 },
  });
  // Monday 23 Nov 2026, 07:00 Europe/Berlin: the digest covers the 24 hours before.
  const DIGEST_AT = "2026-11-23T06:00:00.000Z";
  const IN_PERIOD = at("2026-11-22T15:00:00Z");
  const BEFORE = at("2026-11-20T09:00:00Z");
  const db = () => stores.sor.db;

  async function insertCase(values: {
    title: string;
    assignee?: string;
    journeyId?: string;
    status?: CaseStatus;
    openedAt: Date;
    dueAt: Date;
    breachedAt?: Date;
    resolvedAt?: Date;
  }): Promise<string> {
    const id = uuidv7();
    await db()
      .insertInto("cases")
      .values({
        id,
        workspace_id: ws.workspaceId,
        title: values.title,
        customer_id: null,
        journey_id: values.journeyId ?? null,
        touchpoint_id: null,
        step_id: null,
        channel: null,
        aspect: null,
        segment: null,
        status: values.status ?? "in_progress",
        priority: "normal",
        assignee_user_id: values.assignee ?? null,
        opened_at: values.openedAt,
        due_at: values.dueAt,
        sla_breached_at: values.breachedAt ?? null,
        resolved_at: values.resolvedAt ?? null,
        last_activity_at: values.openedAt,
        created_by: null,
        created_at: values.openedAt,
        updated_at: values.openedAt,
      })
      .execute();
    return id;
  }

  async function subscribe(userId: string, digest: "daily" | "weekly"): Promise<DigestPayload> {
    await db()
      .insertInto("notification_preferences")
      .values({ workspace_id: ws.workspaceId, user_id: userId, digest, digest_version: 1 })
      .onConflict((oc) =>
        oc
          .columns(["workspace_id", "user_id"])
          .doUpdateSet({ digest, digest_version: 1, last_digest_at: null }),
      )
      .execute();
    return { userId, version: 1, at: DIGEST_AT };
  }

  const queuedDigests = async () =>
    (await db().selectFrom("outbox").selectAll().where("topic", "=", "mail.send").execute()).map(
      (r) => r.payload as MailPayload,
    );

  beforeAll(async () => {
    stores = await variant.open();
    sink = await startSmtpSink();
    ws = await seedWorkspace(stores, "Digest");
    agent = await ws.member("agent");
    analyst = await ws.member("analyst");
    viewer = await ws.member("viewer");
    await db().updateTable("users").set({ locale: "en" }).execute();
    await db()
      .insertInto("mail_settings")
      .values({
        workspace_id: ws.workspaceId,
        enabled: true,
        host: "127.0.0.1",
        port: sink.port,
        security: "none",
      })
      .execute();
    journeyId = uuidv7();
    await db()
      .insertInto("journeys")
      .values({
        id: journeyId,
        workspace_id: ws.workspaceId,
        title: "Umzug <melden>",
        persona_id: null,
        owner_user_id: analyst.userId,
        status: "as_is",
        version: 1,
        document: JSON.stringify({ schemaVersion: 1, title: "Umzug", stages: [] }),
        updated_by: null,
      })
      .execute();
    // The agent's open cases: one breached, one due within a day, one due later; and a resolved one.
    await insertCase({
      title: "Zähler <script>alert(1)</script>",
      assignee: agent.userId,
      openedAt: BEFORE,
      dueAt: at("2026-11-22T09:00:00Z"),
      breachedAt: at("2026-11-22T09:00:00Z"),
    });
    await insertCase({
      title: "Due soon",
      assignee: agent.userId,
      openedAt: BEFORE,
      dueAt: at("2026-11-23T20:00:00Z"),
    });
    await insertCase({
      title: "Due later",
      assignee: agent.userId,
      openedAt: BEFORE,
      dueAt: at("2026-11-27T20:00:00Z"),
    });
    await insertCase({
      title: "Done",
      assignee: agent.userId,
      status: "resolved",
      openedAt: BEFORE,
      dueAt: at("2026-11-27T20:00:00Z"),
      resolvedAt: IN_PERIOD,
    });
    // The analyst's journey: one case opened and one resolved in the period, one untouched since before.
    await insertCase({
      title: "Opened in period",
      journeyId,
      openedAt: IN_PERIOD,
      dueAt: at("2026-11-30T00:00:00Z"),
    });
    await insertCase({
      title: "Resolved in period",
      journeyId,
      status: "resolved",
      openedAt: BEFORE,
      dueAt: at("2026-11-30T00:00:00Z"),
      resolvedAt: IN_PERIOD,
    });
    await insertCase({ title: "Old news", journeyId, openedAt: BEFORE, dueAt: at("2026-11-30T00:00:00Z") });
    // Alerts: one in the period, one before it.
    for (const [title, created] of [
      ["Emerging topic: Lieferzeit", IN_PERIOD],
      ["Older alert", BEFORE],
    ] as const)
      await db()
        .insertInto("alerts")
        .values({
          id: uuidv7(created.getTime()),
          workspace_id: ws.workspaceId,
          kind: "emerging_topic",
          dedupe_key: `d:${title}`,
          title,
          created_at: created,
        })
        .execute();
  });
  afterAll(async () => {
    await sink.stop();
    await stores.close();
  });
  beforeEach(async () => {
    sink.mails.length = 0;
    await db().deleteFrom("outbox").execute();
  });

  it("gives an agent their open cases with breached and due-soon ones flagged, and no alerts", async () => {
    const payload = await subscribe(agent.userId, "daily");
    expect(await runDigest(db(), ws.workspaceId, payload, at(DIGEST_AT))).toBe("queued");
    const [mail] = await queuedDigests();
    if (mail?.type !== "digest") throw new Error("no digest queued");
    const d: TDigest = mail.digest;
    expect(d.from).toBe("2026-11-22T06:00:00.000Z");
    expect(d.to).toBe(DIGEST_AT);
    expect(d.myCases.map((c) => [c.title, c.breached, c.dueSoon])).toEqual([
      ["Zähler <script>alert(1)</script>", true, false],
      ["Due soon", false, true],
      ["Due later", false, false],
    ]);
    expect(d.journeys).toEqual([]);
    expect(d.alerts).toEqual([]);
    // The next digest is scheduled for tomorrow 07:00, with the same schedule version.
    const next = await db()
      .selectFrom("outbox")
      .selectAll()
      .where("topic", "=", DIGEST_TOPIC)
      .executeTakeFirstOrThrow();
    expect(next.payload).toEqual({ userId: agent.userId, version: 1, at: "2026-11-24T06:00:00.000Z" });
    expect(next.available_at.toISOString()).toBe("2026-11-24T06:00:00.000Z");

    // The e-mail arrives with the case titles inert and links to the app only.
    const worker = createOutboxWorker({
      db: db(),
      handlers: { "mail.send": mailSendHandler(stores, config) },
      topics: ["mail.send"],
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, done: 1 });
    const [received] = await sink.waitFor(1);
    const html = String(received?.parsed.html);
    expect(received?.parsed.subject).toBe("Your daily Journeylens digest");
    expect(html).toContain("Zähler &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script");
    for (const [, href] of html.matchAll(/href="([^"]*)"/g))
      expect(href).toMatch(new RegExp(`^https://cx\\.example\\.com/w/${ws.workspaceId}/cases/`));
    expect(received?.parsed.text).toContain("Due soon (due within 24 h)");
  });

  it("gives a journey owner their journey's changes and an analyst the alerts and worse KPIs", async () => {
    // Two catalogue KPIs on real feedback facts: NPS fell from 100 to −100 in the last 7 days, CSAT rose.
    for (const [key, metric] of [
      ["nps", "nps"],
      ["csat", "csat"],
    ] as const)
      await db()
        .insertInto("kpis")
        .values({
          id: uuidv7(),
          workspace_id: ws.workspaceId,
          key,
          kind: "brand",
          name: `${metric.toUpperCase()} <gesamt>`,
          measure: JSON.stringify({ type: "metric", metric }),
          direction: "higher",
          target: null,
        })
        .execute();
    const w = ws.workspaceId;
    await stores.facts.insert("feedback", [
      feedbackFact(w, {
        ratings: [
          { metric: "nps", value: 10 },
          { metric: "csat", value: 1 },
        ],
        at: "2026-11-12T10:00:00.000Z",
      }),
      feedbackFact(w, {
        ratings: [
          { metric: "nps", value: 0 },
          { metric: "csat", value: 5 },
        ],
        at: "2026-11-21T10:00:00.000Z",
      }),
    ]);
    const payload = await subscribe(analyst.userId, "daily");
    const trends = kpiTrends(db(), stores.facts);
    expect(await runDigest(db(), ws.workspaceId, payload, at(DIGEST_AT), trends)).toBe("queued");
    const [mail] = await queuedDigests();
    if (mail?.type !== "digest") throw new Error("no digest queued");
    expect(mail.digest.myCases).toEqual([]);
    expect(mail.digest.journeys).toEqual([
      {
        journeyId,
        journeyTitle: "Umzug <melden>",
        opened: 1,
        breached: 0,
        resolved: 1,
        cases: [
          expect.objectContaining({ title: "Opened in period", change: "opened" }),
          expect.objectContaining({ title: "Resolved in period", change: "resolved" }),
        ],
      },
    ]);
    expect(mail.digest.alerts.map((a) => a.title)).toEqual(["Emerging topic: Lieferzeit"]);
    expect(mail.digest.kpis.map((k) => [k.name, k.previous, k.current])).toEqual([
      ["NPS <gesamt>", 100, -100],
    ]);
    // An agent's digest has no KPIs, even when measured.
    const agentPayload = await subscribe(agent.userId, "daily");
    await db().deleteFrom("outbox").execute();
    expect(await runDigest(db(), ws.workspaceId, agentPayload, at(DIGEST_AT), trends)).toBe("queued");
    const [agentMail] = await queuedDigests();
    expect(agentMail?.type === "digest" && agentMail.digest.kpis).toEqual([]);
  });

  it("sends no empty digest but keeps the schedule going", async () => {
    const payload = await subscribe(viewer.userId, "weekly");
    expect(await runDigest(db(), ws.workspaceId, payload, at(DIGEST_AT))).toBe("empty");
    expect(await queuedDigests()).toEqual([]);
    const next = await db()
      .selectFrom("outbox")
      .select("payload")
      .where("topic", "=", DIGEST_TOPIC)
      .executeTakeFirstOrThrow();
    expect(next.payload).toEqual({ userId: viewer.userId, version: 1, at: "2026-11-30T06:00:00.000Z" });
  });

  it("ignores a repeated message and the messages of a changed schedule", async () => {
    const payload = await subscribe(agent.userId, "daily");
    expect(await runDigest(db(), ws.workspaceId, payload, at(DIGEST_AT))).toBe("queued");
    // The same message again (a worker died before completing it): nothing new.
    expect(await runDigest(db(), ws.workspaceId, payload, at(DIGEST_AT))).toBe("done_before");
    expect((await queuedDigests()).length).toBe(1);
    // The member switches to weekly through the API: the version moves, the old schedule goes quiet.
    const call = client(testApp(stores, config));
    const put = await call("PUT", `/api/v1/workspaces/${ws.workspaceId}/notification-preferences`, {
      cookie: agent.cookie,
      body: { digest: "weekly" },
    });
    expect(put.status).toBe(200);
    expect(put.body.digest).toBe("weekly");
    const later = { ...payload, at: "2026-11-24T06:00:00.000Z" };
    expect(await runDigest(db(), ws.workspaceId, later, at(later.at))).toBe("stale");
    // The new schedule's first message is queued for the next Monday 07:00 after now.
    const scheduled = await db()
      .selectFrom("outbox")
      .select(["payload", "available_at"])
      .where("topic", "=", DIGEST_TOPIC)
      .execute();
    const fresh = scheduled.map((r) => r.payload as DigestPayload).filter((p) => p.version === 2);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.at).toBe(put.body.nextDigestAt);
    expect(new Date(put.body.nextDigestAt).getTime()).toBeGreaterThan(Date.now());
  });

  it("runs scheduled digests through the outbox handler at a fixed clock", async () => {
    await subscribe(agent.userId, "daily");
    await db()
      .insertInto("outbox")
      .values({
        id: uuidv7(),
        workspace_id: ws.workspaceId,
        topic: DIGEST_TOPIC,
        payload: JSON.stringify({ userId: agent.userId, version: 1, at: DIGEST_AT }),
        available_at: at("2020-01-01T00:00:00Z"),
      })
      .execute();
    const worker = createOutboxWorker({
      db: db(),
      handlers: { [DIGEST_TOPIC]: notificationsDigestHandler(stores, () => at(DIGEST_AT)) },
      topics: [DIGEST_TOPIC],
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, done: 1 });
    expect((await queuedDigests()).map((p) => p.type)).toEqual(["digest"]);
    const prefs = await db()
      .selectFrom("notification_preferences")
      .select("last_digest_at")
      .where("user_id", "=", agent.userId)
      .executeTakeFirstOrThrow();
    expect(prefs.last_digest_at?.toISOString()).toBe(DIGEST_AT);
  });
});

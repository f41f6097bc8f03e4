import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { type SmtpSink, startSmtpSink } from "../../testing/smtp-sink.js";
import { storeVariants } from "../../testing/stores.js";
import { mailSendHandler } from "../../worker/notifications.js";
import { createOutboxWorker } from "../../worker/outbox-worker.js";
import { raiseAlerts } from "../alerts/raise-alerts.js";
import { checkCaseSla } from "../cases/sla.js";
import { type AppConfig, defaultAppConfig } from "../config.js";
import { uuidv7 } from "../ids.js";
import type { Stores } from "../stores.js";

const COMMENT =
  'Lieferung kam nie an <script>alert(1)</script> <a href="javascript:alert(document.cookie)">Details</a>';

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "notifications and e-mail on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let sink: SmtpSink;
    let call: ReturnType<typeof client>;
    let admin: { userId: string; cookie: string };
    let analyst: { userId: string; cookie: string };
    let agent: { userId: string; cookie: string };
    let viewer: { userId: string; cookie: string };
    const config: AppConfig = defaultAppConfig({
      publicUrl: "https://cx.example.com",
      // The sink listens on loopback.
      webhooks: { allowPrivateAddresses: true, timeoutMs: 2_000 },
      mail: { timeoutMs: 2_000 },
    });
    const url = (suffix: string) => `/api/v1/workspaces/${ws.workspaceId}${suffix}`;

    async function runMail() {
      const worker = createOutboxWorker({
        db: stores.sor.db,
        handlers: { "mail.send": mailSendHandler(stores, config) },
        topics: ["mail.send"],
        backoff: () => 0,
        logger: { info: () => {}, warn: () => {}, error: () => {} },
      });
      return worker.runOnce();
    }

    const notificationsOf = (userId: string) =>
      stores.sor.db
        .selectFrom("notifications")
        .selectAll()
        .where("workspace_id", "=", ws.workspaceId)
        .where("user_id", "=", userId)
        .orderBy("id")
        .execute();

    beforeAll(async () => {
      stores = await variant.open();
      sink = await startSmtpSink();
      ws = await seedWorkspace(stores, "Notify");
      admin = await ws.member("admin");
      analyst = await ws.member("analyst");
      agent = await ws.member("agent");
      viewer = await ws.member("viewer");
      // Members pick their language: German for the analyst, English for everyone else.
      await stores.sor.db.updateTable("users").set({ locale: "en" }).execute();
      await stores.sor.db
        .updateTable("users")
        .set({ locale: "de" })
        .where("id", "=", analyst.userId)
        .execute();
      call = client(testApp(stores, config));
      const put = await call("PUT", url("/mail-settings"), {
        cookie: ws.ownerCookie,
        body: {
          enabled: true,
          host: "127.0.0.1",
          port: sink.port,
          security: "none",
          username: null,
          password: "secret-never-returned",
          fromAddress: "cx@example.com",
        },
      });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({
        enabled: true,
        host: "127.0.0.1",
        port: sink.port,
        security: "none",
        username: null,
        passwordSet: true,
        fromAddress: "cx@example.com",
        installationFallback: false,
      });
      expect(JSON.stringify(put.body)).not.toContain("secret-never-returned");
    });
    afterAll(async () => {
      await sink.stop();
      await stores.close();
    });
    beforeEach(async () => {
      sink.mails.length = 0;
      await stores.sor.db.deleteFrom("outbox").execute();
    });

    it("notifies owners, admins and analysts of an alert and e-mails them with user text inert", async () => {
      const [alert] = await raiseAlerts(stores.sor.db, ws.workspaceId, [
        {
          kind: "metric",
          dedupeKey: `m:${uuidv7()}`,
          severity: "critical",
          title: 'NPS fell <img src=x onerror="alert(1)">',
          details: { summary: COMMENT, link: "javascript:alert(1)" },
        },
      ]);
      if (!alert) throw new Error("no alert raised");
      for (const who of [ws.ownerId, admin.userId, analyst.userId]) {
        const rows = await notificationsOf(who);
        expect(rows.map((r) => [r.kind, r.source_id, r.severity, r.body, r.link])).toEqual([
          ["alert", alert.id, "critical", COMMENT, null],
        ]);
      }
      expect(await notificationsOf(agent.userId)).toEqual([]);
      expect(await notificationsOf(viewer.userId)).toEqual([]);

      const counts = await runMail();
      expect(counts).toMatchObject({ claimed: 3, done: 3, retried: 0 });
      const mails = await sink.waitFor(3);
      const byRecipient = new Map(mails.map((m) => [m.to[0], m]));
      const analystMail = byRecipient.get(
        (
          await stores.sor.db
            .selectFrom("users")
            .select("email")
            .where("id", "=", analyst.userId)
            .executeTakeFirstOrThrow()
        ).email,
      );
      if (!analystMail) throw new Error("the analyst got no e-mail");
      const html = String(analystMail.parsed.html);
      // The customer's comment and the alert title arrive as text, escaped: no tag, no script link.
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain("&lt;a href=&quot;javascript:alert(document.cookie)&quot;&gt;Details&lt;/a&gt;");
      expect(html).toContain("NPS fell &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
      expect(html).not.toMatch(/<script|<img|<a[\s>]|href="javascript:/i);
      expect(html.match(/href="([^"]*)"/g) ?? []).toEqual([]);
      // German template text for a German-speaking member, the comment verbatim in the text part.
      expect(html).toContain("Alarm:");
      expect(analystMail.parsed.text).toContain(COMMENT);
      expect(analystMail.parsed.subject).toBe('Alarm: NPS fell <img src=x onerror="alert(1)">');
      expect(analystMail.parsed.from?.text).toBe("cx@example.com");
      const ownerMail = mails.find((m) => m !== analystMail && m.parsed.subject?.startsWith("Alert:"));
      expect(ownerMail?.parsed.text).toContain("Hello");
    });

    it("uses the recipients an alert rule names, and honours e-mail preferences", async () => {
      const team = await call("POST", url("/teams"), {
        cookie: ws.ownerCookie,
        body: { name: `Service ${uuidv7()}`, memberIds: [viewer.userId] },
      });
      expect(team.status).toBe(201);
      const off = await call("PUT", url("/notification-preferences"), {
        cookie: agent.cookie,
        body: { email: { alert: false } },
      });
      expect(off.body.email).toEqual({
        alert: false,
        case_assigned: true,
        case_sla_breached: true,
        case_escalated: true,
      });
      await raiseAlerts(stores.sor.db, ws.workspaceId, [
        {
          kind: "metric",
          dedupeKey: `m:${uuidv7()}`,
          severity: "warning",
          title: "CSAT under target",
          details: {
            recipients: {
              userIds: [agent.userId, uuidv7(), "not-an-id"],
              teamIds: [team.body.id],
              roles: ["admin", "superuser"],
            },
          },
        },
      ]);
      const notified = await stores.sor.db
        .selectFrom("notifications")
        .select("user_id")
        .where("workspace_id", "=", ws.workspaceId)
        .where("title", "=", "CSAT under target")
        .execute();
      expect(notified.map((n) => n.user_id).sort()).toEqual(
        [agent.userId, viewer.userId, admin.userId].sort(),
      );
      // The agent switched alert e-mails off: two e-mails, three in-app notifications.
      expect(await runMail()).toMatchObject({ claimed: 2, done: 2 });
      expect((await sink.waitFor(2)).length).toBe(2);
    });

    it("retries an e-mail while the SMTP server is down and delivers it when it is back", async () => {
      await sink.stop();
      await raiseAlerts(stores.sor.db, ws.workspaceId, [
        {
          kind: "metric",
          dedupeKey: `m:${uuidv7()}`,
          severity: "info",
          title: "Outage test",
          details: { recipients: { userIds: [admin.userId] } },
        },
      ]);
      expect(await runMail()).toMatchObject({ claimed: 1, done: 0, retried: 1 });
      const pending = await stores.sor.db
        .selectFrom("outbox")
        .selectAll()
        .where("topic", "=", "mail.send")
        .executeTakeFirstOrThrow();
      expect(pending.status).toBe("pending");
      expect(pending.attempts).toBe(1);
      expect(pending.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(await runMail()).toMatchObject({ claimed: 1, retried: 1 });
      await sink.start();
      expect(await runMail()).toMatchObject({ claimed: 1, done: 1 });
      const [mail] = await sink.waitFor(1);
      expect(mail?.parsed.subject).toBe("Alert: Outage test");
      // The outbox message id is the Message-ID: a repeat after a crash is recognisable.
      expect(mail?.parsed.messageId).toBe(`<${pending.id}@cx.example.com>`);
      const done = await stores.sor.db
        .selectFrom("outbox")
        .select(["status", "attempts"])
        .where("id", "=", pending.id)
        .executeTakeFirstOrThrow();
      expect(done).toEqual({ status: "done", attempts: 3 });
    });

    it("notifies on case assignment, SLA breach and escalation", async () => {
      const team = await call("POST", url("/teams"), {
        cookie: ws.ownerCookie,
        body: { name: `Logistik ${uuidv7()}`, leadUserId: analyst.userId, memberIds: [agent.userId] },
      });
      const created = await call("POST", url("/cases"), {
        cookie: ws.ownerCookie,
        body: { title: "Paket <b>beschädigt</b>", priority: "urgent" },
      });
      expect(created.status).toBe(201);
      const caseId = created.body.case.id as string;
      const assigned = await call("POST", url(`/cases/${caseId}/assign`), {
        cookie: ws.ownerCookie,
        body: { userId: agent.userId, teamId: team.body.id },
      });
      expect(assigned.status).toBe(200);
      const forCase = async (userId: string) =>
        (await notificationsOf(userId))
          .filter((n) => n.source_id === caseId)
          .map((n) => [n.kind, n.title, n.link]);
      const link = `/w/${ws.workspaceId}/cases/${caseId}`;
      expect(await forCase(agent.userId)).toEqual([["case_assigned", "Paket <b>beschädigt</b>", link]]);
      // Past the due time (urgent: 4 h): breached, escalated to the team's lead.
      const late = new Date(Date.now() + 5 * 3600_000);
      const outcome = await checkCaseSla(stores.sor.db, ws.workspaceId, { caseId }, late);
      expect(outcome?.escalatedTo).toEqual({ level: 1, userId: analyst.userId });
      expect(await forCase(agent.userId)).toEqual([
        ["case_assigned", "Paket <b>beschädigt</b>", link],
        ["case_sla_breached", "Paket <b>beschädigt</b>", link],
      ]);
      expect(await forCase(analyst.userId)).toEqual([["case_escalated", "Paket <b>beschädigt</b>", link]]);
      expect(await runMail()).toMatchObject({ claimed: 3, done: 3 });
      const mails = await sink.waitFor(3);
      const escalated = mails.find((m) => m.parsed.subject?.startsWith("An Sie eskalierter Fall"));
      const html = String(escalated?.parsed.html);
      expect(html).toContain("Paket &lt;b&gt;beschädigt&lt;/b&gt;");
      expect(html).toContain(`href="https://cx.example.com/w/${ws.workspaceId}/cases/${caseId}"`);
      expect(html).not.toContain("<b>");
    });

    it("sends nothing by e-mail while the workspace has e-mail switched off", async () => {
      await stores.sor.db
        .updateTable("mail_settings")
        .set({ enabled: false })
        .where("workspace_id", "=", ws.workspaceId)
        .execute();
      await raiseAlerts(stores.sor.db, ws.workspaceId, [
        { kind: "metric", dedupeKey: `m:${uuidv7()}`, severity: "info", title: "Quiet", details: {} },
      ]);
      expect((await notificationsOf(ws.ownerId)).some((n) => n.title === "Quiet")).toBe(true);
      expect(await runMail()).toMatchObject({ claimed: 0 });
      await stores.sor.db
        .updateTable("mail_settings")
        .set({ enabled: true })
        .where("workspace_id", "=", ws.workspaceId)
        .execute();
    });
  },
);

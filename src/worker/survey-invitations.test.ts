import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AppConfig, defaultAppConfig } from "../core/config.js";
import type { Stores } from "../core/stores.js";
import { verifyWebhook } from "../core/webhooks/sign.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../testing/app.js";
import { startSmtpSink } from "../testing/smtp-sink.js";
import { storeVariants } from "../testing/stores.js";
import { surveyInvitationHandler } from "./survey-invitations.js";

const definition = {
  schemaVersion: 1,
  title: { de: "Ihr Techniker-Termin", en: "Your technician visit" },
  intro: { de: "Zwei Fragen <b>nur</b>." },
  thankYou: { de: "Danke!" },
  questions: [{ id: "nps", type: "nps", text: { de: "Empfehlen?" }, required: true }],
};

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "invitation delivery on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let call: ReturnType<typeof client>;
    let server: Server;
    let hookUrl: string;
    let status = 200;
    let received: { headers: IncomingHttpHeaders; body: string }[] = [];
    let n = 0;

    const manage = (method: string, suffix: string, body?: unknown) =>
      call(method, `/api/v1/workspaces/${ws.workspaceId}${suffix}`, {
        cookie: ws.ownerCookie,
        ...(body !== undefined && { body }),
      });

    /** An active survey with one trigger, fired once: returns the trigger and its outbox message. */
    async function scheduled(
      channel: "webhook" | "email",
      properties: Record<string, unknown> = {},
      target: { url?: string } = { url: hookUrl },
    ) {
      const event = `Visit Done ${++n}`;
      const surveyId = (
        await manage("POST", "/surveys", { name: `Techniker ${n}`, definition, status: "active" })
      ).body.id;
      const trigger = (
        await manage("POST", `/surveys/${surveyId}/triggers`, {
          name: "Nach Termin",
          matcher: { event },
          channel,
          target,
        })
      ).body;
      const [fired] = (
        await manage("POST", "/survey-triggers/fire", {
          events: [{ messageId: `v-${n}`, event, userId: `kunde-${n}`, properties }],
        })
      ).body.invitations;
      const message = await stores.sor.db
        .selectFrom("outbox")
        .selectAll()
        .where("topic", "=", "survey.invitation")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      return { surveyId, trigger, invitationId: fired.invitationId as string, message };
    }
    const deliver = (config: Partial<AppConfig>, message: Awaited<ReturnType<typeof scheduled>>["message"]) =>
      surveyInvitationHandler(stores, defaultAppConfig({ publicUrl: "https://cx.example.com", ...config }))(
        message,
        { db: stores.sor.db, workerId: "test", attempt: 1 },
      );
    const invitation = (id: string) =>
      stores.sor.db
        .selectFrom("survey_invitations")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Netzbetreiber");
      call = client(testApp(stores));
      server = createServer((req, res) => {
        let body = "";
        req.on("data", (c) => {
          body += c;
        });
        req.on("end", () => {
          received.push({ headers: req.headers, body });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      hookUrl = `http://localhost:${(server.address() as AddressInfo).port}/hook`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.close();
    });
    beforeEach(async () => {
      received = [];
      status = 200;
      await manage("PUT", "/survey-settings", { fatigueDays: 0 });
    });

    it("posts a signed webhook the receiver can verify, with a working link, and marks it sent", async () => {
      const { surveyId, trigger, invitationId, message } = await scheduled("webhook", { orderId: "T-9" });
      await deliver({ webhooks: { allowPrivateAddresses: true, timeoutMs: 2000 } }, message);
      expect(received).toHaveLength(1);
      const [got] = received;
      const headers = {
        "webhook-id": String(got?.headers["webhook-id"]),
        "webhook-timestamp": String(got?.headers["webhook-timestamp"]),
        "webhook-signature": String(got?.headers["webhook-signature"]),
      };
      expect(headers["webhook-id"]).toBe(invitationId);
      expect(verifyWebhook(trigger.target.secret, headers, got?.body ?? "")).toBe(true);
      const body = JSON.parse(got?.body ?? "{}");
      expect(body).toMatchObject({
        type: "survey.invitation",
        invitation: {
          id: invitationId,
          triggerId: trigger.id,
          eventId: `v-${n}`,
          eventName: `Visit Done ${n}`,
        },
        survey: { id: surveyId, name: `Techniker ${n}` },
        customerId: `kunde-${n}`,
        language: "de",
      });
      expect(body.link).toMatch(
        new RegExp(`^https://cx\\.example\\.com/s/${surveyId}\\?t=[A-Za-z0-9_-]{43}$`),
      );
      const token = new URL(body.link).searchParams.get("t");
      const page = await call("GET", `/api/public/v1/surveys/${surveyId}?t=${token}`);
      expect(page.body.link).toEqual({ customerId: `kunde-${n}` });
      expect(await invitation(invitationId)).toMatchObject({ status: "sent", error: null });

      await deliver({ webhooks: { allowPrivateAddresses: true, timeoutMs: 2000 } }, message);
      expect(received).toHaveLength(1);
    });

    it("renders the e-mail in the survey's default language with escaped texts", async () => {
      const { invitationId, message } = await scheduled("email", { email: "anna@example.com" });
      await deliver({ webhooks: { allowPrivateAddresses: true, timeoutMs: 2000 } }, message);
      const mail = JSON.parse(received[0]?.body ?? "{}");
      expect(mail.to).toBe("anna@example.com");
      expect(mail.subject).toBe("Ihre Meinung ist gefragt: Ihr Techniker-Termin");
      expect(mail.text).toContain("Zwei Fragen <b>nur</b>.");
      expect(mail.text).toContain("https://cx.example.com/s/");
      expect(mail.html).toContain("Zwei Fragen &lt;b&gt;nur&lt;/b&gt;.");
      expect(mail.html).toContain('<a href="https://cx.example.com/s/');
      expect((await invitation(invitationId)).status).toBe("sent");
    });

    it("sends an e-mail trigger without a relay URL through SMTP, retrying while the server is down", async () => {
      const sink = await startSmtpSink();
      try {
        const smtp = { mail: { smtpUrl: `smtp://127.0.0.1:${sink.port}`, from: "CX <cx@example.com>" } };
        const { invitationId, message } = await scheduled("email", { email: "bert@example.com" }, {});
        await sink.stop();
        await expect(deliver(smtp, message)).rejects.toThrow();
        expect(await invitation(invitationId)).toMatchObject({ status: "failed" });
        await sink.start();
        await deliver(smtp, message);
        const [mail] = await sink.waitFor(1);
        expect(mail?.to).toEqual(["bert@example.com"]);
        expect(mail?.parsed.subject).toBe("Ihre Meinung ist gefragt: Ihr Techniker-Termin");
        expect(mail?.parsed.text).toContain("https://cx.example.com/s/");
        expect(mail?.parsed.html).toContain("Zwei Fragen &lt;b&gt;nur&lt;/b&gt;.");
        expect(await invitation(invitationId)).toMatchObject({ status: "sent", error: null });
        // Without any SMTP server configured the invitation fails for good, with the reason.
        const none = await scheduled("email", { email: "carla@example.com" }, {});
        await deliver({}, none.message);
        expect(await invitation(none.invitationId)).toMatchObject({
          status: "failed",
          error: "no SMTP server is configured",
        });
      } finally {
        await sink.stop();
      }
    });

    it("refuses a webhook trigger without a URL, naming the field", async () => {
      const surveyId = (await manage("POST", "/surveys", { name: "Ohne URL", definition, status: "active" }))
        .body.id;
      const created = await manage("POST", `/surveys/${surveyId}/triggers`, {
        name: "Kein Ziel",
        matcher: { event: "X" },
        channel: "webhook",
        target: {},
      });
      expect(created.status).toBe(400);
      expect(created.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/target/url"]);
      const mailTrigger = await manage("POST", `/surveys/${surveyId}/triggers`, {
        name: "Per SMTP",
        matcher: { event: "X" },
        channel: "email",
        target: {},
      });
      expect(mailTrigger.status).toBe(201);
      const toWebhook = await manage("PATCH", `/survey-triggers/${mailTrigger.body.id}`, {
        channel: "webhook",
      });
      expect(toWebhook.status).toBe(400);
      expect(toWebhook.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/target/url"]);
    });

    it("refuses a private receiver unless allowed, without retrying, and retries receiver errors", async () => {
      const refused = await scheduled("webhook");
      await deliver({}, refused.message);
      expect(received).toEqual([]);
      const failed = await invitation(refused.invitationId);
      expect(failed.status).toBe("failed");
      expect(failed.error).toMatch(/localhost resolves to the private address/);

      status = 503;
      const flaky = await scheduled("webhook");
      await expect(
        deliver({ webhooks: { allowPrivateAddresses: true, timeoutMs: 2000 } }, flaky.message),
      ).rejects.toThrow("receiver answered status 503");
      expect((await invitation(flaky.invitationId)).status).toBe("failed");
      status = 200;
      await deliver({ webhooks: { allowPrivateAddresses: true, timeoutMs: 2000 } }, flaky.message);
      expect(await invitation(flaky.invitationId)).toMatchObject({ status: "sent", error: null });
    });

    it("does not send for a deleted trigger or a closed survey", async () => {
      const gone = await scheduled("webhook");
      await manage("DELETE", `/survey-triggers/${gone.trigger.id}`);
      await deliver({ webhooks: { allowPrivateAddresses: true, timeoutMs: 2000 } }, gone.message);
      expect((await invitation(gone.invitationId)).error).toBe("the trigger was deleted before delivery");
      const closed = await scheduled("webhook");
      await manage("PATCH", `/surveys/${closed.surveyId}`, { status: "closed" });
      await deliver({ webhooks: { allowPrivateAddresses: true, timeoutMs: 2000 } }, closed.message);
      expect((await invitation(closed.invitationId)).error).toBe("the survey is no longer active");
      expect(received).toEqual([]);
    });
  },
);

import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";
import { createOutboxWorker } from "../../worker/outbox-worker.js";
import { webhookDeliverHandler, webhookEventHandler } from "../../worker/webhooks.js";
import { type AppConfig, defaultAppConfig } from "../config.js";
import { uuidv7 } from "../ids.js";
import type { Stores } from "../stores.js";
import { MAX_DELIVERY_ATTEMPTS, nextDelayMs, RETRY_SCHEDULE_MS, retryAfterMs } from "./deliver.js";
import { emitWebhookEvent } from "./emit-event.js";
import { signWebhook } from "./sign.js";

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback whose answer depends on the path; records every request it gets. */
interface Reply {
  status: number;
  headers?: Record<string, string>;
  hangMs?: number;
}

async function receiver(reply: (path: string) => Reply) {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      hits.push({ path: req.url ?? "/", headers: req.headers, body });
      const r = reply(req.url ?? "/");
      setTimeout(() => res.writeHead(r.status, r.headers).end(), r.hangMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    hits,
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sigHeaders = (h: IncomingHttpHeaders) => ({
  "webhook-id": String(h["webhook-id"]),
  "webhook-timestamp": String(h["webhook-timestamp"]),
  "webhook-signature": String(h["webhook-signature"]),
});

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "webhook deliveries on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let call: ReturnType<typeof client>;
    let rx: Awaited<ReturnType<typeof receiver>>;
    let trap: Awaited<ReturnType<typeof receiver>>;
    const config: AppConfig = defaultAppConfig({
      webhooks: { allowPrivateAddresses: false, timeoutMs: 400 },
    });
    const api = (suffix = "") => `/api/v1/workspaces/${ws.workspaceId}/webhooks${suffix}`;

    /** Runs the webhook handlers until nothing is due. */
    async function runDue(): Promise<void> {
      const worker = createOutboxWorker({
        db: stores.sor.db,
        topics: ["webhooks.event", "webhooks.deliver"],
        handlers: {
          "webhooks.event": webhookEventHandler(stores),
          "webhooks.deliver": webhookDeliverHandler(stores, config),
        },
        logger: { info: () => {}, warn: () => {}, error: () => {} },
      });
      for (let i = 0; i < 20 && (await worker.runOnce()).claimed > 0; i++);
    }
    /** Makes scheduled retries due now and returns how far out they were (ms from database now). */
    async function pullRetriesForward(): Promise<number[]> {
      const rows = await sql<{ ms: number }>`
      with due as (
        select id, available_at from outbox
        where topic = 'webhooks.deliver' and status = 'pending' and available_at > now()
      )
      update outbox o set available_at = now() from due where o.id = due.id
      returning extract(epoch from (due.available_at - now())) * 1000 as ms`.execute(stores.sor.db);
      return rows.rows.map((r) => Number(r.ms));
    }
    async function endpoint(path: string, eventTypes = ["feedback.created"]) {
      const res = await call("POST", api(), {
        cookie: ws.ownerCookie,
        body: { url: rx.url(path), eventTypes, allowPrivate: true },
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; secret: string };
    }
    const emit = (n: number) =>
      stores.sor.db
        .transaction()
        .execute((tx) =>
          emitWebhookEvent(tx, { workspaceId: ws.workspaceId, type: "feedback.created", data: { n } }),
        );
    const delivery = (endpointId: string) =>
      stores.sor.db
        .selectFrom("webhook_deliveries")
        .selectAll()
        .where("endpoint_id", "=", endpointId)
        .executeTakeFirstOrThrow();

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Hooks");
      call = client(testApp(stores, config));
      rx = await receiver((path): Reply => {
        if (path.startsWith("/500")) return { status: 500 };
        if (path.startsWith("/429"))
          return { status: 429, headers: { "retry-after": path.includes("long") ? "999999" : "120" } };
        if (path.startsWith("/410")) return { status: 410 };
        if (path.startsWith("/hang")) return { status: 200, hangMs: 2_000 };
        if (path.startsWith("/redirect")) return { status: 302, headers: { location: trap.url("/stolen") } };
        return { status: 204 };
      });
      trap = await receiver(() => ({ status: 200 }));
      expect(
        (await call("PUT", api("/settings"), { cookie: ws.ownerCookie, body: { allowPrivateTargets: true } }))
          .status,
      ).toBe(200);
    });
    afterAll(async () => {
      await rx.close();
      await trap.close();
      await stores.close();
    });
    beforeEach(async () => {
      rx.hits.length = 0;
      // Each test subscribes its own endpoints; older ones stop receiving.
      await stores.sor.db.updateTable("webhook_endpoints").set({ enabled: false }).execute();
    });

    it("signs per Standard Webhooks: the official verifier accepts, tampered and stale messages fail, rotation signs with both", async () => {
      const ep = await endpoint("/ok");
      await emit(1);
      await runDue();
      expect(rx.hits).toHaveLength(1);
      const [hit] = rx.hits as [Hit];
      const headers = sigHeaders(hit.headers);
      const d = await delivery(ep.id);
      expect(headers["webhook-id"]).toBe(d.id);
      expect(JSON.parse(hit.body)).toEqual({
        type: "feedback.created",
        timestamp: expect.any(String),
        data: { n: 1 },
      });
      expect(new Webhook(ep.secret).verify(hit.body, headers)).toMatchObject({ data: { n: 1 } });
      expect(() => new Webhook(ep.secret).verify(hit.body.replace('"n":1', '"n":2'), headers)).toThrow();
      const stale = Math.floor(Date.now() / 1000) - 600;
      expect(() =>
        new Webhook(ep.secret).verify(hit.body, {
          ...headers,
          "webhook-timestamp": String(stale),
          "webhook-signature": signWebhook(ep.secret, d.id, stale, hit.body),
        }),
      ).toThrow(/too old/i);
      expect(d).toMatchObject({ status: "succeeded", attempts: 1, last_status_code: 204 });

      const rotated = await call("POST", api(`/${ep.id}/rotate-secret`), { cookie: ws.ownerCookie });
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).not.toBe(ep.secret);
      expect(rotated.body.previousSecretExpiresAt).toEqual(expect.any(String));
      await emit(2);
      await runDue();
      const after = rx.hits[1] as Hit;
      expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(2);
      expect(new Webhook(ep.secret).verify(after.body, sigHeaders(after.headers))).toMatchObject({
        data: { n: 2 },
      });
      expect(new Webhook(rotated.body.secret).verify(after.body, sigHeaders(after.headers))).toBeTruthy();
      // After the grace period only the new secret signs.
      await stores.sor.db
        .updateTable("webhook_endpoints")
        .set({ previous_secret_expires_at: new Date(Date.now() - 1000) })
        .where("id", "=", ep.id)
        .execute();
      await emit(3);
      await runDue();
      const late = rx.hits[2] as Hit;
      expect(() => new Webhook(ep.secret).verify(late.body, sigHeaders(late.headers))).toThrow();
      expect(new Webhook(rotated.body.secret).verify(late.body, sigHeaders(late.headers))).toBeTruthy();
    });

    it("retries 500s, timeouts and redirects on the schedule, honours Retry-After (capped), disables on 410", async () => {
      expect(RETRY_SCHEDULE_MS).toEqual([
        5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
      ]);
      expect(nextDelayMs(8, undefined)).toBeUndefined();
      expect(retryAfterMs("120")).toBe(120_000);
      expect(retryAfterMs(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(58_000);

      const failing = await endpoint("/500");
      const limited = await endpoint("/429");
      const limitedLong = await endpoint("/429-long");
      const gone = await endpoint("/410");
      const hanging = await endpoint("/hang");
      const redirecting = await endpoint("/redirect");
      await emit(1);
      await runDue();
      expect(rx.hits.map((h) => h.path).sort()).toEqual([
        "/410",
        "/429",
        "/429-long",
        "/500",
        "/hang",
        "/redirect",
      ]);
      // Outbox retries, in ms from now: 5 s (500, timeout, redirect), 120 s (Retry-After), 10 h (cap).
      const waits = (await pullRetriesForward()).sort((a, b) => a - b);
      expect(waits).toHaveLength(5);
      for (const w of waits.slice(0, 3)) {
        expect(w).toBeGreaterThan(3_000);
        expect(w).toBeLessThan(6_000);
      }
      expect(waits[3]).toBeGreaterThan(115_000);
      expect(waits[3]).toBeLessThan(121_000);
      expect(waits[4]).toBeGreaterThan(36_000_000 - 5_000);
      expect(waits[4]).toBeLessThanOrEqual(36_000_000);
      expect(await delivery(failing.id)).toMatchObject({
        status: "pending",
        attempts: 1,
        last_status_code: 500,
      });
      expect(await delivery(limited.id)).toMatchObject({ status: "pending", last_status_code: 429 });
      expect(await delivery(limitedLong.id)).toMatchObject({ status: "pending", last_status_code: 429 });
      expect(await delivery(hanging.id)).toMatchObject({
        status: "pending",
        last_error: "timed out after 400 ms",
      });
      expect((await delivery(redirecting.id)).last_error).toMatch(/redirect \(not followed\) 302/);
      expect(trap.hits).toHaveLength(0);
      expect(await delivery(gone.id)).toMatchObject({ status: "failed", attempts: 1, last_status_code: 410 });
      const goneRow = await stores.sor.db
        .selectFrom("webhook_endpoints")
        .selectAll()
        .where("id", "=", gone.id)
        .executeTakeFirstOrThrow();
      expect(goneRow).toMatchObject({ enabled: false, disabled_reason: "the receiver answered 410 Gone" });

      // The 500 receiver: every attempt on the schedule, then failed after the last one.
      await stores.sor.db
        .updateTable("webhook_endpoints")
        .set({ enabled: false })
        .where("id", "!=", failing.id)
        .execute();
      for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
        await runDue();
        const waitsNow = await pullRetriesForward();
        if (attempt < MAX_DELIVERY_ATTEMPTS) {
          const expected = RETRY_SCHEDULE_MS[attempt - 1] as number;
          expect(waitsNow.length).toBeGreaterThanOrEqual(1);
          expect(Math.max(...waitsNow)).toBeGreaterThan(expected - 5_000);
        }
      }
      await runDue();
      const final = await delivery(failing.id);
      expect(final).toMatchObject({
        status: "failed",
        attempts: MAX_DELIVERY_ATTEMPTS,
        next_attempt_at: null,
      });
      const attempts = await stores.sor.db
        .selectFrom("webhook_attempts")
        .select(["attempt", "status_code", "trigger"])
        .where("delivery_id", "=", final.id)
        .orderBy("attempt")
        .execute();
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(attempts.every((a) => a.status_code === 500 && a.trigger === "auto")).toBe(true);
      expect(rx.hits.filter((h) => h.path === "/500")).toHaveLength(8);
      expect(new Set(rx.hits.filter((h) => h.path === "/500").map((h) => h.headers["webhook-id"]))).toEqual(
        new Set([final.id]),
      );
    }, 60_000);

    it("refuses private, loopback and link-local targets in every spelling; the loopback receiver gets 0 hits", async () => {
      const port = rx.port;
      const targets = [
        `http://127.0.0.1:${port}/x`,
        `http://localhost:${port}/x`,
        "http://169.254.169.254/latest/meta-data/",
        `http://[::ffff:127.0.0.1]:${port}/x`,
        `http://2130706433:${port}/x`,
        `http://0177.0.0.1:${port}/x`,
        `http://0x7f.1:${port}/x`,
        `https://127.1:${port}/x`,
      ];
      // At the API: each is a 400 naming the field, even over https.
      await call("PUT", api("/settings"), { cookie: ws.ownerCookie, body: { allowPrivateTargets: false } });
      for (const url of targets) {
        const res = await call("POST", api(), {
          cookie: ws.ownerCookie,
          body: { url: url.replace(/^http:/, "https:"), eventTypes: ["feedback.created"] },
        });
        expect(res.status, url).toBe(400);
        expect(res.body.errors[0], url).toMatchObject({ pointer: "/body/url", code: "private_address" });
      }
      const flagged = await call("POST", api(), {
        cookie: ws.ownerCookie,
        body: { url: rx.url("/x"), eventTypes: ["feedback.created"], allowPrivate: true },
      });
      expect(flagged.body.errors[0]).toMatchObject({
        pointer: "/body/allowPrivate",
        code: "private_not_allowed",
      });

      // At connect time (rows written past the API, e.g. before the workspace setting was turned off):
      // an endpoint flag alone is not honoured.
      const ids: string[] = [];
      for (const url of targets) {
        const id = uuidv7();
        ids.push(id);
        await stores.sor.db
          .insertInto("webhook_endpoints")
          .values({
            id,
            workspace_id: ws.workspaceId,
            url,
            event_types: JSON.stringify(["feedback.created"]),
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            allow_private: true,
          })
          .execute();
      }
      await emit(1);
      await runDue();
      expect(rx.hits).toHaveLength(0);
      for (const id of ids) {
        const d = await delivery(id);
        expect(d.status, d.last_error ?? "").toBe("failed");
        expect(d.last_error).toMatch(/private address/);
      }
      expect(await pullRetriesForward()).toEqual([]);
      await call("PUT", api("/settings"), { cookie: ws.ownerCookie, body: { allowPrivateTargets: true } });
    });
  },
);

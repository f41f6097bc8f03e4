import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseAlerts } from "../../core/alerts/raise-alerts.js";
import { defaultAppConfig } from "../../core/config.js";
import type { Stores } from "../../core/stores.js";
import { verifyWebhook } from "../../core/webhooks/sign.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";
import { createOutboxWorker } from "../../worker/outbox-worker.js";
import { webhookDeliverHandler, webhookEventHandler } from "../../worker/webhooks.js";

const definition = {
  schemaVersion: 1,
  title: { de: "Ihre Lieferung", en: "Your delivery" },
  thankYou: { de: "Danke!", en: "Thanks!" },
  questions: [{ id: "nps", type: "nps", text: { de: "Empfehlen?", en: "Recommend?" }, required: true }],
};

describe.each(storeVariants().map((v) => [v.name, v] as const))("webhooks API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const hits: { headers: IncomingHttpHeaders; body: string; path: string }[] = [];
  let status = 204;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      hits.push({ headers: req.headers, body, path: req.url ?? "/" });
      res.writeHead(status).end();
    });
  });
  let hook = "";
  const config = defaultAppConfig({ webhooks: { allowPrivateAddresses: false, timeoutMs: 2_000 } });
  const api = (suffix = "", w = ws) => `/api/v1/workspaces/${w.workspaceId}/webhooks${suffix}`;
  const as = (body?: unknown, w = ws) => ({ cookie: w.ownerCookie, ...(body !== undefined && { body }) });
  const drain = async () => {
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
  };

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Hooks");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores, { ...config, surveys: { responsesPerIpPerHour: 1000 } }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stores.close();
  });

  it("validates endpoints, naming the field, and gates private targets on an owner's setting", async () => {
    const bad = async (body: Record<string, unknown>, pointer: string, code?: string) => {
      const res = await call("POST", api(), as({ eventTypes: ["case.created"], ...body }));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors[0].pointer).toBe(pointer);
      if (code) expect(res.body.errors[0].code).toBe(code);
    };
    await bad({ url: "http://hooks.example.com/x" }, "/body/url", "insecure_url");
    await bad({ url: "https://user:pw@hooks.example.com/x" }, "/body/url", "credentials");
    await bad({ url: "not a url" }, "/body/url", "invalid_url");
    await bad({ url: "ftp://hooks.example.com/x" }, "/body/url", "insecure_url");
    await bad({ url: "https://hooks.example.com/x", eventTypes: ["case.exploded"] }, "/body/eventTypes/0");
    await bad({ url: "https://hooks.example.com/x", eventTypes: [] }, "/body/eventTypes");
    await bad({ url: `${hook}/x`, allowPrivate: true }, "/body/allowPrivate", "private_not_allowed");

    const admin = await ws.member("admin");
    const analyst = await ws.member("analyst");
    expect((await call("GET", api(), { cookie: analyst.cookie })).status).toBe(403);
    const byAdmin = await call("PUT", api("/settings"), {
      cookie: admin.cookie,
      body: { allowPrivateTargets: true },
    });
    expect(byAdmin.status).toBe(403);
    expect((await call("GET", api("/settings"), as())).body).toEqual({ allowPrivateTargets: false });
    expect((await call("PUT", api("/settings"), as({ allowPrivateTargets: true }))).body).toEqual({
      allowPrivateTargets: true,
    });
    const created = await call(
      "POST",
      api(),
      as({ url: `${hook}/x`, eventTypes: ["case.created"], allowPrivate: true }),
    );
    expect(created.status).toBe(201);
    // Private targets still need the endpoint's own flag.
    await bad({ url: `${hook}/x` }, "/body/url", "insecure_url");
    await call("DELETE", api(`/${created.body.id}`), as());
  });

  it("manages endpoints, shows the secret once, test-sends, logs deliveries and replays with the same webhook-id", async () => {
    const created = await call(
      "POST",
      api(),
      as({
        url: `${hook}/hook`,
        description: "CRM",
        eventTypes: ["feedback.created", "alert.fired"],
        allowPrivate: true,
      }),
    );
    expect(created.status).toBe(201);
    const { secret, ...shown } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(shown).toEqual({
      id: expect.any(String),
      url: `${hook}/hook`,
      description: "CRM",
      eventTypes: ["feedback.created", "alert.fired"],
      enabled: true,
      disabledReason: null,
      allowPrivate: true,
      secretHint: `whsec_…${secret.slice(-4)}`,
      previousSecretExpiresAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.body.id as string;
    expect((await call("GET", api(), as())).body.items).toEqual([shown]);
    expect((await call("GET", api(`/${id}`), as())).body).toEqual(shown);
    expect(JSON.stringify((await call("GET", api(`/${id}`), as())).body)).not.toContain(secret);

    const test = await call("POST", api(`/${id}/test`), as({ eventType: "alert.fired" }));
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({
      status: "succeeded",
      test: true,
      eventType: "alert.fired",
      attempts: 1,
    });
    expect(test.body.attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, trigger: "test", statusCode: 204, succeeded: true }),
    ]);
    const testHit = hits.at(-1);
    expect(testHit?.headers["webhook-id"]).toBe(test.body.id);
    expect(JSON.parse(testHit?.body ?? "{}").data).toMatchObject({
      test: true,
      alert: { kind: "emerging_topic" },
    });

    // Events from the real flows: feedback ingestion and alerts, each in its business transaction.
    status = 500;
    const key = await ws.key(["ingest", "read", "write"]);
    const fed = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/feedback`, {
      bearer: key,
      body: { externalId: "W-1", channel: "email", text: "Paket kam zu spät." },
    });
    expect(fed.status).toBe(201);
    await raiseAlerts(stores.sor.db, ws.workspaceId, [
      { kind: "emerging_topic", dedupeKey: "w1", severity: "warning", title: "Surge", details: {} },
    ]);
    await drain();
    const log = await call("GET", api(`/${id}/deliveries?status=pending`), as());
    expect(log.body.items.map((d: { eventType: string }) => d.eventType).sort()).toEqual([
      "alert.fired",
      "feedback.created",
    ]);
    const feedbackDelivery = log.body.items.find(
      (d: { eventType: string }) => d.eventType === "feedback.created",
    );
    expect(feedbackDelivery).toMatchObject({
      attempts: 1,
      lastStatusCode: 500,
      nextAttemptAt: expect.any(String),
      payload: {
        type: "feedback.created",
        data: { feedback: { id: fed.body.items[0].id, text: "Paket kam zu spät." } },
      },
      attemptLog: [
        expect.objectContaining({ attempt: 1, statusCode: 500, succeeded: false, trigger: "auto" }),
      ],
    });
    const deliveryUrl = api(`/${id}/deliveries/${feedbackDelivery.id}`);
    expect((await call("POST", `${deliveryUrl}/replay`, as())).status).toBe(409);

    // Mark it failed (as after the last retry), then replay: one more attempt, same id and body.
    await stores.sor.db
      .updateTable("webhook_deliveries")
      .set({ status: "failed", next_attempt_at: null })
      .where("id", "=", feedbackDelivery.id)
      .execute();
    await stores.sor.db
      .deleteFrom("outbox")
      .where("topic", "=", "webhooks.deliver")
      .where("status", "=", "pending")
      .execute();
    status = 200;
    const replay = await call("POST", `${deliveryUrl}/replay`, as());
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ id: feedbackDelivery.id, status: "pending" });
    const before = hits.length;
    await drain();
    const replayed = hits.slice(before);
    expect(replayed).toHaveLength(1);
    expect(replayed[0]?.headers["webhook-id"]).toBe(feedbackDelivery.id);
    expect(JSON.parse(replayed[0]?.body ?? "{}")).toEqual(feedbackDelivery.payload);
    const sig = {
      "webhook-id": String(replayed[0]?.headers["webhook-id"]),
      "webhook-timestamp": String(replayed[0]?.headers["webhook-timestamp"]),
      "webhook-signature": String(replayed[0]?.headers["webhook-signature"]),
    };
    expect(verifyWebhook(secret, sig, replayed[0]?.body ?? "")).toBe(true);
    const done = await call("GET", deliveryUrl, as());
    expect(done.body).toMatchObject({ status: "succeeded", attempts: 2, lastStatusCode: 200 });
    expect(done.body.attemptLog.map((a: { trigger: string }) => a.trigger)).toEqual(["auto", "replay"]);

    const patched = await call("PATCH", api(`/${id}`), as({ enabled: false }));
    expect(patched.body).toMatchObject({ enabled: false, disabledReason: "disabled by a person" });
    expect((await call("POST", `${deliveryUrl}/replay`, as())).status).toBe(409);
    expect((await call("PATCH", api(`/${id}`), as({ enabled: true }))).body).toMatchObject({
      enabled: true,
      disabledReason: null,
    });
    const rotated = await call("POST", api(`/${id}/rotate-secret`), as());
    expect(rotated.body.secret).not.toBe(secret);

    // Another workspace's admin sees none of it.
    for (const [method, path] of [
      ["GET", api(`/${id}`, other)],
      ["PATCH", api(`/${id}`, other)],
      ["DELETE", api(`/${id}`, other)],
      ["POST", api(`/${id}/rotate-secret`, other)],
      ["POST", api(`/${id}/test`, other)],
      ["GET", api(`/${id}/deliveries`, other)],
      ["POST", api(`/${id}/deliveries/${feedbackDelivery.id}/replay`, other)],
    ] as const) {
      const res = await call(
        method,
        path,
        as(method === "GET" || method === "DELETE" ? undefined : {}, other),
      );
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await call("GET", api(`/${randomUUID()}/deliveries/${feedbackDelivery.id}`), as())).status).toBe(
      404,
    );
    expect((await call("DELETE", api(`/${id}`), as())).status).toBe(204);
    expect((await call("GET", api(`/${id}`), as())).status).toBe(404);
  });

  it("emits response.finished when a survey response finishes, and nothing without a subscriber", async () => {
    const surveyId = (
      await call(
        "POST",
        `/api/v1/workspaces/${ws.workspaceId}/surveys`,
        as({ name: "Lieferung", definition, status: "active" }),
      )
    ).body.id as string;
    const respond = (finished: boolean) =>
      call("POST", `/api/public/v1/surveys/${surveyId}/responses`, {
        body: { submissionId: randomUUID(), answers: { nps: 9 }, finished },
      });
    const events = async () =>
      (
        await stores.sor.db
          .selectFrom("outbox")
          .select("payload")
          .where("topic", "=", "webhooks.event")
          .orderBy("id")
          .execute()
      )
        .map((r) => r.payload as { type: string; data: { response?: { id: string } } })
        .filter((p) => p.type === "response.finished");
    await respond(true);
    expect(await events()).toEqual([]);
    await call(
      "POST",
      api(),
      as({ url: `${hook}/r`, eventTypes: ["response.finished"], allowPrivate: true }),
    );
    const partial = await respond(false);
    expect(await events()).toEqual([]);
    const finished = await call("PATCH", `/api/public/v1/responses/${partial.body.id}`, {
      body: { finished: true },
      headers: { "x-edit-token": partial.body.editToken },
    });
    expect(finished.status).toBe(200);
    const direct = await respond(true);
    const emitted = await events();
    expect(emitted.map((e) => e.data.response?.id)).toEqual([partial.body.id, direct.body.id]);
    expect(emitted[0]).toMatchObject({
      occurredAt: expect.any(String),
      data: { response: { surveyId, finished: true } },
    });
  });
});

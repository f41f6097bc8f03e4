import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackIdFor } from "../../core/feedback/feedback-ids.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { insertPersona, insertTouchpoint, journeyInput } from "../../testing/journeys.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("feedback API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let touchpointId: string;
  let journey: { id: string; stageId: string; stepId: string };
  const path = (suffix = "", w = ws) => `/api/v1/workspaces/${w.workspaceId}/feedback${suffix}`;
  const as = (body?: unknown) => ({ cookie: ws.ownerCookie, ...(body !== undefined && { body }) });
  const count = async (table: "feedback" | "outbox" = "feedback") =>
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
    ws = await seedWorkspace(stores, "Stadtwerke");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
    touchpointId = await insertTouchpoint(stores, ws.workspaceId, { name: "Techniker-Termin" });
    const personaId = await insertPersona(stores, ws.workspaceId, "Sparfuchs");
    const created = await call(
      "POST",
      `/api/v1/workspaces/${ws.workspaceId}/journeys`,
      as({ document: { ...journeyInput("Umzug", { Service: ["Termin", "Besuch"] }), personaId } }),
    );
    const stage = created.body.document.stages[0];
    journey = { id: created.body.id, stageId: stage.id, stepId: stage.steps[1].id };
  });
  afterAll(() => stores.close());

  it("stores one record with derived fields, and a re-send is a duplicate that changes nothing", async () => {
    const item = {
      externalId: "T-1",
      channel: "email",
      receivedAt: "2026-03-02T10:15:00+01:00",
      customer: { email: "Kunde@Example.com", anonymousId: "a-1", traits: { tarif: "Basis", kids: 2 } },
      touchpointId,
      journeyId: journey.id,
      stepId: journey.stepId,
      ratings: [{ metric: "nps", value: 3 }],
      title: "Termin",
      text: "Der Techniker ist nicht gekommen und niemand hat sich gemeldet.",
      metadata: { queue: "Störung" },
    };
    const first = await call("POST", path(), as(item));
    expect(first.status).toBe(201);
    const id = feedbackIdFor(ws.workspaceId, "email:T-1");
    expect(first.body).toEqual({ accepted: 1, duplicates: 0, items: [{ index: 0, id, status: "created" }] });
    const again = await call("POST", path(), as({ ...item, text: "changed" }));
    expect(again.body).toEqual({
      accepted: 0,
      duplicates: 1,
      items: [{ index: 0, id, status: "duplicate" }],
    });

    const got = await call("GET", path(`/${id}`), as());
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id,
      kind: "unsolicited",
      channel: "email",
      surveyId: null,
      receivedAt: "2026-03-02T09:15:00.000Z",
      customerId: "email:kunde@example.com",
      customer: item.customer,
      touchpointId,
      journeyId: journey.id,
      stepId: journey.stepId,
      ratings: [{ metric: "nps", value: 3, min: 0, max: 10 }],
      scoreBand: "negative",
      answers: {},
      title: "Termin",
      text: item.text,
      language: "de",
      metadata: { queue: "Störung" },
      finished: true,
      flagged: false,
      flagReason: null,
      customerFeedback: [],
    });
    const relays = await stores.sor.db
      .selectFrom("outbox")
      .select("payload")
      .where("topic", "=", "feedback.relay")
      .where("workspace_id", "=", ws.workspaceId)
      .execute();
    expect(relays.map((r) => r.payload)).toContainEqual({ ids: [id] });
  });

  it("stores a record sent 20 times at once exactly once", async () => {
    const body = { externalId: "race-1", channel: "chat", text: "Hallo, ist jemand da?" };
    const results = await Promise.all(Array.from({ length: 20 }, () => call("POST", path(), as(body))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(results.filter((r) => r.body.accepted === 1)).toHaveLength(1);
    const rows = await stores.sor.db
      .selectFrom("feedback")
      .select("id")
      .where("source_key", "=", "chat:race-1")
      .execute();
    expect(rows).toEqual([{ id: feedbackIdFor(ws.workspaceId, "chat:race-1") }]);
  });

  it("validates a batch as a whole: every bad field is named and nothing is stored", async () => {
    const before = [await count(), await count("outbox")];
    const bad = await call(
      "POST",
      path(),
      as({
        items: [
          { channel: "email", text: "ok" },
          { channel: "fax", text: "x" },
          { channel: "web_review", ratings: [{ metric: "nps", value: 11 }] },
          { channel: "web_review", ratings: [{ metric: "rating", value: 3 }] },
          { channel: "web_review", ratings: [{ metric: "ces", value: 2, scale: { min: 1, max: 5 } }] },
          { channel: "chat", ratings: [{ metric: "csat", value: 4.5 }], language: "deu" },
          { channel: "chat", text: "", customer: { email: "nope" } },
          { channel: "chat", text: "x", stepId: journey.stepId, metadata: { blob: "x".repeat(9000) } },
        ],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/body/items/1/channel",
      "/body/items/2/ratings/0/value",
      "/body/items/3/ratings/0/scale",
      "/body/items/4/ratings/0/scale",
      "/body/items/5/language",
      "/body/items/5/ratings/0/value",
      "/body/items/6/customer/email",
      "/body/items/6/text",
      "/body/items/7/metadata",
      "/body/items/7/stepId",
    ]);
    const single = await call("POST", path(), as({ text: "no channel" }));
    expect(single.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/channel"]);
    const both = await call(
      "POST",
      path(),
      as({ channel: "email", items: [{ channel: "email", text: "a" }] }),
    );
    expect(both.body.errors[0]).toMatchObject({ pointer: "/body/channel" });
    const tooMany = await call(
      "POST",
      path(),
      as({ items: Array(1001).fill({ channel: "email", text: "a" }) }),
    );
    expect(tooMany.body.errors[0].pointer).toBe("/body/items");
    expect([await count(), await count("outbox")]).toEqual(before);
  });

  it("accepts the allowed scales and refuses links that are not the workspace's", async () => {
    const ok = await call(
      "POST",
      path(),
      as({
        items: [
          { channel: "app_review", ratings: [{ metric: "csat", value: 7, scale: { min: 1, max: 7 } }] },
          { channel: "app_review", ratings: [{ metric: "rating", value: 0, scale: { min: 0, max: 4 } }] },
          { channel: "app_review", ratings: [{ metric: "ces", value: 4 }] },
        ],
      }),
    );
    expect(ok.status).toBe(201);
    const bands = await stores.sor.db
      .selectFrom("feedback")
      .select("score_band")
      .where(
        "id",
        "in",
        ok.body.items.map((i: { id: string }) => i.id),
      )
      .orderBy("id")
      .execute();
    expect(bands.map((b) => b.score_band)).toEqual(["positive", "negative", "neutral"]);

    const foreignTp = await insertTouchpoint(stores, other.workspaceId, { name: "Fremd" });
    const before = await count();
    const refs = await call(
      "POST",
      path(),
      as({
        items: [
          { channel: "email", text: "a", touchpointId: foreignTp },
          { channel: "email", text: "b", journeyId: journey.id, stepId: journey.stageId },
          { channel: "email", text: "c", journeyId: touchpointId },
        ],
      }),
    );
    expect(refs.status).toBe(400);
    expect(refs.body.errors).toEqual([
      expect.objectContaining({ pointer: "/body/items/0/touchpointId", code: "unknown_reference" }),
      expect.objectContaining({ pointer: "/body/items/1/stepId", code: "unknown_reference" }),
      expect.objectContaining({ pointer: "/body/items/2/journeyId", code: "unknown_reference" }),
    ]);
    expect(await count()).toBe(before);
  });

  it("accepts the OpenAPI examples of its request bodies", async () => {
    const doc = (await call("GET", "/api/openapi.json")).body;
    const example = (p: string, method: string) =>
      doc.paths[p][method].requestBody.content["application/json"].example;
    const posted = await call(
      "POST",
      path(),
      as(example("/api/v1/workspaces/{workspaceId}/feedback", "post")),
    );
    expect(posted.status).toBe(201);
    const patched = await call(
      "PATCH",
      path(`/${posted.body.items[0].id}`),
      as(example("/api/v1/workspaces/{workspaceId}/feedback/{feedbackId}", "patch")),
    );
    expect(patched.status).toBe(200);
  });

  it("lets API keys with ingest or write post, on the workspace route and the key's alias", async () => {
    const ingest = await ws.key(["ingest"]);
    const write = await ws.key(["write"]);
    const read = await ws.key(["read"]);
    const item = (externalId: string) => ({ channel: "chat", externalId, text: "Thanks, that was quick!" });
    expect((await call("POST", path(), { bearer: ingest, body: item("k1") })).status).toBe(201);
    expect((await call("POST", path(), { bearer: read, body: item("k2") })).status).toBe(403);
    const alias = await call("POST", "/api/v1/feedback", { bearer: ingest, body: { items: [item("k3")] } });
    expect(alias.status).toBe(201);
    expect(alias.body.items[0].id).toBe(feedbackIdFor(ws.workspaceId, "chat:k3"));
    const row = await stores.sor.db
      .selectFrom("feedback")
      .select(["workspace_id", "language"])
      .where("id", "=", alias.body.items[0].id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ workspace_id: ws.workspaceId, language: "en" });
    expect((await call("POST", "/api/v1/feedback", { bearer: write, body: item("k4") })).status).toBe(201);
    expect((await call("POST", "/api/v1/feedback", { bearer: read, body: item("k5") })).status).toBe(403);
    const session = await call("POST", "/api/v1/feedback", as(item("k6")));
    expect(session.status).toBe(400);
    expect(session.body.detail).toContain("/api/v1/workspaces/{workspaceId}/feedback");
    expect((await call("POST", "/api/v1/feedback", { body: item("k7") })).status).toBe(401);
    expect((await call("POST", path("", other), { bearer: ingest, body: item("k8") })).status).toBe(404);
  });
});

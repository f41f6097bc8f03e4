import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueFeedbackRelay } from "../core/feedback/relay.js";
import type { Stores } from "../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../testing/app.js";
import { drainOutbox } from "../testing/drain-outbox.js";
import { insertPersona, insertTouchpoint, journeyInput } from "../testing/journeys.js";
import { storeVariants } from "../testing/stores.js";
import { feedbackRelayHandler } from "./feedback-relay.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("feedback relay on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const facts = (id?: string) =>
    stores.facts.query<Record<string, unknown>>(
      `SELECT * FROM ${stores.facts.database}.feedback FINAL
       WHERE workspace_id = {ws:UUID} ${id ? "AND feedback_id = {id:UUID}" : ""} ORDER BY feedback_id`,
      { ws: ws.workspaceId, ...(id && { id }) },
    );
  const drain = () => drainOutbox(stores);

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Relay");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
  });
  afterAll(() => stores.close());

  it("writes each record once with links resolved, and a replay changes nothing", async () => {
    const touchpointId = await insertTouchpoint(stores, ws.workspaceId, { name: "Hotline" });
    const personaId = await insertPersona(stores, ws.workspaceId, "Pendler");
    const journey = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/journeys`, {
      cookie: ws.ownerCookie,
      body: {
        document: { ...journeyInput("Störung", { Melden: ["Anruf"], Lösung: ["Techniker"] }), personaId },
      },
    });
    const stage = journey.body.document.stages[1];
    const posted = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/feedback`, {
      cookie: ws.ownerCookie,
      body: {
        items: [
          {
            externalId: "r-1",
            channel: "call_note",
            receivedAt: "2026-03-04T05:06:07.089Z",
            customer: { userId: "K-1", traits: { plan: "Basis", since: 2019, vip: false } },
            touchpointId,
            journeyId: journey.body.id,
            stepId: stage.steps[0].id,
            ratings: [
              { metric: "ces", value: 2 },
              { metric: "rating", value: 3, scale: { min: 1, max: 4 } },
            ],
            title: "Wartezeit",
            text: "Ich habe eine Stunde in der Warteschleife verbracht.",
          },
          { externalId: "r-2", channel: "web_review", text: "  ", ratings: [{ metric: "nps", value: 10 }] },
        ],
      },
    });
    const [first, second] = posted.body.items.map((i: { id: string }) => i.id);
    await drain();
    // JSONB keeps its own key order; the traits are compared as values.
    const rows = (await facts())
      .map((r): Record<string, unknown> => ({ ...r, customer_traits: JSON.parse(String(r.customer_traits)) }))
      .sort((a, b) => (a.feedback_id === first ? -1 : b.feedback_id === first ? 1 : 0));
    expect(rows).toEqual([
      {
        workspace_id: ws.workspaceId,
        feedback_id: first,
        kind: "unsolicited",
        channel: "call_note",
        survey_id: "",
        touchpoint_id: touchpointId,
        journey_id: journey.body.id,
        stage_id: stage.id,
        step_id: stage.steps[0].id,
        persona_id: personaId,
        customer_id: "K-1",
        customer_traits: { plan: "Basis", since: 2019, vip: false },
        language: "de",
        received_at: "2026-03-04 05:06:07.089",
        finished: 1,
        flagged: 0,
        deleted: 0,
        score_band: "negative",
        has_text: 1,
        text: "Wartezeit\n\nIch habe eine Stunde in der Warteschleife verbracht.",
        rating_metrics: ["ces", "rating"],
        rating_questions: ["", ""],
        rating_values: [2, 3],
        rating_mins: [1, 1],
        rating_maxs: [7, 4],
        answers: {},
        version: 1,
      },
      expect.objectContaining({
        feedback_id: second,
        journey_id: "",
        stage_id: "",
        persona_id: "",
        customer_id: "",
        customer_traits: {},
        language: "",
        has_text: 0,
        text: "",
        score_band: "positive",
      }),
    ]);

    await enqueueFeedbackRelay(stores.sor.db, ws.workspaceId, [first, second]);
    await enqueueFeedbackRelay(stores.sor.db, ws.workspaceId, [first]);
    await drain();
    const [counted] = await stores.facts.query<{ n: number }>(
      `SELECT count() AS n FROM ${stores.facts.database}.feedback FINAL WHERE workspace_id = {ws:UUID}`,
      { ws: ws.workspaceId },
    );
    expect(counted?.n).toBe(2);
  });

  it("redacts e-mail addresses, phone numbers and IBANs in the facts text; the inbox keeps the original", async () => {
    const original =
      "Bitte Rückruf unter 0171 2345678 oder an anna@example.com, Erstattung auf DE89 3704 0044 0532 0130 00";
    const posted = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/feedback`, {
      cookie: ws.ownerCookie,
      body: { externalId: "pii-1", channel: "email", text: original },
    });
    const id = posted.body.items[0].id;
    await drain();
    expect(await facts(id)).toEqual([
      expect.objectContaining({ text: "Bitte Rückruf unter [phone] oder an [email], Erstattung auf [iban]" }),
    ]);
    const inbox = await call("GET", `/api/v1/workspaces/${ws.workspaceId}/feedback/${id}`, {
      cookie: ws.ownerCookie,
    });
    expect(inbox.body.text).toBe(original);
  });

  it("redacts free-text survey answers in the facts store and leaves choice ids alone", async () => {
    const survey = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/surveys`, {
      cookie: ws.ownerCookie,
      body: {
        name: "PII",
        status: "active",
        definition: {
          schemaVersion: 1,
          title: { de: "PII" },
          thankYou: { de: "Danke" },
          questions: [
            {
              id: "topic",
              type: "single_choice",
              text: { de: "Thema?" },
              options: [
                { id: "order12", label: { de: "Bestellung" } },
                { id: "other", label: { de: "Anderes" } },
              ],
            },
            { id: "comment", type: "text", text: { de: "Kommentar?" } },
          ],
        },
      },
    });
    expect(survey.status).toBe(201);
    const response = await call("POST", `/api/public/v1/surveys/${survey.body.id}/responses`, {
      body: {
        submissionId: "0193a1c2-7d4e-7f00-8a00-0000000000aa",
        answers: { topic: "order12", comment: "Schreiben Sie an max@example.org" },
      },
    });
    expect(response.status).toBe(201);
    await drain();
    const [row] = await facts(response.body.id);
    expect(row?.answers).toEqual({ topic: '"order12"', comment: '"Schreiben Sie an [email]"' });
  });

  it("replaces a record by its new version, and writes a deleted one once as deleted", async () => {
    const posted = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/feedback`, {
      cookie: ws.ownerCookie,
      body: {
        externalId: "v-1",
        channel: "email",
        text: "Please call me back about the invoice",
        customer: { email: "x@example.com" },
      },
    });
    const id = posted.body.items[0].id;
    await drain();
    await call("PATCH", `/api/v1/workspaces/${ws.workspaceId}/feedback/${id}`, {
      cookie: ws.ownerCookie,
      body: { flagged: true, flagReason: "test" },
    });
    await drain();
    expect(await facts(id)).toEqual([expect.objectContaining({ flagged: 1, version: 2, deleted: 0 })]);

    await stores.sor.db.deleteFrom("feedback").where("id", "=", id).execute();
    await enqueueFeedbackRelay(stores.sor.db, ws.workspaceId, [id]);
    await drain();
    const deleted = expect.objectContaining({
      deleted: 1,
      version: 3,
      text: "",
      customer_id: "",
      flagged: 1,
    });
    expect(await facts(id)).toEqual([deleted]);
    await enqueueFeedbackRelay(stores.sor.db, ws.workspaceId, [id]);
    await drain();
    expect(await facts(id)).toEqual([deleted]);
  });

  it("relays only the message's own workspace, and refuses a malformed payload", async () => {
    const foreign = await call("POST", `/api/v1/workspaces/${other.workspaceId}/feedback`, {
      cookie: other.ownerCookie,
      body: { channel: "email", text: "fremd" },
    });
    await stores.sor.db.deleteFrom("outbox").execute();
    await enqueueFeedbackRelay(stores.sor.db, ws.workspaceId, [foreign.body.items[0].id]);
    await drain();
    const [n] = await stores.facts.query<{ n: number }>(
      `SELECT count() AS n FROM ${stores.facts.database}.feedback WHERE workspace_id = {ws:UUID}`,
      { ws: other.workspaceId },
    );
    expect(n?.n).toBe(0);
    const handler = feedbackRelayHandler(stores);
    const row = { workspace_id: ws.workspaceId, payload: { ids: [1] } } as unknown as Parameters<
      typeof handler
    >[0];
    await expect(handler(row, { db: stores.sor.db, workerId: "t", attempt: 1 })).rejects.toThrow(
      "{ ids: string[] }",
    );
  });
});

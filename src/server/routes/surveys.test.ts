import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../core/auth/secrets.js";
import { uuidv7 } from "../../core/ids.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

const definition = {
  schemaVersion: 1,
  title: { de: "Ihre Lieferung", en: "Your delivery" },
  thankYou: { de: "Danke!", en: "Thanks!" },
  questions: [
    { id: "nps", type: "nps", text: { de: "Empfehlen?", en: "Recommend?" }, required: true },
    { id: "ces", type: "ces", required: false },
    { id: "why", type: "text", text: { de: "Warum?" }, showIf: { questionId: "nps", op: "lte", value: 6 } },
  ],
};

describe.each(storeVariants().map((v) => [v.name, v] as const))("surveys API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const path = (suffix = "", w = () => ws.workspaceId) => `/api/v1/workspaces/${w()}${suffix}`;
  const as = (body?: unknown) => ({ cookie: ws.ownerCookie, ...(body !== undefined && { body }) });

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Versand");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores, { publicUrl: "https://cx.example.com/" }));
  });
  afterAll(() => stores.close());

  async function journeyWithStep(workspaceId: string): Promise<{ journeyId: string; stepId: string }> {
    const journeyId = uuidv7();
    const stepId = uuidv7();
    await stores.sor.db
      .insertInto("journeys")
      .values({
        id: journeyId,
        workspace_id: workspaceId,
        title: "Lieferung",
        persona_id: null,
        owner_user_id: null,
        status: "as_is",
        version: 1,
        document: JSON.stringify({
          schemaVersion: 1,
          title: "Lieferung",
          stages: [{ id: uuidv7(), name: "Zustellung", steps: [{ id: stepId, title: "Paket kommt" }] }],
        }),
        updated_by: null,
      })
      .execute();
    return { journeyId, stepId };
  }

  it("creates a survey with the CES default wording, reads, lists and audits it", async () => {
    const created = await call("POST", path("/surveys"), as({ name: "Lieferung NPS", definition }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Lieferung NPS",
      status: "draft",
      defaultLanguage: "de",
      version: 1,
      responseCount: 0,
      touchpointId: null,
      settings: {},
    });
    expect(created.body.definition.questions[1].text.en).toBe(
      "{Company} made it easy for me to handle my issue.",
    );
    expect(created.body.definition.questions[0].required).toBe(true);

    const got = await call("GET", path(`/surveys/${created.body.id}`), as());
    expect(got.body).toEqual(created.body);
    const audit = await stores.sor.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", created.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["survey.create"]);
  });

  it("answers 400 naming each invalid field, and stores nothing", async () => {
    const before = await stores.sor.db.selectFrom("surveys").select("id").execute();
    const bad = await call(
      "POST",
      path("/surveys"),
      as({
        name: "X",
        defaultLanguage: "en",
        definition: { ...definition, questions: [...definition.questions, { id: "Bad Id", type: "nps" }] },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/definition/questions/3/id",
    ]);

    const noEnglish = await call(
      "POST",
      path("/surveys"),
      as({ name: "X", defaultLanguage: "en", definition }),
    );
    expect(noEnglish.status).toBe(400);
    expect(noEnglish.body.errors).toEqual([
      {
        pointer: "/body/definition/questions/2/text",
        code: "required",
        message: 'a text in the default language "en" is required',
      },
    ]);
    expect(await stores.sor.db.selectFrom("surveys").select("id").execute()).toEqual(before);
  });

  it("checks touchpoint, journey and step references within the workspace", async () => {
    const own = await journeyWithStep(ws.workspaceId);
    const foreign = await journeyWithStep(other.workspaceId);
    const ok = await call("POST", path("/surveys"), as({ name: "Schritt", definition, ...own }));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject(own);

    const wrong = await call(
      "POST",
      path("/surveys"),
      as({ name: "X", definition, journeyId: foreign.journeyId, touchpointId: uuidv7(), stepId: own.stepId }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`)).toEqual(
      ["/body/touchpointId unknown_reference", "/body/journeyId unknown_reference"],
    );
    const otherStep = await call("PATCH", path(`/surveys/${ok.body.id}`), as({ stepId: foreign.stepId }));
    expect(otherStep.status).toBe(400);
    expect(otherStep.body.errors[0]).toMatchObject({ pointer: "/body/stepId", code: "unknown_reference" });
    const stepOnly = await call("POST", path("/surveys"), as({ name: "X", definition, stepId: own.stepId }));
    expect(stepOnly.body.errors[0]).toMatchObject({ pointer: "/body/stepId", code: "unknown_reference" });
  });

  it("updates with optimistic versions and answers 409 with the current version", async () => {
    const s = (await call("POST", path("/surveys"), as({ name: "Versioniert", definition }))).body;
    const first = await call("PATCH", path(`/surveys/${s.id}`), as({ status: "active", version: 1 }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: "active", version: 2 });
    const stale = await call("PATCH", path(`/surveys/${s.id}`), as({ name: "Alt", version: 1 }));
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    expect((await call("GET", path(`/surveys/${s.id}`), as())).body.name).toBe("Versioniert");
    const english = await call("PATCH", path(`/surveys/${s.id}`), as({ defaultLanguage: "en" }));
    expect(english.status).toBe(400);
    expect(english.body.errors[0].pointer).toBe("/body/definition/questions/2/text");
  });

  it("lists newest first with filters and cursor pages", async () => {
    const names = ["Liste A", "Liste B", "Liste C"];
    for (const name of names)
      await call("POST", path("/surveys"), as({ name, definition, status: "closed" }));
    const firstPage = await call("GET", path("/surveys?status=closed&q=liste&limit=2"), as());
    expect(firstPage.body.items.map((s: { name: string }) => s.name)).toEqual(["Liste C", "Liste B"]);
    const next = await call(
      "GET",
      path(`/surveys?status=closed&q=liste&limit=2&cursor=${firstPage.body.nextCursor}`),
      as(),
    );
    expect(next.body).toMatchObject({ items: [{ name: "Liste A" }], nextCursor: null });
    const foreign = await call(
      "GET",
      path("/surveys", () => other.workspaceId),
      as(),
    );
    expect(foreign.status).toBe(404);
  });

  it("exports and imports a survey, matching the touchpoint by key", async () => {
    const tp = await call("POST", path("/touchpoints"), as({ name: "Lieferung", key: "lieferung" }));
    const s = (
      await call(
        "POST",
        path("/surveys"),
        as({ name: "Export", definition, touchpointId: tp.body.id, status: "active" }),
      )
    ).body;
    const exported = await call("GET", path(`/surveys/${s.id}/export`), as());
    expect(exported.body).toMatchObject({
      format: "journeylens.survey",
      formatVersion: 1,
      survey: { name: "Export", defaultLanguage: "de", touchpointKey: "lieferung", settings: {} },
    });
    const imported = await call("POST", path("/surveys/import"), as(exported.body));
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ name: "Export", status: "draft", touchpointId: tp.body.id });
    expect(imported.body.definition).toEqual(s.definition);

    const elsewhere = await call(
      "POST",
      path("/surveys/import", () => other.workspaceId),
      {
        cookie: other.ownerCookie,
        body: exported.body,
      },
    );
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.touchpointId).toBeNull();
    const badFormat = await call("POST", path("/surveys/import"), as({ ...exported.body, format: "other" }));
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.errors[0].pointer).toBe("/body/format");
  });

  it("creates links whose token is stored only as a hash and lists them without tokens", async () => {
    const s = (await call("POST", path("/surveys"), as({ name: "Links", definition }))).body;
    const link = await call(
      "POST",
      path(`/surveys/${s.id}/links`),
      as({ customerId: "kunde-1", hidden: { orderId: "A-1" }, language: "en" }),
    );
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({
      customerId: "kunde-1",
      hidden: { orderId: "A-1" },
      singleUse: true,
      usedAt: null,
    });
    expect(link.body.url).toBe(`https://cx.example.com/s/${s.id}?t=${link.body.token}`);
    const row = await stores.sor.db
      .selectFrom("survey_links")
      .selectAll()
      .where("id", "=", link.body.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(link.body.token));
    const listed = await call("GET", path(`/surveys/${s.id}/links`), as());
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].token).toBeUndefined();
    const past = await call(
      "POST",
      path(`/surveys/${s.id}/links`),
      as({ expiresAt: "2020-01-01T00:00:00Z" }),
    );
    expect(past.status).toBe(400);
    expect(past.body.errors[0].pointer).toBe("/body/expiresAt");
  });

  it("reads and saves the fatigue settings", async () => {
    expect((await call("GET", path("/survey-settings"), as())).body).toEqual({ fatigueDays: 30 });
    expect((await call("PUT", path("/survey-settings"), as({ fatigueDays: 0 }))).body).toEqual({
      fatigueDays: 0,
    });
    expect((await call("GET", path("/survey-settings"), as())).body).toEqual({ fatigueDays: 0 });
    expect((await call("PUT", path("/survey-settings"), as({ fatigueDays: 400 }))).status).toBe(400);
    const viewer = await ws.member("viewer");
    expect(
      (await call("PUT", path("/survey-settings"), { cookie: viewer.cookie, body: { fatigueDays: 1 } }))
        .status,
    ).toBe(403);
  });

  it("deletes a survey and keeps its responses in the inbox", async () => {
    const s = (await call("POST", path("/surveys"), as({ name: "Weg", definition }))).body;
    const feedbackId = uuidv7();
    await stores.sor.db
      .insertInto("feedback")
      .values({
        id: feedbackId,
        workspace_id: ws.workspaceId,
        kind: "survey_response",
        channel: "survey",
        source_key: null,
        survey_id: s.id,
        link_id: null,
        submission_id: uuidv7(),
        received_at: new Date(),
        customer_id: null,
        customer: "{}",
        touchpoint_id: null,
        journey_id: null,
        step_id: null,
        ratings: "[]",
        score_band: null,
        answers: JSON.stringify({ nps: 9 }),
        title: null,
        language: "de",
        metadata: "{}",
        finished_at: null,
        flag_reason: null,
        edit_token_hash: null,
        ip_hash: null,
      })
      .execute();
    expect((await call("GET", path(`/surveys/${s.id}`), as())).body.responseCount).toBe(1);
    expect((await call("DELETE", path(`/surveys/${s.id}`), as())).status).toBe(204);
    expect((await call("GET", path(`/surveys/${s.id}`), as())).status).toBe(404);
    const kept = await stores.sor.db
      .selectFrom("feedback")
      .select(["survey_id", "answers"])
      .where("id", "=", feedbackId)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ survey_id: null, answers: { nps: 9 } });
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../core/auth/secrets.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

const definition = {
  schemaVersion: 1,
  title: { de: "Ihre Lieferung", en: "Your delivery" },
  thankYou: { de: "Danke!", en: "Thanks!" },
  questions: [
    { id: "nps", type: "nps", text: { de: "Empfehlen?", en: "Recommend?" }, required: true },
    {
      id: "why",
      type: "text",
      text: { de: "Warum?", en: "Why?" },
      required: true,
      showIf: { questionId: "nps", op: "lte", value: 6 },
    },
    { id: "csat", type: "csat", text: { de: "Zufrieden?", en: "Satisfied?" } },
    { id: "note", type: "text", text: { de: "Sonst noch?", en: "Anything else?" } },
  ],
};

describe.each(storeVariants().map((v) => [v.name, v] as const))("respondent API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const manage = (method: string, suffix: string, body?: unknown) =>
    call(method, `/api/v1/workspaces/${ws.workspaceId}${suffix}`, {
      cookie: ws.ownerCookie,
      ...(body !== undefined && { body }),
    });
  const survey = async (status = "active", extra: Record<string, unknown> = {}) =>
    (await manage("POST", "/surveys", { name: "Lieferung", definition, status, ...extra })).body.id as string;
  const respond = (surveyId: string, body: Record<string, unknown>) =>
    call("POST", `/api/public/v1/surveys/${surveyId}/responses`, {
      body: { submissionId: randomUUID(), ...body },
    });
  const patch = (id: string, token: string | undefined, body: unknown) =>
    call("PATCH", `/api/public/v1/responses/${id}`, {
      body,
      ...(token !== undefined && { headers: { "x-edit-token": token } }),
    });
  const row = (id: string) =>
    stores.sor.db.selectFrom("feedback").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const relays = async (id: string) =>
    (
      await stores.sor.db
        .selectFrom("outbox")
        .select("payload")
        .where("topic", "=", "feedback.relay")
        .execute()
    ).filter((m) => (m.payload as { ids: string[] }).ids.includes(id)).length;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Paketdienst");
    call = client(testApp(stores, { surveys: { responsesPerIpPerHour: 1000 } }));
  });
  afterAll(() => stores.close());

  it("serves active surveys only, in the asked language, with CORS for any origin", async () => {
    const draft = await survey("draft");
    const res = await call("GET", `/api/public/v1/surveys/${draft}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect((await call("GET", "/api/public/v1/surveys/not-a-uuid")).status).toBe(404);

    const active = await survey();
    const en = await call("GET", `/api/public/v1/surveys/${active}?lang=en-GB`);
    expect(en.status).toBe(200);
    expect(en.body).toMatchObject({ id: active, language: "en", languages: ["de", "en"], settings: {} });
    expect(en.body.definition.questions).toHaveLength(4);
    expect(en.body.link).toBeUndefined();
    expect((await call("GET", `/api/public/v1/surveys/${active}?lang=fr`)).body.language).toBe("de");

    await manage("PATCH", `/surveys/${active}`, { status: "closed" });
    const closed = await call("GET", `/api/public/v1/surveys/${active}`);
    expect(closed.status).toBe(410);
    expect(closed.body.errors[0].code).toBe("survey_closed");

    const preflight = await call("OPTIONS", `/api/public/v1/responses/${active}`, {
      headers: {
        origin: "https://shop.example.com",
        "access-control-request-method": "PATCH",
        "access-control-request-headers": "content-type,x-edit-token",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,POST,PATCH,OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type,x-edit-token");
  });

  it("stores a response as a feedback record with derived ratings, band, text and a relay", async () => {
    const s = await survey("active", {});
    const res = await respond(s, {
      answers: { nps: 4, why: "Zu spät.", csat: 2, note: "Karton nass." },
      language: "de",
      hidden: { page: "checkout" },
      pageUrl: "https://shop.example.com/danke",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ finished: true });
    const r = await row(res.body.id);
    expect(r).toMatchObject({
      workspace_id: ws.workspaceId,
      kind: "survey_response",
      channel: "widget",
      survey_id: s,
      link_id: null,
      customer_id: null,
      ratings: [
        { metric: "nps", value: 4, min: 0, max: 10, questionId: "nps" },
        { metric: "csat", value: 2, min: 1, max: 5, questionId: "csat" },
      ],
      score_band: "negative",
      answers: { nps: 4, why: "Zu spät.", csat: 2, note: "Karton nass." },
      text: "Zu spät.\n\nKarton nass.",
      language: "de",
      metadata: { hidden: {}, context: { page: "checkout" }, pageUrl: "https://shop.example.com/danke" },
      finished: true,
      flagged: false,
      version: 1,
      edit_token_hash: sha256(res.body.editToken),
    });
    expect(r.ip_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.ip_hash).not.toBe(sha256("local"));
    expect(r.finished_at).not.toBeNull();
    expect(await relays(res.body.id)).toBe(1);

    const hosted = await respond(s, {
      answers: { nps: 10 },
      pageUrl: `https://cx.example.com/s/${s}?lang=de`,
    });
    expect((await row(hosted.body.id)).channel).toBe("survey");
  });

  it("copies customer and hidden fields from a link and refuses a used single-use link", async () => {
    const s = await survey();
    const link = (
      await manage("POST", `/surveys/${s}/links`, { customerId: "kunde-7", hidden: { orderId: "A-7" } })
    ).body;
    const got = await call("GET", `/api/public/v1/surveys/${s}?t=${link.token}`);
    expect(got.body.link).toEqual({ customerId: "kunde-7" });

    const first = await respond(s, { answers: { nps: 9 }, token: link.token, hidden: { orderId: "forged" } });
    expect(first.status).toBe(201);
    expect(await row(first.body.id)).toMatchObject({
      channel: "survey_link",
      customer_id: "kunde-7",
      customer: { userId: "kunde-7" },
      link_id: link.id,
      metadata: { hidden: { orderId: "A-7" }, context: { orderId: "forged" } },
    });
    const again = await respond(s, { answers: { nps: 1, why: "x" }, token: link.token });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].code).toBe("link_used");
    const reread = await call("GET", `/api/public/v1/surveys/${s}?t=${link.token}`);
    expect(reread.status).toBe(409);
    expect(reread.body.errors[0].code).toBe("link_used");
    expect((await call("GET", `/api/public/v1/surveys/${s}?t=wrong`)).status).toBe(404);

    const multi = (await manage("POST", `/surveys/${s}/links`, { customerId: "kunde-8", singleUse: false }))
      .body;
    for (const nps of [7, 8])
      expect((await respond(s, { answers: { nps }, token: multi.token })).status).toBe(201);
    const soon = (
      await manage("POST", `/surveys/${s}/links`, { expiresAt: new Date(Date.now() + 60_000).toISOString() })
    ).body;
    await stores.sor.db
      .updateTable("survey_links")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", soon.id)
      .execute();
    const expired = await respond(s, { answers: { nps: 5 }, token: soon.token });
    expect(expired.status).toBe(410);
    expect(expired.body.errors[0].code).toBe("link_expired");
  });

  it("collapses 20 concurrent creates with one submissionId into one stored response", async () => {
    const s = await survey();
    const submissionId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => respond(s, { submissionId, answers: { nps: 10 } })),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const others = results.filter((r) => r.status !== 201);
    expect(others.map((r) => r.status)).toEqual(Array(19).fill(409));
    for (const r of others) {
      expect(r.body.errors[0].code).toBe("duplicate_submission");
      expect(r.body.responseId).toBe(created[0]?.body.id);
    }
    const rows = await stores.sor.db.selectFrom("feedback").select("id").where("survey_id", "=", s).execute();
    expect(rows).toHaveLength(1);
  });

  it("lets 20 concurrent finishing requests produce one finished response, each answered 200", async () => {
    const s = await survey();
    const created = await respond(s, { answers: { nps: 9 }, finished: false });
    expect(created.body.finished).toBe(false);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        patch(created.body.id, created.body.editToken, { answers: { csat: 5 }, finished: true }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(results.every((r) => r.body.finished === true)).toBe(true);
    const r = await row(created.body.id);
    expect(r).toMatchObject({ finished: true, version: 2, answers: { nps: 9, csat: 5 } });
    expect(await relays(created.body.id)).toBe(2);
  });

  it("edits only with the response's own token, validates on finish, and freezes finished responses", async () => {
    const s = await survey();
    const a = (await respond(s, { answers: { nps: 3 }, finished: false })).body;
    const b = (await respond(s, { answers: { nps: 8 }, finished: false })).body;
    expect((await patch(a.id, undefined, { answers: { nps: 9 } })).status).toBe(404);
    expect((await patch(a.id, b.editToken, { answers: { nps: 9 } })).status).toBe(404);
    expect((await patch(a.id, "x".repeat(43), { answers: { nps: 9 } })).status).toBe(404);
    expect((await row(a.id)).answers).toEqual({ nps: 3 });

    const missing = await patch(a.id, a.editToken, { finished: true });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      { pointer: "/body/answers/why", code: "required", message: "an answer is required" },
    ]);
    const edited = await patch(a.id, a.editToken, { answers: { why: "Zu teuer", note: "Bitte Rückruf" } });
    expect(edited.body).toEqual({ id: a.id, finished: false });
    expect(await row(a.id)).toMatchObject({
      text: "Zu teuer\n\nBitte Rückruf",
      version: 2,
      score_band: "negative",
    });

    const hidden = await patch(a.id, a.editToken, { answers: { nps: 10 } });
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors[0]).toMatchObject({ pointer: "/body/answers/why", code: "hidden_question" });
    const cleared = await patch(a.id, a.editToken, { answers: { nps: 10, why: null }, finished: true });
    expect(cleared.body).toEqual({ id: a.id, finished: true });
    expect(await row(a.id)).toMatchObject({
      answers: { nps: 10, note: "Bitte Rückruf" },
      text: "Bitte Rückruf",
      score_band: "positive",
      version: 3,
    });

    expect((await patch(a.id, a.editToken, { finished: true })).status).toBe(200);
    const frozen = await patch(a.id, a.editToken, { answers: { note: "Nachtrag" } });
    expect(frozen.status).toBe(409);
    expect(frozen.body.errors[0].code).toBe("response_finished");
    expect((await row(a.id)).version).toBe(3);
  });

  it("refuses a finished create without required answers and stores nothing", async () => {
    const s = await survey();
    const res = await respond(s, { answers: { csat: 9, extra: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`)).toEqual([
      "/body/answers/csat out_of_range",
      "/body/answers/extra unknown_question",
      "/body/answers/nps required",
    ]);
    expect(
      await stores.sor.db.selectFrom("feedback").select("id").where("survey_id", "=", s).execute(),
    ).toEqual([]);
  });

  it("stores a filled honeypot as a flagged response and answers like any other", async () => {
    const s = await survey();
    const res = await respond(s, { answers: { nps: 10 }, website: "http://spam.example" });
    expect(res.status).toBe(201);
    expect(await row(res.body.id)).toMatchObject({ flagged: true, flag_reason: "honeypot" });
  });

  it("limits creates per client address and survey, storing nothing beyond the limit", async () => {
    const limited = client(testApp(stores, { surveys: { responsesPerIpPerHour: 3 }, trustProxy: true }));
    const s = await survey();
    const send = (ip: string) =>
      limited("POST", `/api/public/v1/surveys/${s}/responses`, {
        headers: { "x-forwarded-for": `${ip}, 10.0.0.1` },
        body: { submissionId: randomUUID(), answers: { nps: 9 } },
      });
    for (let i = 0; i < 3; i++) expect((await send("203.0.113.5")).status).toBe(201);
    const refused = await send("203.0.113.5");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect(
      await stores.sor.db.selectFrom("feedback").select("id").where("survey_id", "=", s).execute(),
    ).toHaveLength(3);
    expect((await send("198.51.100.7")).status).toBe(201);

    const untrusted = client(testApp(stores, { surveys: { responsesPerIpPerHour: 1 } }));
    const t = await survey();
    const viaProxyHeader = (ip: string) =>
      untrusted("POST", `/api/public/v1/surveys/${t}/responses`, {
        headers: { "x-forwarded-for": ip },
        body: { submissionId: randomUUID(), answers: { nps: 9 } },
      });
    expect((await viaProxyHeader("192.0.2.1")).status).toBe(201);
    expect((await viaProxyHeader("192.0.2.2")).status).toBe(429);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeedbackFact } from "../../core/feedback/relay-feedback-facts.js";
import { uuidv7 } from "../../core/ids.js";
import type { Stores } from "../../core/stores.js";
import type { TSurveyDefinitionInput } from "../../core/surveys/surveys.schema.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { httpFactsVariants } from "../../testing/facts-http.js";
import { feedbackFact } from "../../testing/feedback-facts.js";
import { storeVariants } from "../../testing/stores.js";

// Both facts transports: chDB in-process and HTTP (reports bind time zones and arrays as parameters).
const variants = [...storeVariants(), ...httpFactsVariants()];

const definition: TSurveyDefinitionInput = {
  schemaVersion: 1,
  title: { de: "Ihr Umzug", en: "Your move" },
  thankYou: { de: "Danke", en: "Thanks" },
  questions: [
    { id: "nps", type: "nps", text: { de: "Weiterempfehlen?" }, required: true },
    { id: "zufrieden", type: "csat", text: { de: "Zufrieden?" } },
    { id: "aufwand", type: "ces", text: { de: "Leicht?" } },
    { id: "sterne", type: "rating", text: { de: "Sterne" }, scale: { min: 1, max: 4 } },
    {
      id: "kanal",
      type: "single_choice",
      text: { de: "Kanal" },
      options: [
        { id: "web", label: { de: "Web" } },
        { id: "telefon", label: { de: "Telefon" } },
      ],
    },
    {
      id: "themen",
      type: "multiple_choice",
      text: { de: "Themen" },
      options: [
        { id: "preis", label: { de: "Preis" } },
        { id: "service", label: { de: "Service" } },
        { id: "app", label: { de: "App" } },
      ],
    },
    { id: "kommentar", type: "text", text: { de: "Kommentar" } },
  ],
};

describe.each(variants.map((v) => [v.name, v] as const))("survey results API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let surveyId: string;
  let foreignSurveyId: string;
  const results = (id: string, query = "", workspaceId = ws.workspaceId) =>
    call("GET", `/api/v1/workspaces/${workspaceId}/surveys/${id}/results${query}`, {
      cookie: ws.ownerCookie,
    });
  const insert = (rows: FeedbackFact[]) => stores.facts.insert("feedback", rows);

  async function insertSurvey(workspaceId: string, def: TSurveyDefinitionInput): Promise<string> {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("surveys")
      .values({
        id,
        workspace_id: workspaceId,
        name: "Umzug",
        status: "active",
        default_language: "de",
        definition: JSON.stringify(def),
        touchpoint_id: null,
        journey_id: null,
        step_id: null,
        settings: "{}",
        created_by: null,
      })
      .execute();
    return id;
  }

  /** A response of the survey with its answers as ratings (rating questions) and answer map entries. */
  const response = (
    answers: Record<string, unknown>,
    opts: Partial<FeedbackFact> & { at?: string } = {},
  ): FeedbackFact => {
    const scales: Record<string, [string, number, number]> = {
      nps: ["nps", 0, 10],
      zufrieden: ["csat", 1, 5],
      aufwand: ["ces", 1, 7],
      sterne: ["rating", 1, 4],
    };
    const ratings = Object.entries(answers).flatMap(([q, v]) => {
      const s = scales[q];
      return s && typeof v === "number"
        ? [{ metric: s[0] as "nps", value: v, min: s[1], max: s[2], questionId: q }]
        : [];
    });
    return feedbackFact(ws.workspaceId, { survey_id: surveyId, ratings, answers, ...opts });
  };

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Stadtwerke");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
    surveyId = await insertSurvey(ws.workspaceId, definition);
    foreignSurveyId = await insertSurvey(other.workspaceId, definition);
    const week1 = "2026-11-02T09:00:00.000Z";
    const week2 = "2026-11-10T09:00:00.000Z";
    await insert([
      response(
        {
          nps: 10,
          zufrieden: 5,
          aufwand: 7,
          sterne: 4,
          kanal: "web",
          themen: ["preis", "service"],
          kommentar: "Super schnell",
        },
        { at: week1 },
      ),
      response(
        {
          nps: 9,
          zufrieden: 4,
          aufwand: 5,
          sterne: 3,
          kanal: "telefon",
          themen: ["preis"],
          kommentar: "  ",
        },
        { at: week1 },
      ),
      response(
        { nps: 3, zufrieden: 1, aufwand: 2, sterne: 1, kanal: "fax", themen: ["app", "app"] },
        { at: week2 },
      ),
      response({ nps: 8, kommentar: "=1+1 Rechnung falsch" }, { at: "2026-11-11T09:00:00.000Z" }),
      // Partial, flagged and deleted responses are listed in `responses` (deleted not at all) but never counted.
      response({ nps: 0, kommentar: "nur angefangen" }, { at: week2, finished: 0 }),
      response({ nps: 0, kommentar: "Spam" }, { at: week2, flagged: 1 }),
      response({ nps: 0 }, { at: week2, deleted: 1 }),
      // Another survey and another workspace never leak in.
      response({ nps: 0, kommentar: "andere Umfrage" }, { survey_id: uuidv7() }),
      { ...response({ nps: 0 }), workspace_id: other.workspaceId },
    ]);
  });
  afterAll(() => stores.close());

  it("reports every question of the definition with exact figures", async () => {
    const res = await results(surveyId);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.responses).toEqual({ total: 6, finished: 4, partial: 1, flagged: 1 });
    const q = (id: string) => body.questions.find((x: { questionId: string }) => x.questionId === id);
    expect(body.questions.map((x: { questionId: string; kind: string }) => [x.questionId, x.kind])).toEqual([
      ["nps", "rating"],
      ["zufrieden", "rating"],
      ["aufwand", "rating"],
      ["sterne", "rating"],
      ["kanal", "choice"],
      ["themen", "choice"],
      ["kommentar", "text"],
    ]);

    const nps = q("nps");
    expect(nps).toMatchObject({
      type: "nps",
      answered: 4,
      scale: { min: 0, max: 10 },
      text: { de: "Weiterempfehlen?" },
    });
    expect(nps.distribution).toHaveLength(11);
    expect(nps.distribution.filter((d: { count: number }) => d.count > 0)).toEqual([
      { value: 3, count: 1 },
      { value: 8, count: 1 },
      { value: 9, count: 1 },
      { value: 10, count: 1 },
    ]);
    expect(nps.metrics).toEqual([
      {
        metric: "nps",
        definition: "NPS = 100·(P−D)/N over 0–10 answers; value with one decimal; ±1.96·SE",
        n: 4,
        value: 25,
        // pP = .5, pD = .25: SE = 100·√((.75 − .0625)/4) = 41.458; 25 ± 81.26 → −56.3..100 (capped)
        interval: { low: -56.3, high: 100, level: 0.95, method: "nps_se" },
        warning: "small_sample",
        components: { promoters: 2, passives: 1, detractors: 1 },
      },
    ]);
    const pick = (id: string) =>
      q(id).metrics.map((m: { metric: string; n: number; value: number }) => [m.metric, m.n, m.value]);
    expect(pick("zufrieden")).toEqual([
      ["csat", 3, 66.7],
      ["satisfaction_mean", 3, 3.33],
    ]);
    expect(pick("aufwand")).toEqual([
      ["ces_mean", 3, 4.67],
      ["ces_easy", 3, 66.7],
    ]);
    expect(pick("sterne")).toEqual([
      ["rating_mean", 3, 2.67],
      ["rating_top2", 3, 66.7],
    ]);
    expect(q("sterne").distribution).toEqual([
      { value: 1, count: 1 },
      { value: 2, count: 0 },
      { value: 3, count: 1 },
      { value: 4, count: 1 },
    ]);

    expect(q("kanal")).toMatchObject({
      type: "single_choice",
      answered: 3,
      options: [
        { optionId: "web", label: { de: "Web" }, count: 1 },
        { optionId: "telefon", label: { de: "Telefon" }, count: 1 },
        { optionId: "fax", label: null, count: 1 }, // an option no longer in the definition
      ],
    });
    expect(q("themen")).toMatchObject({
      type: "multiple_choice",
      answered: 3,
      options: [
        { optionId: "preis", count: 2 },
        { optionId: "service", count: 1 },
        { optionId: "app", count: 1 }, // a repeated id counts once per response
      ],
    });
    expect(q("kommentar")).toMatchObject({
      answered: 2,
      comments: [
        { receivedAt: "2026-11-11T09:00:00.000Z", text: "=1+1 Rechnung falsch", language: "de" },
        { receivedAt: "2026-11-02T09:00:00.000Z", text: "Super schnell" },
      ],
    });
    expect(q("kommentar").comments[0].feedbackId).toMatch(/^[0-9a-f-]{36}$/);

    expect(body.trend).toMatchObject({
      questionId: "nps",
      metric: "nps",
      points: [
        { week: "2026-11-02", n: 2, value: 100 },
        { week: "2026-11-09", n: 2, value: -50 },
      ],
    });
  });

  it("keeps only the 20 newest comments", async () => {
    const textOnly = await insertSurvey(ws.workspaceId, {
      ...definition,
      questions: [{ id: "kommentar", type: "text", text: { de: "Kommentar" } }],
    });
    await insert(
      Array.from({ length: 25 }, (_, i) =>
        feedbackFact(ws.workspaceId, {
          survey_id: textOnly,
          answers: { kommentar: `Nummer ${i}` },
          at: `2026-11-01T10:${String(i).padStart(2, "0")}:00.000Z`,
        }),
      ),
    );
    const res = await results(textOnly);
    const [comments] = res.body.questions;
    expect(comments.answered).toBe(25);
    expect(comments.comments).toHaveLength(20);
    expect(comments.comments[0].text).toBe("Nummer 24");
    expect(comments.comments[19].text).toBe("Nummer 5");
    expect(res.body.trend).toBeNull();
  });

  it("filters by time range in the time zone", async () => {
    const res = await results(surveyId, "?from=2026-11-10&tz=Europe/Berlin");
    expect(res.body.responses).toEqual({ total: 4, finished: 2, partial: 1, flagged: 1 });
    expect(res.body.questions[0].answered).toBe(2);
    const early = await results(surveyId, "?to=2026-11-09T00:00:00Z");
    expect(early.body.responses.total).toBe(2);
    const bad = await results(surveyId, "?tz=Berlin");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe("/query/tz");
  });

  it("answers 404 for a survey of another workspace, an unknown id or a foreign workspace", async () => {
    expect((await results(foreignSurveyId)).status).toBe(404);
    expect((await results(uuidv7())).status).toBe(404);
    expect((await results("not-a-uuid")).status).toBe(404);
    expect((await results(foreignSurveyId, "", other.workspaceId)).status).toBe(404);
  });
});

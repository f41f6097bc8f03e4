import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeedbackFact } from "../../core/feedback/relay-feedback-facts.js";
import { uuidv7 } from "../../core/ids.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { httpFactsVariants } from "../../testing/facts-http.js";
import { type FactRating, feedbackFact } from "../../testing/feedback-facts.js";
import { insertPersona, insertTouchpoint, journeyInput } from "../../testing/journeys.js";
import { storeVariants } from "../../testing/stores.js";

// Both facts transports: chDB in-process and HTTP (reports bind time zones and arrays as parameters).
const variants = [...storeVariants(), ...httpFactsVariants()];

const nps = (value: number): FactRating => ({ metric: "nps", value });
/** n answers with these values, e.g. spread(8, 10) → eight 10s. */
const spread = (n: number, value: number) => Array.from({ length: n }, () => value);

describe.each(variants.map((v) => [v.name, v] as const))("metrics API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let app: ReturnType<typeof testApp>;
  const path = (query: string, suffix = "") =>
    `/api/v1/workspaces/${ws.workspaceId}/metrics${suffix}?${query}`;
  const get = (query: string) => call("GET", path(query), { cookie: ws.ownerCookie });
  const insert = (rows: FeedbackFact[]) => stores.facts.insert("feedback", rows);

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Stadtwerke");
    other = await seedWorkspace(stores, "Other");
    app = testApp(stores);
    call = client(app);
  });
  afterAll(() => stores.close());

  it("computes NPS over finished, unflagged, undeleted records of the workspace only", async () => {
    const surveyId = "0193a1c2-7d4e-7f00-8a00-00000000c001";
    // The textbook case: 8 promoters, 9 passives, 22 detractors → −35.897… → −35.9.
    const values = [...spread(8, 9), ...spread(9, 7), ...spread(22, 6)];
    await insert([
      ...values.map((v) => feedbackFact(ws.workspaceId, { survey_id: surveyId, ratings: [nps(v)] })),
      feedbackFact(ws.workspaceId, { survey_id: surveyId, ratings: [nps(10)], finished: 0 }),
      feedbackFact(ws.workspaceId, { survey_id: surveyId, ratings: [nps(10)], flagged: 1 }),
      feedbackFact(ws.workspaceId, { survey_id: surveyId, ratings: [nps(10)], deleted: 1 }),
      feedbackFact(other.workspaceId, { survey_id: surveyId, ratings: [nps(10)] }),
      // A CSAT rating does not feed NPS.
      feedbackFact(ws.workspaceId, { survey_id: surveyId, ratings: [{ metric: "csat", value: 5 }] }),
    ]);
    const res = await get(`metric=nps&surveyId=${surveyId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      metric: "nps",
      definition: "NPS = 100·(P−D)/N over 0–10 answers; value with one decimal; ±1.96·SE",
      groupBy: "none",
      overall: {
        n: 39,
        value: -35.9,
        interval: { low: -61, high: -10.8, level: 0.95, method: "nps_se" },
        warning: null,
        components: { promoters: 8, passives: 9, detractors: 22 },
      },
      groups: [],
    });
    const theirs = await call("GET", `/api/v1/workspaces/${other.workspaceId}/metrics?metric=nps`, {
      cookie: ws.ownerCookie,
    });
    expect(theirs.status).toBe(404);
  });

  it("counts a replayed record once and only its newest version", async () => {
    const channel = "replay_test";
    const a = feedbackFact(ws.workspaceId, { channel, ratings: [nps(0)] });
    const b = feedbackFact(ws.workspaceId, { channel, ratings: [nps(0)] });
    const c = feedbackFact(ws.workspaceId, { channel, ratings: [nps(10)] });
    await insert([a, b, c]);
    await insert([a, b, c]); // a replayed batch: same ids, same versions
    await insert([
      { ...a, version: 2, rating_values: [10] }, // re-rated
      { ...b, version: 2, flagged: 1 }, // flagged later
    ]);
    const res = await get(`metric=nps&channel=${channel}`);
    expect(res.body.overall).toMatchObject({ n: 2, value: 100, components: { promoters: 2, detractors: 0 } });
  });

  it("groups by month in the requested time zone", async () => {
    const channel = "month_test";
    await insert([
      // 23:30 UTC on 31 October is already November in Berlin.
      feedbackFact(ws.workspaceId, { channel, at: "2026-10-31T23:30:00.000Z", ratings: [nps(10)] }),
      feedbackFact(ws.workspaceId, { channel, at: "2026-10-15T12:00:00.000Z", ratings: [nps(0)] }),
      feedbackFact(ws.workspaceId, { channel, at: "2026-11-20T12:00:00.000Z", ratings: [nps(8)] }),
    ]);
    const berlin = await get(`metric=nps&channel=${channel}&groupBy=month&tz=Europe/Berlin`);
    expect(berlin.status).toBe(200);
    expect(
      berlin.body.groups.map((g: { key: string; label: string; n: number; value: number }) => [
        g.key,
        g.label,
        g.n,
        g.value,
      ]),
    ).toEqual([
      ["2026-10-01", "2026-10-01", 1, -100],
      ["2026-11-01", "2026-11-01", 2, 50],
    ]);
    const days = await get(`metric=nps&channel=${channel}&groupBy=day&tz=Europe/Berlin`);
    expect(days.body.groups.map((g: { key: string }) => g.key)).toEqual([
      "2026-10-15",
      "2026-11-01",
      "2026-11-20",
    ]);
    const utc = await get(`metric=nps&channel=${channel}&groupBy=month`);
    expect(utc.body.groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      ["2026-10-01", 2],
      ["2026-11-01", 1],
    ]);
    const week = await get(`metric=nps&channel=${channel}&groupBy=week&tz=Europe/Berlin`);
    expect(week.body.groups.map((g: { key: string }) => g.key)).toEqual([
      "2026-10-12",
      "2026-10-26",
      "2026-11-16",
    ]);
    // A date bound is the whole day in tz: from 1 November Berlin includes 23:30 UTC on 31 October.
    const range = await get(`metric=nps&channel=${channel}&from=2026-11-01&to=2026-11-01&tz=Europe/Berlin`);
    expect(range.body.overall).toMatchObject({ n: 1, value: 100 });
    const instants = await get(
      `metric=nps&channel=${channel}&from=2026-10-15T12:00:00Z&to=${encodeURIComponent("2026-11-20T13:00:00+01:00")}`,
    );
    expect(instants.body.overall.n).toBe(2);
  });

  it("groups by touchpoint, persona, survey, journey and stage with names from the workspace", async () => {
    const channel = "entity_test";
    const tp1 = await insertTouchpoint(stores, ws.workspaceId, { name: "Techniker-Termin" });
    const tp2 = await insertTouchpoint(stores, ws.workspaceId, { name: '=HYPERLINK("x")' });
    const foreignTp = await insertTouchpoint(stores, other.workspaceId, { name: "Foreign" });
    const persona = await insertPersona(stores, ws.workspaceId, "Familie Weber");
    const created = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/journeys`, {
      cookie: ws.ownerCookie,
      body: { document: journeyInput("Umzug", { Planung: ["Termin"], Service: ["Anruf"] }) },
    });
    expect(created.status).toBe(201);
    const journeyId: string = created.body.id;
    const [planning, service] = created.body.document.stages as { id: string }[];
    const link = { channel, journey_id: journeyId, persona_id: persona };
    await insert([
      ...spread(3, 10).map((v) =>
        feedbackFact(ws.workspaceId, {
          ...link,
          touchpoint_id: tp1,
          stage_id: planning?.id,
          ratings: [nps(v)],
        }),
      ),
      feedbackFact(ws.workspaceId, { ...link, touchpoint_id: tp2, stage_id: service?.id, ratings: [nps(0)] }),
      ...spread(2, 9).map((v) =>
        feedbackFact(ws.workspaceId, { channel, touchpoint_id: foreignTp, ratings: [nps(v)] }),
      ),
      feedbackFact(ws.workspaceId, { channel, ratings: [nps(9)] }),
    ]);
    const byTouchpoint = await get(`metric=nps&channel=${channel}&groupBy=touchpoint`);
    expect(
      byTouchpoint.body.groups.map((g: { key: string; label: string | null; n: number }) => [
        g.key,
        g.label,
        g.n,
      ]),
    ).toEqual([
      [tp1, "Techniker-Termin", 3],
      [foreignTp, foreignTp, 2], // another workspace's name is never read
      [tp2, '=HYPERLINK("x")', 1],
      ["", null, 1],
    ]);
    const byStage = await get(`metric=nps&channel=${channel}&groupBy=stage`);
    expect(byStage.body.groups.map((g: { label: string | null; n: number }) => [g.label, g.n])).toEqual([
      ["Planung", 3],
      ["Service", 1],
      [null, 3],
    ]);
    const byJourney = await get(`metric=nps&channel=${channel}&groupBy=journey`);
    expect(byJourney.body.groups[0]).toMatchObject({ key: journeyId, label: "Umzug", n: 4, value: 50 });
    const surveyId = uuidv7();
    await stores.sor.db
      .insertInto("surveys")
      .values({
        id: surveyId,
        workspace_id: ws.workspaceId,
        name: "Nach dem Umzug",
        status: "active",
        default_language: "de",
        definition: JSON.stringify({ schemaVersion: 1, questions: [] }),
        touchpoint_id: null,
        journey_id: null,
        step_id: null,
        settings: "{}",
        created_by: null,
      })
      .execute();
    await insert([
      feedbackFact(ws.workspaceId, { channel, survey_id: surveyId, language: "en", ratings: [nps(7)] }),
    ]);
    const bySurvey = await get(`metric=nps&channel=${channel}&groupBy=survey`);
    expect(bySurvey.body.groups[0]).toMatchObject({ key: surveyId, label: "Nach dem Umzug", n: 1, value: 0 });
    const byLanguage = await get(`metric=nps&channel=${channel}&groupBy=language`);
    expect(byLanguage.body.groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      ["de", 7],
      ["en", 1],
    ]);
    const byPersona = await get(`metric=nps&channel=${channel}&groupBy=persona`);
    expect(byPersona.body.groups[0]).toMatchObject({ key: persona, label: "Familie Weber", n: 4 });

    // The CSV has the API's numbers, escapes the formula-like label and keeps negatives as numbers.
    const res = await app.request(
      path(`metric=nps&channel=${channel}&groupBy=touchpoint&format=csv`, "/export"),
      {
        headers: { cookie: ws.ownerCookie },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="metrics-nps-touchpoint.csv"');
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe("group,label,n,value,interval_low,interval_high,warning,definition");
    expect(lines).toContain(
      `${tp2},"'=HYPERLINK(""x"")",1,-100,-100,-100,small_sample,NPS = 100·(P−D)/N over 0–10 answers; value with one decimal; ±1.96·SE`,
    );
    const records = parse(text, { columns: true }) as Record<string, string>[];
    const api = (await get(`metric=nps&channel=${channel}&groupBy=touchpoint`)).body;
    expect(records[0]).toMatchObject({
      group: "(all)",
      label: "Overall",
      n: String(api.overall.n),
      value: String(api.overall.value),
    });
    expect(
      records.slice(1).map((r) => [r.group, r.n, r.value, r.interval_low, r.interval_high, r.warning]),
    ).toEqual(
      api.groups.map(
        (g: {
          key: string;
          n: number;
          value: number;
          interval: { low: number; high: number };
          warning: string | null;
        }) => [
          g.key,
          String(g.n),
          String(g.value),
          String(g.interval.low),
          String(g.interval.high),
          g.warning ?? "",
        ],
      ),
    );
    expect(records.at(-1)?.label).toBe("(none)");
  });

  it("groups by a customer trait of any JSON type", async () => {
    const channel = "trait_test";
    await insert([
      feedbackFact(ws.workspaceId, {
        channel,
        traits: { tarif: "Öko", kunde_seit: 2019, vip: true },
        ratings: [nps(10)],
      }),
      feedbackFact(ws.workspaceId, { channel, traits: { tarif: "Öko", vip: false }, ratings: [nps(6)] }),
      feedbackFact(ws.workspaceId, {
        channel,
        traits: { tarif: "Basis", kunde_seit: 2019 },
        ratings: [nps(9)],
      }),
      feedbackFact(ws.workspaceId, { channel, traits: { tarif: null }, ratings: [nps(0)] }),
    ]);
    const pick = (body: { groups: { key: string; label: string | null; n: number; value: number }[] }) =>
      body.groups.map((g) => [g.key, g.label, g.n, g.value]);
    expect(pick((await get(`metric=nps&channel=${channel}&groupBy=trait&trait=tarif`)).body)).toEqual([
      ["Öko", "Öko", 2, 0],
      ["Basis", "Basis", 1, 100],
      ["", null, 1, -100],
    ]);
    expect(pick((await get(`metric=nps&channel=${channel}&groupBy=trait&trait=kunde_seit`)).body)).toEqual([
      ["2019", "2019", 2, 100],
      ["", null, 2, -100],
    ]);
    expect(pick((await get(`metric=nps&channel=${channel}&groupBy=trait&trait=vip`)).body)).toEqual([
      ["false", "false", 1, -100],
      ["true", "true", 1, 100],
      ["", null, 2, 0],
    ]);
  });

  it("computes CSAT over mixed scales, mean satisfaction on 1–5 only, and both CES figures", async () => {
    const channel = "scale_test";
    const csat = (value: number, max = 5): FactRating => ({ metric: "csat", value, min: 1, max });
    const ces = (value: number): FactRating => ({ metric: "ces", value });
    await insert([
      ...[5, 4, 3, 1].map((v) => feedbackFact(ws.workspaceId, { channel, ratings: [csat(v)] })),
      ...[7, 6, 5].map((v) => feedbackFact(ws.workspaceId, { channel, ratings: [csat(v, 7)] })),
      feedbackFact(ws.workspaceId, { channel, ratings: [csat(10, 10), ces(7), ces(2)] }),
      ...[5, 6].map((v) => feedbackFact(ws.workspaceId, { channel, ratings: [ces(v)] })),
    ]);
    const overall = async (metric: string) => (await get(`metric=${metric}&channel=${channel}`)).body.overall;
    // Top-2 boxes per scale: 5, 4 | 7, 6 | 10 → 5 of 8.
    expect(await overall("csat")).toMatchObject({
      n: 8,
      value: 62.5,
      components: { satisfied: 5 },
      interval: { method: "wilson" },
    });
    expect(await overall("satisfaction_mean")).toMatchObject({
      n: 4,
      value: 3.25,
      interval: { method: "normal_mean" },
    });
    expect(await overall("ces_mean")).toMatchObject({ n: 4, value: 5 });
    expect(await overall("ces_easy")).toMatchObject({ n: 4, value: 75, components: { easy: 3 } });
  });

  it("rejects bad query fields with 400 naming each field", async () => {
    const cases: [string, string][] = [
      ["metric=nps&groupBy=customer", "/query/groupBy"],
      ["metric=nps&tz=Mars/Olympus", "/query/tz"],
      ["metric=nps&groupBy=trait", "/query/trait"],
      ["metric=nps&groupBy=trait&trait=a%20b", "/query/trait"],
      ["metric=nps&groupBy=trait&trait=x');DROP", "/query/trait"],
      ["metric=nps_mean", "/query/metric"],
      ["groupBy=none", "/query/metric"],
      ["metric=nps&from=yesterday", "/query/from"],
      ["metric=nps&surveyId=abc", "/query/surveyId"],
      ["metric=nps&channel=Web%20Shop", "/query/channel"],
    ];
    for (const [query, pointer] of cases) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(
        res.body.errors.map((e: { pointer: string }) => e.pointer),
        query,
      ).toContain(pointer);
    }
    const csv = await call("GET", path("metric=nps&format=xlsx", "/export"), { cookie: ws.ownerCookie });
    expect(csv.status).toBe(400);
    expect(csv.body.errors[0].pointer).toBe("/query/format");
  });

  it("needs the read scope", async () => {
    const ingest = await ws.key(["ingest"]);
    expect((await call("GET", path("metric=nps"), { bearer: ingest })).status).toBe(403);
    const read = await ws.key(["read"]);
    expect((await call("GET", path("metric=nps"), { bearer: read })).status).toBe(200);
  });
});

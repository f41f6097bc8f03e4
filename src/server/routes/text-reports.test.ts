import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../core/ids.js";
import type { Stores } from "../../core/stores.js";
import type { FeedbackTextFact } from "../../core/text/enrich/feedback-text-facts.js";
import { client, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

/** A facts row as the enrichment writes it; polarities per aspect as -1/0/1. */
function fact(
  workspaceId: string,
  at: string,
  sentiment: "negative" | "neutral" | "positive",
  score: number,
  aspects: Record<string, -1 | 0 | 1>,
  over: Partial<FeedbackTextFact> = {},
): FeedbackTextFact {
  return {
    workspace_id: workspaceId,
    feedback_id: uuidv7(),
    received_at: at,
    kind: "unsolicited",
    channel: "email",
    survey_id: "",
    touchpoint_id: "",
    journey_id: "",
    language: "de",
    engine: "builtin/1",
    sentiment,
    sentiment_score: score,
    aspect_keys: Object.keys(aspects),
    aspect_polarities: Object.values(aspects),
    aspect_scores: Object.values(aspects).map((p) => p / 2),
    topic_id: "",
    keywords: [],
    deleted: 0,
    version: 1,
    ...over,
  };
}

describe.each(storeVariants().map((v) => [v.name, v] as const))("text reports on %s", (_name, variant) => {
  let stores: Stores;
  let call: ReturnType<typeof client>;

  beforeAll(async () => {
    stores = await variant.open();
    call = client(testApp(stores));
  });
  afterAll(() => stores.close());

  it("counts mentions and sentiment per week and aspect from the facts, exactly", async () => {
    const own = await seedWorkspace(stores, "Trend");
    const id = own.workspaceId;
    const tp = uuidv7();
    await stores.facts.insert("feedback_text", [
      fact(
        id,
        "2026-03-02 08:00:00.000",
        "negative",
        -0.6,
        { delivery: -1, waiting_time: -1 },
        { touchpoint_id: tp },
      ),
      fact(id, "2026-03-04 23:59:59.000", "positive", 0.4, { delivery: 1 }),
      fact(id, "2026-03-08 23:59:59.999", "neutral", 0, {}),
      fact(id, "2026-03-09 00:00:00.000", "negative", -0.8, { delivery: -1 }, { channel: "chat" }),
      // Replaced by a newer version (no longer about delivery), and a deleted record: neither counts twice.
      fact(
        id,
        "2026-03-10 10:00:00.000",
        "negative",
        -0.5,
        { delivery: -1 },
        { feedback_id: "0193a1c2-0000-7000-8000-000000000001" },
      ),
      fact(
        id,
        "2026-03-10 10:00:00.000",
        "positive",
        0.5,
        { staff_friendliness: 1 },
        { feedback_id: "0193a1c2-0000-7000-8000-000000000001", version: 2 },
      ),
      fact(id, "2026-03-11 10:00:00.000", "negative", -0.9, { delivery: -1 }, { deleted: 1 }),
    ]);
    const get = async (qs: string) =>
      (await call("GET", `/api/v1/workspaces/${id}/text/trend?${qs}`, { cookie: own.ownerCookie })).body;
    const weekly = await get("interval=week&from=2026-03-01&to=2026-03-31");
    expect(weekly.interval).toBe("week");
    expect(weekly.items).toEqual([
      {
        period: "2026-03-02",
        aspect: "",
        mentions: 3,
        negative: 1,
        neutral: 1,
        positive: 1,
        meanScore: -0.067,
      },
      {
        period: "2026-03-02",
        aspect: "delivery",
        mentions: 2,
        negative: 1,
        neutral: 0,
        positive: 1,
        meanScore: 0,
      },
      {
        period: "2026-03-02",
        aspect: "waiting_time",
        mentions: 1,
        negative: 1,
        neutral: 0,
        positive: 0,
        meanScore: -0.5,
      },
      {
        period: "2026-03-09",
        aspect: "",
        mentions: 2,
        negative: 1,
        neutral: 0,
        positive: 1,
        meanScore: -0.15,
      },
      {
        period: "2026-03-09",
        aspect: "delivery",
        mentions: 1,
        negative: 1,
        neutral: 0,
        positive: 0,
        meanScore: -0.5,
      },
      {
        period: "2026-03-09",
        aspect: "staff_friendliness",
        mentions: 1,
        negative: 0,
        neutral: 0,
        positive: 1,
        meanScore: 0.5,
      },
    ]);
    expect(weekly.totals[0]).toEqual({
      aspect: "",
      mentions: 5,
      negative: 2,
      neutral: 1,
      positive: 2,
      meanScore: -0.1,
    });
    expect(weekly.totals.find((t: { aspect: string }) => t.aspect === "delivery")).toMatchObject({
      mentions: 3,
      negative: 2,
    });

    const delivery = await get("interval=month&aspect=delivery");
    expect(delivery.items).toEqual([
      {
        period: "2026-03-01",
        aspect: "delivery",
        mentions: 3,
        negative: 2,
        neutral: 0,
        positive: 1,
        meanScore: -0.167,
      },
    ]);
    expect((await get("interval=day&to=2026-03-02")).items.map((i: { period: string }) => i.period)).toEqual([
      "2026-03-02",
      "2026-03-02",
      "2026-03-02",
    ]);
    expect((await get(`interval=day&touchpointId=${tp}`)).totals[0]).toMatchObject({
      aspect: "",
      mentions: 1,
    });
    expect((await get("channel=chat")).totals[0]).toMatchObject({ aspect: "", mentions: 1, negative: 1 });
    expect((await get("from=2026-03-09T00:00:00Z")).totals[0]).toMatchObject({ mentions: 2 });
    const bad = await call("GET", `/api/v1/workspaces/${id}/text/trend?interval=year&aspect=Bad Key`, {
      cookie: own.ownerCookie,
    });
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/query/aspect",
      "/query/interval",
    ]);
  });

  it("ranks keywords with their negative and positive counts, by overall or aspect polarity", async () => {
    const own = await seedWorkspace(stores, "Keywords");
    const id = own.workspaceId;
    await stores.facts.insert("feedback_text", [
      fact(
        id,
        "2026-04-01 10:00:00.000",
        "negative",
        -0.5,
        { delivery: -1 },
        { keywords: ["paket", "zusteller"] },
      ),
      fact(id, "2026-04-02 10:00:00.000", "negative", -0.5, { delivery: -1 }, { keywords: ["paket"] }),
      fact(
        id,
        "2026-04-03 10:00:00.000",
        "positive",
        0.5,
        { delivery: -1, price: 1 },
        { keywords: ["paket", "preis"] },
      ),
      fact(id, "2026-05-03 10:00:00.000", "positive", 0.5, {}, { keywords: ["preis"] }),
    ]);
    const get = async (qs: string) =>
      (await call("GET", `/api/v1/workspaces/${id}/text/keywords?${qs}`, { cookie: own.ownerCookie })).body
        .items;
    expect(await get("")).toEqual([
      { keyword: "paket", count: 3, negative: 2, positive: 1 },
      { keyword: "preis", count: 2, negative: 0, positive: 2 },
      { keyword: "zusteller", count: 1, negative: 1, positive: 0 },
    ]);
    expect(await get("to=2026-04-30&limit=1")).toEqual([
      { keyword: "paket", count: 3, negative: 2, positive: 1 },
    ]);
    expect(await get("sentiment=positive")).toEqual([
      { keyword: "preis", count: 2, negative: 0, positive: 2 },
      { keyword: "paket", count: 1, negative: 0, positive: 1 },
    ]);
    expect(await get("aspect=delivery&sentiment=negative")).toEqual([
      { keyword: "paket", count: 3, negative: 3, positive: 0 },
      { keyword: "preis", count: 1, negative: 1, positive: 0 },
      { keyword: "zusteller", count: 1, negative: 1, positive: 0 },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../core/ids.js";
import type { Stores } from "../../core/stores.js";
import { trackEvent } from "../../testing/analytics-events.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { type FactRating, feedbackFact } from "../../testing/feedback-facts.js";
import { createMappedJourney } from "../../testing/journey-fixture.js";
import { storeVariants } from "../../testing/stores.js";
import { textFact } from "../../testing/text-facts.js";

const AT = "2026-11-10T10:00:00.000Z";
const RANGE = { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" };
const VALUES = { to: RANGE.to, days: 30, granularity: "month", periods: 2 };

/*
 * The fixture, computed by hand (docs/api/measure-the-gap.md §3–4):
 *
 * Instances: K-1 Auftrag 2.11 → Lieferung 3.11 (wait 24 h) → Aktivierung 7.11 (96 h): completed;
 * K-2 Auftrag 4.11 → call → Lieferung 5.11 (24 h). Conversion 1/2 = 50 % (Wilson 9.5–90.5);
 * waits over 48 h: 1 of 3 = 33.3 %.
 *
 * Scores (1–5): Auftrag CSAT 5, 4 → 4.5; Lieferung CSAT 2, NPS 0 → 1, text +0.5 → 4 → 7/3 = 2.33;
 * Aktivierung CSAT 3; journey-level NPS 10 → 5. Stage Planen 5, 4, 2, 1, 4 → 3.2; overall 24/7 = 3.43.
 * Emotion: Lieferung designed +2, measured 1.5·(2.33 − 3) = −1 → 3 below, interval up to 4.06 → +1.59
 * stays below: significant. Journey NPS: 0 and 10 → 0 (n 2); October NPS 10 → 100: worsening.
 * Importance (too few respondents for drivers → volume): 2/6, 3/6, 1/6; target 4.5: potentials
 * Lieferung 0.5 · 2.17 = 1.08, Aktivierung 1/6 · 1.5 = 0.25, Auftrag 0.
 * Survey item "trust" 5, 4: mean 4.5 (3.52–5), top-2 100 %.
 */
describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "KPI catalogue and scorecard on %s",
  (_n, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let other: SeededWorkspace;
    let call: ReturnType<typeof client>;
    let journeyId: string;
    let foreignJourneyId: string;
    let stepIds: Record<string, string>;
    const surveyId = uuidv7();
    const kpis = (p = "", w = ws) => `/api/v1/workspaces/${w.workspaceId}/kpis${p}`;
    const as = (method: string, path: string, body?: unknown, w = ws) =>
      call(method, path, { cookie: w.ownerCookie, ...(body !== undefined && { body }) });

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "KPIs");
      other = await seedWorkspace(stores, "Other");
      call = client(testApp(stores));
      const stages = [
        {
          name: "Planen",
          steps: [
            { title: "Auftrag", matchers: [{ event: "Order Submitted" }] },
            { title: "Lieferung", matchers: [{ event: "Hardware Delivered" }] },
          ],
        },
        { name: "Nutzen", steps: [{ title: "Aktivierung", matchers: [{ event: "Router Activated" }] }] },
      ];
      const made = await createMappedJourney(stores, ws.workspaceId, "Umzug", stages);
      journeyId = made.journey.id;
      stepIds = made.stepIds;
      foreignJourneyId = (await createMappedJourney(stores, other.workspaceId, "Fremd", stages)).journey.id;
      // The designed emotions and the signature interaction, as a workshop would set them.
      const doc = structuredClone(made.journey.document);
      const design: Record<string, { emotion: number; signature?: boolean }> = {
        Auftrag: { emotion: 1 },
        Lieferung: { emotion: 2, signature: true },
        Aktivierung: { emotion: -1 },
      };
      for (const stage of doc.stages) for (const s of stage.steps) Object.assign(s, design[s.title]);
      await stores.sor.db
        .updateTable("journeys")
        .set({ document: JSON.stringify(doc) })
        .where("id", "=", journeyId)
        .execute();

      const w = ws.workspaceId;
      const e = (at: string, userId: string, name: string) => trackEvent(w, at, { userId }, name);
      await stores.facts.insert("events", [
        e("2026-11-02T10:00:00Z", "K-1", "Order Submitted"),
        e("2026-11-03T10:00:00Z", "K-1", "Hardware Delivered"),
        e("2026-11-07T10:00:00Z", "K-1", "Router Activated"),
        e("2026-11-04T10:00:00Z", "K-2", "Order Submitted"),
        e("2026-11-04T11:00:00Z", "K-2", "Call Ended"),
        e("2026-11-05T10:00:00Z", "K-2", "Hardware Delivered"),
      ]);
      const stageOf = (step: string) =>
        made.journey.document.stages.find((s) => s.steps.some((x) => x.title === step));
      const atStep = (step: string, ratings: FactRating[], at = AT) =>
        feedbackFact(w, {
          journey_id: journeyId,
          stage_id: stageOf(step)?.id as string,
          step_id: stepIds[step] as string,
          touchpoint_id: made.touchpointIds[step] as string,
          ratings,
          at,
        });
      const unrated = atStep("Lieferung", []);
      await stores.facts.insert("feedback", [
        atStep("Auftrag", [{ metric: "csat", value: 5 }]),
        atStep("Auftrag", [{ metric: "csat", value: 4 }]),
        atStep("Lieferung", [{ metric: "csat", value: 2 }]),
        atStep("Lieferung", [{ metric: "nps", value: 0 }]),
        unrated,
        atStep("Aktivierung", [{ metric: "csat", value: 3 }]),
        feedbackFact(w, { journey_id: journeyId, ratings: [{ metric: "nps", value: 10 }], at: AT }),
        feedbackFact(w, {
          journey_id: journeyId,
          ratings: [{ metric: "nps", value: 10 }],
          at: "2026-10-15T10:00:00.000Z",
        }),
        ...[5, 4].map((value) =>
          feedbackFact(w, {
            survey_id: surveyId,
            ratings: [{ metric: "rating", value, questionId: "trust" }],
            at: AT,
          }),
        ),
        // Another workspace's feedback on the same survey id never counts here.
        feedbackFact(other.workspaceId, {
          survey_id: surveyId,
          ratings: [{ metric: "rating", value: 1, questionId: "trust" }],
          at: AT,
        }),
      ]);
      await stores.facts.insert("feedback_text", [
        { ...textFact(w, new Date(AT), { polarity: 1, id: unrated.feedback_id }) },
      ]);
      expect(
        (await as("POST", `/api/v1/workspaces/${w}/analytics/journey-instances/rebuild`, {})).status,
      ).toBe(200);
    });
    afterAll(() => stores?.close());

    it("keeps a catalogue and measures its KPIs with n, interval, trend and series", async () => {
      const create = (body: Record<string, unknown>) => as("POST", kpis(), body);
      const made = await Promise.all([
        create({
          key: "abschluss",
          kind: "performance",
          name: "Abschluss",
          measure: { type: "journey", measure: "conversion" },
          journeyId,
          unit: "%",
          target: 80,
          ownerUserId: ws.ownerId,
        }),
        create({
          key: "warten",
          kind: "performance",
          name: "=Wartezeit",
          measure: { type: "journey", measure: "waiting_over_target", waitTargetHours: 48 },
          journeyId,
          unit: "%",
          direction: "lower",
          target: 40,
        }),
        create({
          key: "nps",
          kind: "brand",
          name: "NPS Umzug",
          measure: { type: "metric", metric: "nps" },
          journeyId,
          target: 20,
        }),
        create({
          key: "vertrauen",
          kind: "brand",
          name: "Vertrauen",
          measure: { type: "question", surveyId, questionId: "trust" },
          target: 4,
        }),
        create({
          key: "kontakte",
          kind: "performance",
          name: "Kontakte",
          measure: { type: "journey", measure: "contacts_per_instance" },
          journeyId,
          direction: "lower",
          target: 1,
        }),
        create({
          key: "dauer",
          kind: "performance",
          name: "Dauer",
          measure: { type: "journey", measure: "time_to_complete" },
          journeyId,
          unit: "Tage",
          direction: "lower",
          target: 10,
        }),
      ]);
      expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect(made[0]?.body).toMatchObject({
        key: "abschluss",
        direction: "higher",
        owner: { id: ws.ownerId },
      });

      const res = await as("POST", kpis("/values"), VALUES);
      expect(res.status).toBe(200);
      const by = Object.fromEntries(res.body.items.map((i: { kpi: { key: string } }) => [i.kpi.key, i]));
      expect(res.body.items.map((i: { kpi: { key: string } }) => i.kpi.key)).toEqual([
        "abschluss",
        "dauer",
        "kontakte",
        "warten",
        "nps",
        "vertrauen",
      ]);
      expect(by.abschluss.current).toMatchObject({
        value: 50,
        n: 2,
        interval: { low: 9.5, high: 90.5, method: "wilson" },
      });
      expect(by.abschluss).toMatchObject({ met: false, trend: null, previous: { value: null, n: 0 } });
      expect(by.warten.current).toMatchObject({ value: 33.3, n: 3 });
      // Contacts 0 and 1: mean 0.5, s = 0.7071, half = 1.96 · 0.7071 / √2 = 0.98 → [0, 1.48].
      expect(by.kontakte.current).toMatchObject({
        value: 0.5,
        n: 2,
        interval: { low: 0, high: 1.48, method: "normal_mean" },
      });
      // One completed instance (5 days): a median's interval needs n ≥ 6.
      expect(by.dauer.current).toEqual(expect.objectContaining({ value: 5, n: 1, interval: null }));
      expect(by.warten.met).toBe(true);
      expect(by.nps.current).toMatchObject({ value: 0, n: 2, interval: { method: "nps_se" } });
      expect(by.nps).toMatchObject({
        previous: { value: 100, n: 1 },
        change: -100,
        trend: "worsening",
        met: false,
      });
      expect(
        by.nps.series.map((p: { from: string; value: number | null }) => [p.from.slice(0, 10), p.value]),
      ).toEqual([
        ["2026-10-01", 100],
        ["2026-11-01", 0],
      ]);
      expect(by.vertrauen.current).toMatchObject({ value: 4.5, n: 2, interval: { low: 3.52, high: 5 } });

      const csv = await as("POST", kpis("/values/export"), VALUES);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toContain("text/csv");
      const lines = (csv.body as string)
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\n");
      expect(lines[0]?.startsWith("key,kind,name,journey_id,unit,direction,target,owner,value,n,")).toBe(
        true,
      );
      expect(lines[4]?.startsWith(`warten,performance,'=Wartezeit,${journeyId},%,lower,40,,33.3,3,`)).toBe(
        true,
      );
      expect(lines).toHaveLength(7);

      const patched = await as("PATCH", kpis(`/${made[2]?.body.id}`), { target: -10 });
      expect(patched.body).toMatchObject({ target: -10, key: "nps" });
      const again = await as("POST", kpis("/values"), { ...VALUES, kpiIds: [made[2]?.body.id] });
      expect(again.body.items).toHaveLength(1);
      expect(again.body.items[0].met).toBe(true);
    });

    it("scores the journey: stages, steps, designed vs measured emotion and differentiation", async () => {
      const res = await as("POST", `/api/v1/workspaces/${ws.workspaceId}/analytics/journey-scorecard`, {
        ...RANGE,
        journeyId,
      });
      expect(res.status).toBe(200);
      const s = res.body;
      expect(s.overall).toMatchObject({ n: 7, mean: 3.43 });
      expect(
        s.stages.map((x: { name: string; score: { n: number; mean: number } }) => [
          x.name,
          x.score.n,
          x.score.mean,
        ]),
      ).toEqual([
        ["Planen", 5, 3.2],
        ["Nutzen", 1, 3],
      ]);
      const step = (title: string) => s.steps.find((x: { title: string }) => x.title === title);
      expect(step("Auftrag").score).toMatchObject({ n: 2, mean: 4.5, rated: 2 });
      expect(step("Lieferung").score).toMatchObject({
        n: 3,
        mean: 2.33,
        rated: 2,
        bySentiment: 1,
        interval: { low: 1, high: 4.06 },
      });
      expect(step("Lieferung").emotion).toMatchObject({ designed: 2, below: true, belowSignificant: true });
      expect(step("Lieferung").emotion.measured).toBeCloseTo(-1, 1);
      expect(step("Auftrag").emotion).toMatchObject({ designed: 1, measured: 2.25, below: false });
      expect(s.belowDesign).toHaveLength(1);
      expect(s.belowDesign[0]).toMatchObject({ title: "Lieferung", significant: true });
      expect(s.belowDesign[0].by).toBeCloseTo(3, 1);
      expect(s.signatureInteractions).toHaveLength(1);
      expect(s.signatureInteractions[0]).toMatchObject({
        title: "Lieferung",
        instances: 2,
        conversion: 1,
        csat: { n: 1, value: 0 },
      });
      expect(s.importanceSource).toBe("volume");
      expect(s.differentiation.map((d: { title: string; rank: number }) => [d.title, d.rank])).toEqual([
        ["Lieferung", 1],
        ["Aktivierung", 2],
        ["Auftrag", 3],
      ]);
      expect(s.differentiation[0].potential).toBeCloseTo(1.085, 2);
      expect(s.kpis.find((k: { key: string }) => k.key === "conversion")).toMatchObject({ value: 50, n: 2 });
      expect(s.catalogue.map((c: { kpi: { key: string } }) => c.kpi.key)).toEqual([
        "abschluss",
        "dauer",
        "kontakte",
        "warten",
        "nps",
      ]);
    });

    it("isolates workspaces and names bad fields", async () => {
      const foreign = await as(
        "POST",
        kpis("", other),
        { key: "fremd", kind: "brand", name: "Fremd", measure: { type: "metric", metric: "csat" } },
        other,
      );
      expect(foreign.status).toBe(201);
      const id = foreign.body.id as string;
      expect((await as("GET", kpis(`/${id}`))).status).toBe(404);
      expect((await as("PATCH", kpis(`/${id}`), { target: 1 })).status).toBe(404);
      expect((await as("DELETE", kpis(`/${id}`))).status).toBe(404);
      expect((await as("GET", kpis(`/${id}`, other), undefined, other)).body.target).toBeNull();
      expect(
        (await as("POST", kpis("/values", other), VALUES, other)).body.items.map(
          (i: { kpi: { key: string } }) => i.kpi.key,
        ),
      ).toEqual(["fremd"]);
      const base = { kind: "performance", name: "X", measure: { type: "journey", measure: "conversion" } };
      expect((await as("POST", kpis(), { ...base, key: "x", journeyId: foreignJourneyId })).status).toBe(404);
      const scorecard = await as("POST", `/api/v1/workspaces/${ws.workspaceId}/analytics/journey-scorecard`, {
        journeyId: foreignJourneyId,
      });
      expect(scorecard.status).toBe(404);
      const pointers = async (body: unknown, status = 400) => {
        const r = await as("POST", kpis(), body);
        expect(r.status).toBe(status);
        return r.body.errors.map((e: { pointer: string }) => e.pointer);
      };
      expect(await pointers({ ...base, key: "x" })).toEqual(["/body/journeyId"]);
      expect(await pointers({ ...base, key: "Böse Taste", journeyId })).toEqual(["/body/key"]);
      expect(await pointers({ ...base, key: "y", journeyId, ownerUserId: other.ownerId })).toEqual([
        "/body/ownerUserId",
      ]);
      expect(await pointers({ ...base, key: "abschluss", journeyId }, 409)).toEqual(["/body/key"]);
      expect(
        await pointers({ ...base, key: "z", journeyId, measure: { type: "metric", metric: "happiness" } }),
      ).toEqual(["/body/measure/metric"]);
    });
  },
);

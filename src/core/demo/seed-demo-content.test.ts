import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { storeVariants } from "../../testing/stores.js";
import { getJourney } from "../journeys/get-journey.js";
import { journeyCoverage } from "../journeys/journey-coverage.js";
import { getMetrics } from "../metrics/get-metrics.js";
import { ZMetricsQuery } from "../metrics/metrics.schema.js";
import type { Stores } from "../stores.js";
import { resolveAccess } from "../workspaces/resolve-access.js";
import { DEMO_LOGIN, seedDemo } from "../workspaces/seed-demo.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("demo content on %s", (_name, variant) => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await variant.open();
  });
  afterAll(() => stores.close());

  it("seeds three German journeys with personas, 20+ touchpoints each incl. hidden moments, once", async () => {
    expect(await seedDemo(stores.sor.db)).toEqual(DEMO_LOGIN);
    expect(await seedDemo(stores.sor.db)).toBeUndefined();
    const { db } = stores.sor;
    const ws = await db
      .selectFrom("workspaces")
      .select("id")
      .where("slug", "=", "demo")
      .executeTakeFirstOrThrow();
    const access = await resolveAccess(db, { kind: "system" }, ws.id);
    if (!access) throw new Error("no access");
    const journeys = await db
      .selectFrom("journeys")
      .select(["id", "title", "persona_id", "owner_user_id"])
      .execute();
    expect(journeys.map((j) => j.title).sort()).toEqual([
      "Geschäftsreise: Hotelaufenthalt von der Buchung bis zum Check-out",
      "Online-Kauf mit Retoure",
      "Umzug mit Festnetz und Internet",
    ]);
    const hidden = await db.selectFrom("touchpoints").select("id").where("kind", "=", "hidden").execute();
    expect(hidden.length).toBeGreaterThanOrEqual(9);
    expect((await db.selectFrom("personas").select("id").execute()).length).toBe(3);
    for (const row of journeys) {
      expect(row.persona_id).not.toBeNull();
      expect(row.owner_user_id).not.toBeNull();
      const journey = await getJourney({ db, access }, row.id);
      const steps = journey.document.stages.flatMap((s) => s.steps);
      const touchpoints = new Set(steps.map((s) => s.touchpointId).filter((id) => id !== null));
      expect(touchpoints.size).toBeGreaterThanOrEqual(20);
      expect(steps.some((s) => s.signature)).toBe(true);
      expect(steps.every((s) => s.emotion !== null)).toBe(true);
      expect(steps.filter((s) => s.painPoints.length > 0).length).toBeGreaterThanOrEqual(5);
    }
    const telecom = journeys.find((j) => j.title.startsWith("Umzug"));
    const findings = await journeyCoverage({ db, access }, telecom?.id ?? "");
    const codes = new Set(findings.findings.map((f: { code: string }) => f.code));
    expect(codes).toContain("hidden_without_matcher");
    expect(codes).toContain("touchpoint_without_owner");
  }, 60_000);

  it("seeds active surveys and thousands of German and English responses and feedback items on the journeys' touchpoints", async () => {
    const { db } = stores.sor;
    const all = await db
      .selectFrom("surveys")
      .select(["id", "name", "status", "touchpoint_id", "journey_id"])
      .execute();
    // Ten on touchpoints, and the case follow-up survey the case settings send on resolution.
    const surveys = all.filter((s) => s.name !== "Nachbefragung zur Lösung Ihres Anliegens");
    expect(surveys).toHaveLength(10);
    expect(surveys.every((s) => s.status === "active" && s.touchpoint_id && s.journey_id)).toBe(true);
    const followUp = all.find((s) => s.name === "Nachbefragung zur Lösung Ihres Anliegens");
    const settings = await db
      .selectFrom("case_settings as c")
      .innerJoin("survey_triggers as t", "t.id", "c.follow_up_trigger_id")
      .select(["t.survey_id", "t.channel", "t.target"])
      .executeTakeFirstOrThrow();
    expect(settings).toMatchObject({ survey_id: followUp?.id, channel: "email" });
    expect((settings.target as { url?: string }).url).toBeUndefined();
    const rows = await db
      .selectFrom("feedback")
      .select(["kind", "language", "finished", "flagged", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy(["kind", "language", "finished", "flagged"])
      .execute();
    const sum = (pred: (r: (typeof rows)[number]) => boolean) =>
      rows.filter(pred).reduce((n, r) => n + Number(r.n), 0);
    expect(sum((r) => r.kind === "survey_response")).toBe(3120);
    expect(sum((r) => r.kind === "unsolicited")).toBe(1860);
    expect(sum((r) => r.language === "de")).toBeGreaterThan(3 * sum((r) => r.language === "en"));
    expect(sum((r) => r.language === "en")).toBeGreaterThan(500);
    expect(sum((r) => !r.finished)).toBeGreaterThan(50);
    expect(sum((r) => r.flagged)).toBeGreaterThan(0);
    const unlinked = await db
      .selectFrom("feedback")
      .select("id")
      .where("touchpoint_id", "is", null)
      .execute();
    expect(unlinked).toHaveLength(0);

    // Relayed to the facts store, the metrics pages have enough to show on first start.
    await drainOutbox(stores);
    const ws = await db
      .selectFrom("workspaces")
      .select("id")
      .where("slug", "=", "demo")
      .executeTakeFirstOrThrow();
    const access = await resolveAccess(db, { kind: "system" }, ws.id);
    if (!access) throw new Error("no access");
    const ctx = { db, access, facts: stores.facts };
    const nps = await getMetrics(ctx, ZMetricsQuery.parse({ metric: "nps", groupBy: "month" }));
    expect(nps.overall.n).toBeGreaterThan(1500);
    expect(nps.groups.length).toBeGreaterThanOrEqual(6);
    const csat = await getMetrics(ctx, ZMetricsQuery.parse({ metric: "csat", groupBy: "touchpoint" }));
    expect(csat.groups.length).toBeGreaterThanOrEqual(20);
    const values = csat.groups.map((g) => g.value ?? 0);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(30);
  }, 90_000);

  it("gives the demo colleagues in the touchpoints' owner teams, so the demo rules' cases reach people", async () => {
    const { db } = stores.sor;
    const members = await db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.email", "m.role"])
      .orderBy("u.email")
      .execute();
    expect(members.map((m) => `${m.email} ${m.role}`)).toEqual([
      "demo@journeylens.local owner",
      "jonas.keller@journeylens.local agent",
      "lea.wagner@journeylens.local analyst",
      "mira.hoffmann@journeylens.local agent",
      "sara.yilmaz@journeylens.local agent",
      "tom.berger@journeylens.local agent",
    ]);
    // After the outbox ran (previous test), the technician-visit detractors sit with the field agent,
    // each watched by the journey owner.
    const routed = await db
      .selectFrom("cases as c")
      .innerJoin("touchpoints as t", "t.id", "c.touchpoint_id")
      .innerJoin("users as u", "u.id", "c.assignee_user_id")
      .innerJoin("case_watchers as w", (j) =>
        j.onRef("w.case_id", "=", "c.id").on("w.reason", "=", "journey_owner"),
      )
      .innerJoin("users as o", "o.id", "w.user_id")
      .select(["t.name as touchpoint", "u.email as assignee", "o.email as watcher"])
      .where("t.name", "=", "Techniker-Besuch")
      .execute();
    expect(routed.length).toBeGreaterThan(10);
    expect(new Set(routed.map((r) => `${r.assignee} / ${r.watcher}`))).toEqual(
      new Set(["tom.berger@journeylens.local / demo@journeylens.local"]),
    );
  }, 60_000);
});

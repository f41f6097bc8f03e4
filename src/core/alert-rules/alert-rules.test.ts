import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededWorkspace, seedWorkspace } from "../../testing/app.js";
import { type FactRating, feedbackFact } from "../../testing/feedback-facts.js";
import { storeVariants } from "../../testing/stores.js";
import { alertRulesHandler, systemReportContext } from "../../worker/alert-rules.js";
import { createOutboxWorker } from "../../worker/outbox-worker.js";
import { raiseAlerts } from "../alerts/raise-alerts.js";
import { uuidv7 } from "../ids.js";
import { createKpi } from "../kpis/create-kpi.js";
import { ZCreateKpi } from "../kpis/kpis.schema.js";
import type { ReportContext } from "../metrics/report-context.js";
import type { Stores } from "../stores.js";
import { resolveAccess } from "../workspaces/resolve-access.js";
import { ZCreateAlertRule } from "./alert-rules.schema.js";
import { runRuleCheck } from "./evaluate-rule.js";
import { createAlertRule, getAlertRule, updateAlertRule } from "./manage-alert-rules.js";
import { ALERT_RULES_TOPIC } from "./schedule.js";

const HOUR = 3_600_000;
const silent = { info: () => {}, warn: () => {}, error: () => {} };
// A fake clock in the past (a Thursday), so the outbox rows due "at the next check" are claimable now.
const T0 = new Date("2026-10-01T12:00:00.000Z");
const at = (h: number) => new Date(T0.getTime() + h * HOUR);

describe.each(storeVariants().map((v) => [v.name, v] as const))("alert rules on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let ctx: ReportContext;
  let analystId: string;
  const surveyId = uuidv7();

  const kpi = async (key: string, measure: unknown) =>
    (
      await createKpi(
        ctx,
        ZCreateKpi.parse({ key, kind: "brand", name: key.toUpperCase(), measure, direction: "higher" }),
      )
    ).id;
  const facts = (metric: FactRating["metric"], values: number[], day: string, extra = {}) =>
    stores.facts.insert(
      "feedback",
      values.map((value) =>
        feedbackFact(ws.workspaceId, {
          ratings: [{ metric, value, ...extra }],
          at: `${day}T10:00:00.000Z`,
          ...(metric === "rating" && { survey_id: surveyId }),
        }),
      ),
    );
  const ruleAlerts = (ruleId: string) =>
    stores.sor.db
      .selectFrom("alerts")
      .selectAll()
      .where("workspace_id", "=", ws.workspaceId)
      .where(sql<string>`details->>'ruleId'`, "=", ruleId)
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Alert rules");
    analystId = (await ws.member("analyst")).userId;
    const access = await resolveAccess(
      stores.sor.db,
      { kind: "user", userId: ws.ownerId, email: "owner@example.com" },
      ws.workspaceId,
    );
    if (!access) throw new Error("no access");
    ctx = { db: stores.sor.db, facts: stores.facts, access };
    await stores.sor.db
      .insertInto("webhook_endpoints")
      .values({
        id: uuidv7(),
        workspace_id: ws.workspaceId,
        url: "https://hooks.example.com/alerts",
        event_types: JSON.stringify(["alert.fired"]),
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        created_at: new Date("2020-01-01T00:00:00Z"),
      })
      .execute();
  });
  afterAll(() => stores.close());

  it("threshold: fires once per episode through the scheduled checks, recovers, fires again", async () => {
    const npsId = await kpi("nps", { type: "metric", metric: "nps" });
    // Last 30 days before T0: 2 promoters, 3 detractors: NPS = 100·(2 − 3)/5 = −20.
    await facts("nps", [10, 10, 0, 0, 0], "2026-09-25");
    const rule = await createAlertRule(
      ctx,
      ZCreateAlertRule.parse({
        name: "NPS under target",
        kind: "threshold",
        kpiId: npsId,
        parameters: { operator: "below", value: 20, windowDays: 30 },
        recipients: { userIds: [analystId], roles: ["owner"] },
        checkEvery: "hourly",
        severity: "critical",
      }),
      T0,
    );
    expect(rule).toMatchObject({ state: "ok", lastCheckedAt: null, nextCheckAt: T0.toISOString() });
    let fake = T0;
    const worker = createOutboxWorker({
      db: stores.sor.db,
      handlers: { [ALERT_RULES_TOPIC]: alertRulesHandler(stores, () => fake) },
      topics: [ALERT_RULES_TOPIC],
      batchSize: 100,
      logger: silent,
    });
    expect(await worker.runOnce()).toMatchObject({ done: 1, retried: 0, parked: 0 });
    let alerts = await ruleAlerts(rule.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: "metric.threshold",
      dedupe_key: `alert-rule:${rule.id}:1`,
      severity: "critical",
    });
    expect(alerts[0]?.title).toContain("NPS = -20 (n = 5, last 30 days), below 20");
    expect(alerts[0]?.details).toMatchObject({
      ruleId: rule.id,
      kpiId: npsId,
      value: -20,
      n: 5,
      threshold: 20,
      episode: 1,
      recipients: { userIds: [analystId], teamIds: [], roles: ["owner"] },
      from: new Date(T0.getTime() - 30 * 24 * HOUR).toISOString(),
      to: T0.toISOString(),
    });
    let state = await getAlertRule(ctx, rule.id);
    expect(state).toMatchObject({
      state: "firing",
      lastValue: -20,
      lastCheckedAt: T0.toISOString(),
      nextCheckAt: at(1).toISOString(),
    });
    expect(state.lastResult).toMatchObject({ status: "firing", value: -20, n: 5 });

    // The `alert.fired` webhook event is queued in the same transaction.
    const events = await stores.sor.db
      .selectFrom("outbox")
      .select("payload")
      .where("workspace_id", "=", ws.workspaceId)
      .where("topic", "=", "webhooks.event")
      .execute();
    const fired = events.map((e) => e.payload as { type: string; data: { alert: { id: string } } });
    expect(fired.filter((e) => e.type === "alert.fired").map((e) => e.data.alert.id)).toEqual([
      alerts[0]?.id,
    ]);

    // raiseAlerts notifies `details.recipients`: the listed analyst and the owner (by role), once each.
    const notified = await stores.sor.db
      .selectFrom("notifications")
      .select(["user_id", "link"])
      .where("workspace_id", "=", ws.workspaceId)
      .where("source_id", "=", alerts[0]?.id as string)
      .execute();
    expect(notified.map((n) => n.user_id).sort()).toEqual([analystId, ws.ownerId].sort());
    expect(notified[0]?.link).toBe(`/w/${ws.workspaceId}/alert-rules`);

    // Still in violation an hour later: no second alert.
    fake = at(1);
    expect(await worker.runOnce()).toMatchObject({ done: 1 });
    expect(await ruleAlerts(rule.id)).toHaveLength(1);

    // 8 more promoters: P 10, D 3, N 13: NPS 53.8 → recovered.
    await facts("nps", Array(8).fill(10), "2026-09-26");
    fake = at(2);
    expect(await worker.runOnce()).toMatchObject({ done: 1 });
    state = await getAlertRule(ctx, rule.id);
    expect(state).toMatchObject({ state: "ok", lastValue: 53.8 });
    expect(await ruleAlerts(rule.id)).toHaveLength(1);

    // 20 more detractors: P 10, D 23, N 33: NPS −39.4 → a new episode, a second alert.
    await facts("nps", Array(20).fill(0), "2026-09-27");
    fake = at(3);
    expect(await worker.runOnce()).toMatchObject({ done: 1 });
    alerts = await ruleAlerts(rule.id);
    expect(alerts.map((a) => a.dedupe_key)).toEqual([`alert-rule:${rule.id}:1`, `alert-rule:${rule.id}:2`]);
    expect(alerts[1]?.details).toMatchObject({ value: -39.4, n: 33, episode: 2 });

    // A superseded scheduled check (old time) does nothing.
    expect(
      await runRuleCheck(systemReportContext(stores, ws.workspaceId), rule.id, at(3), {
        version: 1,
        checkAt: T0.toISOString(),
      }),
    ).toBeNull();

    // A change starts schedule version 2 (due at once); the pending version-1 message becomes a no-op,
    // the version-2 one runs at the fake 4 h and schedules the next for 5 h.
    fake = at(3.5);
    await updateAlertRule(ctx, rule.id, { severity: "warning" }, at(3.5));
    fake = at(4);
    expect(await worker.runOnce()).toMatchObject({ done: 2, parked: 0 });
    const pending = await stores.sor.db
      .selectFrom("outbox")
      .select(["payload", "available_at"])
      .where("workspace_id", "=", ws.workspaceId)
      .where("topic", "=", ALERT_RULES_TOPIC)
      .where("status", "=", "pending")
      .execute();
    expect(pending.map((p) => p.payload)).toEqual([
      { ruleId: rule.id, version: 2, checkAt: at(5).toISOString() },
    ]);
    state = await getAlertRule(ctx, rule.id);
    expect(state).toMatchObject({ state: "firing", lastCheckedAt: at(4).toISOString() });
    expect(await ruleAlerts(rule.id)).toHaveLength(2);

    // Disabled: the pending message finds another version and the rule is not scheduled again.
    await updateAlertRule(ctx, rule.id, { enabled: false }, at(4));
    fake = at(5);
    await worker.runOnce();
    state = await getAlertRule(ctx, rule.id);
    expect(state).toMatchObject({ enabled: false, nextCheckAt: null, lastCheckedAt: at(4).toISOString() });
  });

  it("change: current against previous period, direction-aware, once per episode", async () => {
    const csatId = await kpi("csat", { type: "metric", metric: "csat" });
    // Previous 7 days (Sept 17–24): 5, 5, 5, 4 → 100 %; current (Sept 24 – Oct 1): 5, 5, 2, 1 → 50 %.
    await facts("csat", [5, 5, 5, 4], "2026-09-20");
    await facts("csat", [5, 5, 2, 1], "2026-09-28");
    const rule = await createAlertRule(
      ctx,
      ZCreateAlertRule.parse({
        name: "CSAT drop",
        kind: "change",
        kpiId: csatId,
        parameters: { mode: "points", amount: 30, direction: "worse", windowDays: 7 },
      }),
      T0,
    );
    const r1 = await runRuleCheck(ctx, rule.id, T0);
    expect(r1?.check).toMatchObject({ status: "firing", value: 50, previous: 100, change: -50, n: 4 });
    expect(r1?.raised).toHaveLength(1);
    expect(r1?.raised[0]).toMatchObject({ kind: "metric.change" });
    expect(r1?.raised[0]?.details).toMatchObject({
      previous: 100,
      change: -50,
      threshold: 30,
      recipients: { userIds: [], teamIds: [], roles: [] },
    });
    expect((await runRuleCheck(ctx, rule.id, at(1)))?.raised).toEqual([]);
    // Four more 5s: 6 of 8 = 75 %, −25 points: recovered.
    await facts("csat", [5, 5, 5, 5], "2026-09-29");
    expect((await runRuleCheck(ctx, rule.id, at(2)))?.check).toMatchObject({ status: "ok", change: -25 });
    // Six 1s: 6 of 14 = 42.9 %, −57.1: fires again.
    await facts("csat", Array(6).fill(1), "2026-09-30");
    const r4 = await runRuleCheck(ctx, rule.id, at(3));
    expect(r4?.check).toMatchObject({ status: "firing", value: 42.9, change: -57.1 });
    expect(r4?.raised.map((a) => a.details.episode)).toEqual([2]);
  });

  it("anomaly: z of the latest complete week; not enough history first, once per episode", async () => {
    const trustId = await kpi("trust", { type: "question", surveyId, questionId: "trust", figure: "mean" });
    const rating = (values: number[], day: string) => facts("rating", values, day, { questionId: "trust" });
    // Weeks (Mondays) Sept 7: mean 4, Sept 14: 5; the latest complete week, Sept 21: 1.
    await rating([4, 4], "2026-09-08");
    await rating([5, 5], "2026-09-15");
    await rating([1, 1], "2026-09-22");
    // The running week (from Sept 28) is left out.
    await rating([5, 5, 5], "2026-09-29");
    const rule = await createAlertRule(
      ctx,
      ZCreateAlertRule.parse({
        name: "Trust anomaly",
        kind: "anomaly",
        kpiId: trustId,
        parameters: { z: 3, periods: 3, granularity: "week" },
      }),
      T0,
    );
    const r1 = await runRuleCheck(ctx, rule.id, T0);
    expect(r1?.check).toMatchObject({
      status: "not_enough_history",
      value: 1,
      n: 2,
      baselinePeriods: 2,
      from: "2026-09-21T00:00:00.000Z",
      to: "2026-09-28T00:00:00.000Z",
    });
    expect(r1?.raised).toEqual([]);
    // Week of Aug 31: mean 3. Baseline 3, 4, 5: mean 4, sd 1; z = (1 − 4)/1 = −3.
    await rating([3, 3], "2026-09-01");
    const r2 = await runRuleCheck(ctx, rule.id, at(1));
    expect(r2?.check).toMatchObject({ status: "firing", z: -3, mean: 4, sd: 1, baselinePeriods: 3 });
    expect(r2?.raised).toHaveLength(1);
    expect(r2?.raised[0]).toMatchObject({ kind: "metric.anomaly" });
    expect(r2?.raised[0]?.details).toMatchObject({ z: -3, value: 1, n: 2 });
    expect((await runRuleCheck(ctx, rule.id, at(2)))?.raised).toEqual([]);
    // Four 5s in the latest week: mean 22/6 = 3.67 (the KPI's two decimals), z = −0.33: recovered.
    await rating([5, 5, 5, 5], "2026-09-23");
    const r4 = await runRuleCheck(ctx, rule.id, at(3));
    expect(r4?.check).toMatchObject({ status: "ok", value: 3.67, z: -0.33 });
    expect((await getAlertRule(ctx, rule.id)).state).toBe("ok");
  });

  it("topic: one alert per matching emerging-topic alert, with the rule's recipients", async () => {
    const emerging = (aspect: string, z: number, week: string) => ({
      kind: "emerging_topic",
      dedupeKey: `emerging:${aspect}:${week}`,
      severity: "warning" as const,
      title: `Emerging aspect: ${aspect}`,
      details: { aspect, label: { de: aspect, en: aspect }, week, count: 12, z },
    });
    await raiseAlerts(stores.sor.db, ws.workspaceId, [
      emerging("app_login", 5.2, "2026-11-16"),
      emerging("billing", 7, "2026-11-16"),
      emerging("app_login", 2, "2026-11-09"),
    ]);
    const rule = await createAlertRule(
      ctx,
      ZCreateAlertRule.parse({
        name: "App login",
        kind: "topic",
        parameters: { aspects: ["app_login"], minZ: 3 },
        recipients: { roles: ["agent"] },
      }),
    );
    const r1 = await runRuleCheck(ctx, rule.id, new Date());
    expect(r1?.check).toMatchObject({ status: "firing", value: 1 });
    expect(r1?.raised).toHaveLength(1);
    expect(r1?.raised[0]).toMatchObject({
      kind: "topic.emerging",
      title: "App login: Emerging aspect: app_login",
    });
    expect(r1?.raised[0]?.details).toMatchObject({
      aspect: "app_login",
      z: 5.2,
      recipients: { userIds: [], teamIds: [], roles: ["agent"] },
    });
    // The same emerging alert is not raised twice.
    expect((await runRuleCheck(ctx, rule.id, new Date()))?.raised).toEqual([]);
    await raiseAlerts(stores.sor.db, ws.workspaceId, [emerging("app_login", 4, "2026-11-23")]);
    const r3 = await runRuleCheck(ctx, rule.id, new Date());
    expect(r3?.raised.map((a) => a.details.z)).toEqual([4]);
  });
});

import type { TAlert } from "../alerts/alerts.schema.js";
import { type NewAlert, raiseAlerts } from "../alerts/raise-alerts.js";
import type { Db } from "../db/connect.js";
import { comparePeriods, type Period, seriesPeriods } from "../kpis/kpi-periods.js";
import { kpiQuery, toKpi } from "../kpis/kpi-row.js";
import type { TKpi } from "../kpis/kpis.schema.js";
import { type KpiMeasurement, kpiMeasurer } from "../kpis/measure-kpi.js";
import type { ReportContext } from "../metrics/report-context.js";
import {
  RULE_ALERT_KINDS,
  type TAnomalyParameters,
  type TChangeParameters,
  type TRuleCheck,
  type TThresholdParameters,
  type TTopicParameters,
} from "./alert-rules.schema.js";
import { checkAnomaly, checkChange, checkThreshold } from "./checks.js";
import { findAlertRule, loadAlertRule, recipientsOf } from "./rule-row.js";
import { nextCheckAfter, scheduleRuleCheck } from "./schedule.js";

const DAY = 86_400_000;
/** A topic rule's first check looks back this far; later checks overlap the last one by an hour. */
const TOPIC_FIRST_LOOKBACK_MS = 7 * DAY;
const TOPIC_OVERLAP_MS = 3_600_000;

const fmt = (x: number | null) => (x === null ? "–" : String(Math.round(x * 10) / 10));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A check with every figure empty; each kind fills in its own. */
function blank(now: Date): TRuleCheck {
  return {
    status: "no_data",
    checkedAt: now.toISOString(),
    value: null,
    n: null,
    interval: null,
    from: null,
    to: null,
    previous: null,
    previousN: null,
    change: null,
    threshold: null,
    z: null,
    mean: null,
    sd: null,
    baselinePeriods: null,
    matches: null,
    summary: "",
  };
}

const measured = (p: Period, m: KpiMeasurement) => ({
  value: m.value,
  n: m.n,
  interval: m.interval ? { low: m.interval.low, high: m.interval.high } : null,
  from: p.from.toISOString(),
  to: p.to.toISOString(),
});

async function loadKpi(db: Db, workspaceId: string, kpiId: string | null): Promise<TKpi | undefined> {
  if (!kpiId) return undefined;
  const row = await kpiQuery(db, workspaceId).where("k.id", "=", kpiId).executeTakeFirst();
  return row ? toKpi(row) : undefined;
}

/** Rule fields the check reads (a stored rule, or a draft for the preview). */
export type RuleToCheck = { kpi_id: string | null } & (
  | { kind: "threshold"; parsed: TThresholdParameters }
  | { kind: "change"; parsed: TChangeParameters }
  | { kind: "anomaly"; parsed: TAnomalyParameters }
  | { kind: "topic"; parsed: TTopicParameters }
);

/**
 * What the rule finds at `now`, from the real stores; changes nothing. Metric rules measure their
 * KPI like the KPI catalogue does; topic rules look for emerging-topic alerts raised since `since`.
 */
export async function measureRule(
  ctx: ReportContext,
  rule: RuleToCheck,
  now: Date,
  since?: Date,
): Promise<TRuleCheck> {
  const out = blank(now);
  const workspaceId = ctx.access.workspaceId;
  if (rule.kind === "topic") {
    const from = since ?? new Date(now.getTime() - TOPIC_FIRST_LOOKBACK_MS);
    const rows = await ctx.db
      .selectFrom("alerts")
      .select(["id", "title", "details"])
      .where("workspace_id", "=", workspaceId)
      .where("kind", "=", "emerging_topic")
      .where("created_at", ">=", from)
      .where("created_at", "<=", now)
      .orderBy("id")
      .limit(500)
      .execute();
    const wanted = new Set(rule.parsed.aspects);
    const matches = rows
      .map((r) => {
        const d = (r.details ?? {}) as { aspect?: unknown; z?: unknown };
        const aspect = typeof d.aspect === "string" ? d.aspect : null;
        return { alertId: r.id, aspect, title: r.title, z: typeof d.z === "number" ? d.z : 0 };
      })
      .filter(
        (m) => m.z >= rule.parsed.minZ && (wanted.size === 0 || (m.aspect !== null && wanted.has(m.aspect))),
      );
    const which = wanted.size === 0 ? "any aspect or topic" : [...wanted].join(", ");
    return {
      ...out,
      status: matches.length > 0 ? "firing" : "ok",
      value: matches.length,
      from: from.toISOString(),
      to: now.toISOString(),
      threshold: rule.parsed.minZ,
      matches,
      summary:
        matches.length > 0
          ? `${matches.length} emerging-topic alert(s) for ${which} since ${from.toISOString()}: ${matches
              .map((m) => `${m.aspect ?? "topic"} (z ${fmt(m.z)})`)
              .join(", ")}`
          : `no emerging-topic alert for ${which} with z ≥ ${rule.parsed.minZ} since ${from.toISOString()}`,
    };
  }

  const kpi = await loadKpi(ctx.db, workspaceId, rule.kpi_id);
  if (!kpi) return { ...out, summary: "the KPI no longer exists" };
  const measure = kpiMeasurer(ctx, now);
  const name = kpi.name;

  if (rule.kind === "threshold") {
    const p = rule.parsed;
    const { current } = comparePeriods(now, p.windowDays);
    const m = measured(current, await measure(kpi, current));
    const { status } = checkThreshold(m, p);
    const where = `last ${p.windowDays} days`;
    const summary =
      status === "no_data"
        ? `${name}: no value in the ${where} (n = ${m.n}, at least ${p.minN} needed)`
        : `${name} = ${fmt(m.value)} (n = ${m.n}, ${where}), ${status === "firing" ? "" : "not "}${p.operator} ${fmt(p.value)}`;
    return { ...out, ...m, status, threshold: p.value, summary };
  }

  if (rule.kind === "change") {
    const p = rule.parsed;
    const { current, previous } = comparePeriods(now, p.windowDays);
    const [c, prev] = await Promise.all([measure(kpi, current), measure(kpi, previous)]);
    const cur = measured(current, c);
    const r = checkChange(cur, prev, kpi.direction, p);
    const unit = p.mode === "percent" ? "%" : " points";
    const summary =
      r.status === "no_data"
        ? `${name}: no comparable values (n = ${cur.n} now, ${prev.n} in the previous ${p.windowDays} days)`
        : `${name} = ${fmt(cur.value)} (n = ${cur.n}) against ${fmt(prev.value)} (n = ${prev.n}) in the previous ${p.windowDays} days: ${r.change !== null && r.change > 0 ? "+" : ""}${fmt(r.change)}${unit} (fires at ${p.direction === "worse" ? "a worsening of " : ""}${fmt(p.amount)}${unit})`;
    return {
      ...out,
      ...cur,
      status: r.status,
      previous: prev.value,
      previousN: prev.n,
      change: r.change,
      threshold: p.amount,
      summary,
    };
  }

  const p = rule.parsed;
  // The running week or month is left out: the latest complete one is checked against those before.
  const running = seriesPeriods(now, p.granularity, 1)[0] as Period;
  const periods = seriesPeriods(running.from, p.granularity, p.periods + 1);
  const values = await Promise.all(periods.map((period) => measure(kpi, period)));
  const latestPeriod = periods[periods.length - 1] as Period;
  const latest = measured(latestPeriod, values[values.length - 1] as KpiMeasurement);
  const r = checkAnomaly(latest, values.slice(0, -1), kpi.direction, p);
  const label = `${p.granularity} of ${isoDay(latestPeriod.from)}`;
  const summary =
    r.status === "no_data"
      ? `${name}: no value in the ${label} (n = ${latest.n})`
      : r.status === "not_enough_history"
        ? `${name}: not enough history (${r.baselinePeriods} of ${p.periods} earlier ${p.granularity}s have a value, 3 needed)`
        : `${name} = ${fmt(latest.value)} (n = ${latest.n}) in the ${label}; the ${r.baselinePeriods} ${p.granularity}s before: mean ${fmt(r.mean)}, sd ${fmt(r.sd)}, z = ${r.z === null ? "∞ (constant history)" : fmt(r.z)} (fires at |z| ≥ ${fmt(p.z)})`;
  return {
    ...out,
    ...latest,
    status: r.status,
    threshold: p.z,
    z: r.z,
    mean: r.mean,
    sd: r.sd,
    baselinePeriods: r.baselinePeriods,
    summary,
  };
}

export interface AppliedCheck {
  check: TRuleCheck;
  raised: TAlert[];
}

/**
 * Runs one check of a stored rule at `now` and records it. A metric rule raises one alert when it
 * goes from ok to firing (a new episode) and stays quiet while it keeps firing; a check that finds
 * it within bounds ends the episode. A check without a value (`no_data`, `not_enough_history`)
 * leaves the episode as it is. A topic rule raises one alert per matching emerging-topic alert.
 * With `scheduled`, the check only runs when the rule still expects it (same schedule version and
 * time) and schedules the next one; otherwise (check now) the schedule is left alone. Returns null
 * for a superseded scheduled check.
 */
export async function runRuleCheck(
  ctx: ReportContext,
  ruleId: string,
  now: Date,
  scheduled?: { version: number; checkAt: string },
): Promise<AppliedCheck | null> {
  const workspaceId = ctx.access.workspaceId;
  const expected = (r: { enabled: boolean; schedule_version: number; next_check_at: Date | null }) =>
    !scheduled ||
    (r.enabled &&
      r.schedule_version === scheduled.version &&
      r.next_check_at !== null &&
      new Date(r.next_check_at).toISOString() === scheduled.checkAt);
  const before = await findAlertRule(ctx.db, workspaceId, ruleId).catch(() => undefined);
  if (!before || !expected(before)) {
    if (!scheduled && !before) await findAlertRule(ctx.db, workspaceId, ruleId); // throws 404
    return null;
  }
  const rule = loadAlertRule(before);
  const since =
    rule.kind === "topic" && rule.last_checked_at
      ? new Date(new Date(rule.last_checked_at).getTime() - TOPIC_OVERLAP_MS)
      : undefined;
  const check = await measureRule(ctx, rule, now, since);

  return ctx.db.transaction().execute(async (tx) => {
    // Under the row lock: a concurrent check of the same rule waits, then sees this one's episode.
    const locked = await tx
      .selectFrom("alert_rules")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", ruleId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked || !expected(locked)) return null;
    const recipients = recipientsOf(locked);
    const base = {
      ruleId,
      ruleName: locked.name,
      kpiId: locked.kpi_id,
      kpiName: before.kpi_name,
      unit: before.kpi_unit,
      value: check.value,
      previous: check.previous,
      change: check.change,
      n: check.n,
      interval: check.interval,
      from: check.from,
      to: check.to,
      threshold: check.threshold,
      z: check.z,
      recipients,
      summary: check.summary,
      link: `/w/${workspaceId}/alert-rules`,
    };
    const alerts: NewAlert[] = [];
    let state = locked.last_state;
    let episode = locked.episode;
    if (rule.kind === "topic") {
      for (const m of check.matches ?? [])
        alerts.push({
          kind: RULE_ALERT_KINDS.topic,
          dedupeKey: `alert-rule:${ruleId}:emerging:${m.alertId}`,
          severity: locked.severity,
          title: `${locked.name}: ${m.title}`,
          details: { ...base, value: m.z, z: m.z, aspect: m.aspect, emergingAlertId: m.alertId },
        });
      state = check.status === "firing" ? "firing" : "ok";
    } else if (check.status === "firing") {
      if (state !== "firing") {
        episode += 1;
        alerts.push({
          kind: RULE_ALERT_KINDS[rule.kind],
          dedupeKey: `alert-rule:${ruleId}:${episode}`,
          severity: locked.severity,
          title: `${locked.name}: ${check.summary}`,
          details: { ...base, episode },
        });
      }
      state = "firing";
    } else if (check.status === "ok") {
      state = "ok";
    }
    const raised = await raiseAlerts(tx, workspaceId, alerts);
    await tx
      .updateTable("alert_rules")
      .set({
        last_state: state,
        episode,
        last_checked_at: now,
        last_value: check.value,
        last_result: JSON.stringify(check),
      })
      .where("id", "=", ruleId)
      .execute();
    if (scheduled)
      await scheduleRuleCheck(
        tx,
        workspaceId,
        ruleId,
        locked.schedule_version,
        nextCheckAfter(now, locked.check_every),
      );
    return { check, raised };
  });
}

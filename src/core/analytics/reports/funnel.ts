import { AppError } from "../../errors.js";
import type { ReportContext } from "../../metrics/report-context.js";
import {
  MAX_BREAKDOWN_GROUPS,
  OTHER_GROUP,
  type TFunnelBreakdown,
  type TFunnelDropped,
  type TFunnelDroppedRequest,
  type TFunnelFigures,
  type TFunnelRequest,
  type TFunnelResult,
} from "../funnel.schema.js";
import { type ResolvedStep, resolveSteps } from "../resolve-steps.js";
import { chDateTime, rangeOf, SqlParams, scopedEvents, windowMs } from "../scope.js";
import { stepsCondition } from "../steps.js";
import { winningAttemptsSql } from "./funnel-units.js";

export type { TFunnelRequest, TFunnelResult } from "../funnel.schema.js";

const BREAKDOWN_COLUMN = { property: "properties", trait: "traits" } as const;

function pathError(pointer: string, path: string, column: string) {
  const message = `"${path}" is not a field: the path starts with ${column} and names a key`;
  return new AppError("validation_failed", `${pointer}: ${message}`, {
    errors: [{ pointer, code: "unknown_path", message }],
  });
}

/** The group of an event as SQL text: its channel, or a property/trait as text ('' when missing or null). */
function groupSql(breakdown: TFunnelBreakdown, params: SqlParams, pointer: string): string {
  if (breakdown.by === "channel") return "channel";
  const column = BREAKDOWN_COLUMN[breakdown.by];
  const [first, ...keys] = breakdown.path.split(".");
  if (first !== column || keys.length === 0 || keys.some((k) => k === ""))
    throw pathError(`${pointer}/breakdown/path`, breakdown.path, column);
  const k = keys.map((key) => params.add("String", key)).join(", ");
  return `multiIf(JSONType(${column}, ${k}) = 'String', JSONExtractString(${column}, ${k}),
    JSONType(${column}, ${k}) = 'Null', '', JSONExtractRaw(${column}, ${k}))`;
}

/**
 * Per unit that has a step-1 event in `[from, to)`: its events up to `to + window` sorted by time (ties
 * by the bitmask of the steps they match, so earlier steps first, then by group) as arrays `ts`,
 * `masks`, `groups`. Only matching events are kept, except for `strict`, where any event may break an attempt.
 */
function sequencesSql(
  ctx: ReportContext,
  q: TFunnelRequest,
  steps: readonly ResolvedStep[],
  range: { from: Date; to: Date },
  params: SqlParams,
  pointer: string,
): string {
  const conditions = steps.map((s, i) => stepsCondition(s.matchers, params, `${pointer}/steps/${i}`));
  const group = q.breakdown ? groupSql(q.breakdown, params, pointer) : "''";
  const until = new Date(range.to.getTime() + windowMs(q.window));
  // Only events matching a step matter (except for strict, where any event can break an attempt):
  // filtering them before identities are joined spares the join most rows.
  const events = scopedEvents(
    ctx.facts,
    ctx.access.workspaceId,
    { from: range.from, to: until },
    q,
    params,
    q.order === "strict" ? "" : `(${conditions.join(" OR ")})`,
  );
  const from = params.add("DateTime64(3, 'UTC')", chDateTime(range.from));
  const to = params.add("DateTime64(3, 'UTC')", chDateTime(range.to));
  const mask = conditions.map((c, i) => `if(${c}, ${2 ** i}, 0)`).join(" + ");
  // Three arrays sorted by the same key rather than one array of tuples: sorting plain arrays by a
  // key is about a third faster on millions of events (and the groups are skipped without breakdown).
  const groups = q.breakdown ? "arraySort((g, t, m) -> (t, m, g), g0, t0, m0)" : "CAST([] AS Array(String))";
  return `(SELECT unit, arraySort(t0) AS ts, arraySort((m, t) -> (t, m), m0, t0) AS masks, ${groups} AS groups
    FROM (
      SELECT unit, groupArray(toUnixTimestamp64Milli(timestamp)) AS t0, groupArray(mask) AS m0,
        ${q.breakdown ? "groupArray(grp)" : "CAST([] AS Array(String))"} AS g0
      FROM (
        SELECT unit, timestamp, toUInt16(${mask}) AS mask, if(bitAnd(mask, 1) = 1, ${group}, '') AS grp
        FROM ${events}
        ${q.order === "strict" ? "" : "WHERE mask > 0"})
      GROUP BY unit
      HAVING countIf(bitAnd(mask, 1) = 1 AND timestamp >= ${from} AND timestamp < ${to}) > 0))`;
}

/** The winning attempt of every unit that entered, as a subquery (unit, times, grp). */
function unitsSql(
  ctx: ReportContext,
  q: TFunnelRequest,
  steps: readonly ResolvedStep[],
  params: SqlParams,
  pointer: string,
): string {
  const range = rangeOf(q);
  const options = {
    stepCount: q.steps.length,
    order: q.order,
    windowMs: windowMs(q.window),
    fromMs: range.from.getTime(),
    toMs: range.to.getTime(),
  };
  return winningAttemptsSql(sequencesSql(ctx, q, steps, range, params, pointer), options, params);
}

type Quantiles = [number | null, number | null];
type FiguresRow = { g?: string; overall?: number; entered: number } & Record<string, number | Quantiles>;

/** Seconds from milliseconds, rounded to 0.1 ms (interpolated quantiles are multiples of it). */
const seconds = (ms: number | null) =>
  ms === null || Number.isNaN(ms) ? null : Math.round(ms * 10) / 10_000;
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function figures(row: FiguresRow | undefined, labels: readonly string[]): TFunnelFigures {
  const entered = row?.entered ?? 0;
  const reached = labels.map((_, k) => (row?.[`r${k}`] as number | undefined) ?? 0);
  const steps = labels.map((label, k) => {
    const r = reached[k] as number;
    const before = k === 0 ? entered : (reached[k - 1] as number);
    const q = (k > 0 && r > 0 ? row?.[`q${k}`] : undefined) as Quantiles | undefined;
    return {
      index: k,
      label,
      reached: r,
      conversion: ratio(r, entered),
      stepConversion: ratio(r, before),
      medianSeconds: seconds(q?.[0] ?? null),
      p90Seconds: seconds(q?.[1] ?? null),
      dropped: before - r,
    };
  });
  return { entered, steps, overallConversion: ratio(reached[labels.length - 1] as number, entered) };
}

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The funnel report (docs/api/journey-analytics.md §3, DESIGN §3 "Funnel"). */
export async function funnel(
  ctx: ReportContext,
  q: TFunnelRequest,
  pointer = "/body",
): Promise<TFunnelResult> {
  const steps = await resolveSteps(ctx.db, ctx.access.workspaceId, q.steps, `${pointer}/steps`);
  const params = new SqlParams();
  const units = unitsSql(ctx, q, steps, params, pointer);
  const labels = steps.map((s) => s.label);
  const measures = labels
    .map((_, k) => {
      const reached = `countIf(length(times) > ${k}) AS r${k}`;
      if (k === 0) return reached;
      const q = `quantilesExactInclusiveIf(0.5, 0.9)(times[${k + 1}] - times[${k}], length(times) > ${k}) AS q${k}`;
      return `${reached}, ${q}`;
    })
    .join(", ");
  if (!q.breakdown) {
    const [row] = await ctx.facts.query<FiguresRow>(
      `SELECT count() AS entered, ${measures} FROM ${units}`,
      params.values,
    );
    return figures(row, labels);
  }
  // The largest groups by units (ties by name) keep their name; the rest are one "(other)" group.
  const top = params.add("UInt32", MAX_BREAKDOWN_GROUPS);
  const other = params.add("String", OTHER_GROUP);
  const rows = await ctx.facts.query<FiguresRow>(
    `SELECT g, grouping(g) AS overall, count() AS entered, ${measures}
    FROM (
      SELECT times, if(dense_rank() OVER (ORDER BY size DESC, grp) <= ${top}, grp, ${other}) AS g
      FROM (SELECT times, grp, count() OVER (PARTITION BY grp) AS size FROM ${units}))
    GROUP BY GROUPING SETS ((g), ())`,
    params.values,
  );
  const groups = rows
    .filter((r) => r.overall === 0)
    .sort(
      (a, b) =>
        Number(a.g === OTHER_GROUP) - Number(b.g === OTHER_GROUP) ||
        b.entered - a.entered ||
        byBytes(a.g ?? "", b.g ?? ""),
    );
  return {
    ...figures(
      rows.find((r) => r.overall === 1),
      labels,
    ),
    breakdown: groups.map((r) => ({ group: r.g ?? "", ...figures(r, labels) })),
  };
}

const isCustomerId = (unit: string) => !unit.startsWith("user:") && !unit.startsWith("anon:");

/** Units that reached step − 1 but not `step`, those that got there first first. */
export async function funnelDropped(
  ctx: ReportContext,
  q: TFunnelDroppedRequest,
  pointer = "/body",
): Promise<TFunnelDropped> {
  if (q.step >= q.steps.length) {
    const message = `the funnel has ${q.steps.length} steps: step is at most ${q.steps.length - 1}`;
    throw new AppError("validation_failed", `${pointer}/step: ${message}`, {
      errors: [{ pointer: `${pointer}/step`, code: "too_big", message }],
    });
  }
  const steps = await resolveSteps(ctx.db, ctx.access.workspaceId, q.steps, `${pointer}/steps`);
  const params = new SqlParams();
  const units = unitsSql(ctx, { ...q, breakdown: undefined }, steps, params, pointer);
  const step = params.add("UInt32", q.step);
  const limit = params.add("UInt32", q.limit);
  const rows = await ctx.facts.query<{ unit: string; at: number; total: number }>(
    `SELECT unit, times[${step}] AS at, count() OVER () AS total FROM ${units}
    WHERE length(times) = ${step} ORDER BY at, unit LIMIT ${limit}`,
    params.values,
  );
  return {
    items: rows.map((r) => ({
      unit: r.unit,
      customerId: isCustomerId(r.unit) ? r.unit : null,
      reachedAt: new Date(r.at).toISOString(),
    })),
    total: rows[0]?.total ?? 0,
  };
}

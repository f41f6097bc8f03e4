import type { Db } from "../../db/connect.js";
import { AppError, invalid, isAppError } from "../../errors.js";
import type { ReportContext } from "../../metrics/report-context.js";
import { journeySteps } from "../journey-steps.js";
import { type ResolvedStep, resolveSteps } from "../resolve-steps.js";
import { chDateTime, rangeOf, SqlParams, scopedEvents, type TScope, windowMs } from "../scope.js";
import { stepsCondition, type TStep } from "../steps.js";
import {
  DEFAULT_WAIT_BUCKETS,
  type TSlowestHandovers,
  type TSlowestHandoversRequest,
  type TWaitingTimes,
  type TWaitingTimesRequest,
} from "../waiting-times.schema.js";

/**
 * Resolves named steps (`{ fromStep, toStep }`) with `resolveSteps`, whose errors point into an array:
 * they are re-pointed at the named fields (`/body/fromStep/where`, `/body/toStep/touchpointId`).
 */
export async function resolveNamedSteps<K extends string>(
  db: Db,
  workspaceId: string,
  steps: Record<K, TStep>,
): Promise<Record<K, ResolvedStep>> {
  const keys = Object.keys(steps) as K[];
  const base = "/body/~steps";
  try {
    const resolved = await resolveSteps(
      db,
      workspaceId,
      keys.map((k) => steps[k]),
      base,
    );
    return Object.fromEntries(keys.map((k, i) => [k, resolved[i]])) as Record<K, ResolvedStep>;
  } catch (e) {
    if (!isAppError(e) || e.errors.length === 0) throw e;
    const repoint = (text: string) =>
      text.replace(/\/body\/~steps\/(\d+)/g, (_, i: string) => `/body/${keys[Number(i)] ?? i}`);
    throw new AppError(e.code, repoint(e.message), {
      errors: e.errors.map((err) => ({
        ...err,
        pointer: repoint(err.pointer),
        message: repoint(err.message),
      })),
    });
  }
}

/**
 * The waits of several step pairs in one pass as a subquery with columns `pair` (1-based), `unit`,
 * `start` (the `from` event's time) and `w` (seconds). `conditions` are step conditions; pair k waits
 * from `conditions[pairs[k-1][0]]` to `conditions[pairs[k-1][1]]` (0-based indexes). Per pair and unit,
 * the `from` and `to` events in time order (at equal times a pure `from` first, then events matching
 * both, then pure `to` events); a `from` event whose next such event is a `to` event at most the window
 * later is a wait. A `from` followed by another `from` thus starts over at the later one. Waits start
 * in `[from, to)`; their `to` event may lie up to the window past `to`.
 */
export function waitsSql(
  ctx: ReportContext,
  range: { from: Date; to: Date },
  scope: Pick<TScope, "includeWithoutConsent">,
  conditions: readonly string[],
  pairs: readonly (readonly [number, number])[],
  winMs: number,
  params: SqlParams,
): string {
  // Only events matching a step take part: filtered before identities are joined.
  const events = scopedEvents(
    ctx.facts,
    ctx.access.workspaceId,
    { from: range.from, to: new Date(range.to.getTime() + winMs) },
    scope,
    params,
    `(${conditions.join(" OR ")})`,
  );
  const to = params.add("DateTime64(3, 'UTC')", chDateTime(range.to));
  const win = params.add("Int64", winMs);
  const froms = params.add(
    "Array(UInt32)",
    pairs.map(([f]) => f + 1),
  );
  const tos = params.add(
    "Array(UInt32)",
    pairs.map(([, t]) => t + 1),
  );
  const flags = conditions.map((c) => `toUInt8(${c})`).join(", ");
  return `(SELECT pair, unit, ts AS start, (toUnixTimestamp64Milli(next_ts) - toUnixTimestamp64Milli(ts)) / 1000 AS w
    FROM (
      SELECT pair, unit, ts, is_from,
        leadInFrame(ts) OVER following AS next_ts,
        leadInFrame(is_to) OVER following AS next_is_to
      FROM (
        SELECT pair, unit, ts, arrayElement(m, arrayElement(${froms}, pair)) AS is_from,
          arrayElement(m, arrayElement(${tos}, pair)) AS is_to
        FROM (
          SELECT unit, timestamp AS ts, [${flags}] AS m FROM ${events} AS ev WHERE has(m, toUInt8(1))
        )
        ARRAY JOIN arrayEnumerate(${froms}) AS pair
        WHERE is_from = 1 OR is_to = 1
      )
      WINDOW following AS (PARTITION BY pair, unit ORDER BY ts ASC, is_to ASC, is_from DESC
        ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)
    )
    WHERE is_from = 1 AND next_is_to = 1 AND ts < ${to}
      AND toUnixTimestamp64Milli(next_ts) - toUnixTimestamp64Milli(ts) <= ${win})`;
}

/** Seconds to 0.1 ms, as the funnel; NaN/null (no values) → null. */
const secs = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(Number(v))
    ? null
    : Math.round(Number(v) * 10_000) / 10_000;

interface SummaryRow {
  n: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
  over: number;
  atLeast: number[];
}

/** Waiting times between two steps (docs/api/journey-analytics.md §4). */
export async function waitingTimes(
  ctx: ReportContext,
  input: TWaitingTimesRequest,
  now = new Date(),
): Promise<TWaitingTimes> {
  const workspaceId = ctx.access.workspaceId;
  const { fromStep, toStep } = await resolveNamedSteps(ctx.db, workspaceId, {
    fromStep: input.fromStep,
    toStep: input.toStep,
  });
  const params = new SqlParams();
  const conditions = [
    stepsCondition(fromStep.matchers, params, "/body/fromStep"),
    stepsCondition(toStep.matchers, params, "/body/toStep"),
  ];
  const waits = waitsSql(
    ctx,
    rangeOf(input, now),
    input,
    conditions,
    [[0, 1]],
    windowMs(input.window),
    params,
  );
  const bounds = input.buckets ?? [...DEFAULT_WAIT_BUCKETS];
  const lows = params.add("Array(Float64)", [0, ...bounds]);
  const target = params.add("Float64", input.targetSeconds ?? 0);
  const tz = params.add("String", input.timezone);

  // One pass over the waits: the weeks and (the empty grouping set) the whole range.
  const rows = await ctx.facts.query<SummaryRow & { week: string; p90: number }>(
    `SELECT week, count() AS n,
        quantileExactInclusive(0.5)(w) AS median,
        quantileExactInclusive(0.9)(w) AS p90,
        avg(w) AS mean,
        countIf(w > ${target}) AS over,
        sumForEach(arrayMap(lo -> toUInt64(w >= lo), ${lows})) AS atLeast
      FROM (SELECT toString(toMonday(start, ${tz})) AS week, w FROM ${waits} AS waits)
      GROUP BY GROUPING SETS ((week), ())
      ORDER BY week`,
    params.values,
  );
  // The grand total's week is the column default, '' (a real week is a date).
  const summary = rows.find((r) => r.week === "");
  const weekly = rows.filter((r) => r.week !== "");

  const n = Number(summary?.n ?? 0);
  const atLeast = summary?.atLeast?.length ? summary.atLeast.map(Number) : [];
  const edges = [0, ...bounds];
  const histogram = edges.map((lo, i) => ({
    fromSeconds: lo,
    toSeconds: edges[i + 1] ?? null,
    count: n === 0 ? 0 : (atLeast[i] ?? 0) - (atLeast[i + 1] ?? 0),
  }));
  const over = n === 0 ? 0 : Number(summary?.over ?? 0);
  return {
    n,
    medianSeconds: n === 0 ? null : secs(summary?.median),
    p90Seconds: n === 0 ? null : secs(summary?.p90),
    meanSeconds: n === 0 ? null : secs(summary?.mean),
    overTarget: input.targetSeconds === undefined ? null : { count: over, share: n === 0 ? null : over / n },
    histogram,
    weekly: weekly.map((r) => ({
      week: r.week,
      n: Number(r.n),
      medianSeconds: secs(r.median),
      p90Seconds: secs(r.p90),
    })),
  };
}

/**
 * The slowest hand-overs of a journey: for each pair of consecutive mapped steps (steps whose touchpoint
 * has event matchers; unmapped steps in between are skipped), the waiting-time summary, by p90
 * descending. A journey of another workspace, or none, is a 404.
 */
export async function slowestHandovers(
  ctx: ReportContext,
  input: TSlowestHandoversRequest,
  now = new Date(),
): Promise<TSlowestHandovers> {
  const workspaceId = ctx.access.workspaceId;
  const { journey, mapped, skipped, matchers } = await journeySteps(ctx.db, workspaceId, input.journeyId);
  const stepIds = new Set(journey.document.stages.flatMap((s) => s.steps.map((step) => step.id)));
  input.stepTargets?.forEach((t, i) => {
    if (!stepIds.has(t.stepId))
      throw invalid(`/body/stepTargets/${i}/stepId`, `the journey has no step "${t.stepId}"`, "unknown_step");
  });
  if (mapped.length < 2) return { journeyId: journey.id, items: [], skipped };
  // One condition per distinct touchpoint, one pass over the events for all pairs.
  const params = new SqlParams();
  const touchpoints = [...new Set(mapped.map((s) => s.touchpointId))];
  const conditions = touchpoints.map((id) =>
    stepsCondition(matchers.get(id) ?? [], params, `/touchpoints/${id}/eventMatchers`),
  );
  const pairs = mapped
    .slice(1)
    .map(
      (to, i) =>
        [touchpoints.indexOf(mapped[i]?.touchpointId ?? ""), touchpoints.indexOf(to.touchpointId)] as const,
    );
  // Per pair (1-based, as `pair`): the `to` step's own target, else the request's; -1 = none.
  const targetOf = (stepId: string) =>
    input.stepTargets?.find((t) => t.stepId === stepId)?.targetSeconds ?? input.targetSeconds ?? null;
  const pairTargets = mapped.slice(1).map((to) => targetOf(to.stepId));
  const targets = params.add(
    "Array(Float64)",
    pairTargets.map((t) => t ?? -1),
  );
  const waits = waitsSql(ctx, rangeOf(input, now), input, conditions, pairs, windowMs(input.window), params);
  const rows = await ctx.facts.query<{ pair: number; n: number; median: number; p90: number; over: number }>(
    `SELECT pair, count() AS n, quantileExactInclusive(0.5)(w) AS median, quantileExactInclusive(0.9)(w) AS p90,
        countIf(w > arrayElement(${targets}, toUInt32(pair))) AS over
      FROM ${waits} AS waits
      GROUP BY pair`,
    params.values,
  );
  const byPair = new Map(rows.map((r) => [Number(r.pair), r]));
  const items: TSlowestHandovers["items"] = pairs.map((_, i) => {
    const row = byPair.get(i + 1);
    const n = Number(row?.n ?? 0);
    const target = pairTargets[i] ?? null;
    const over = Number(row?.over ?? 0);
    return {
      from: mapped[i] as (typeof mapped)[number],
      to: mapped[i + 1] as (typeof mapped)[number],
      n,
      medianSeconds: n === 0 ? null : secs(row?.median),
      p90Seconds: n === 0 ? null : secs(row?.p90),
      targetSeconds: target,
      overTarget: target === null ? null : { count: over, share: n === 0 ? null : over / n },
    };
  });
  // Stable sort: equal p90s and pairs without waits keep journey order.
  items.sort((a, b) => (b.p90Seconds ?? -1) - (a.p90Seconds ?? -1));
  return { journeyId: journey.id, items, skipped };
}

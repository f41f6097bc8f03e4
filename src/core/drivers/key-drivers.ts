import { feedbackInstanceLinksSql } from "../analytics/instances/feedback-links.js";
import { instancesSql, LONGEST_WAIT_SECONDS_SQL } from "../analytics/instances/instances-sql.js";
import { chDateTime, rangeOf, SqlParams } from "../analytics/scope.js";
import { DEFAULT_XO_WAIT_BUCKETS } from "../analytics/xo.schema.js";
import { AppError } from "../errors.js";
import { loadJourney } from "../journeys/load-journey.js";
import { metricFromBuckets, type RatingBucket } from "../metrics/definitions.js";
import type { ReportContext } from "../metrics/report-context.js";
import { loadTaxonomy } from "../text/aspects/get-taxonomy.js";
import { bootstrapWeights, DEFAULT_SEED, quantile } from "./bootstrap.js";
import {
  DETRACTOR_MAX,
  MAX_DRIVERS,
  QUADRANTS,
  type TDriverOutcome,
  type TKeyDriver,
  type TKeyDrivers,
  type TKeyDriversRequest,
  ZKeyDriversRequest,
} from "./key-drivers.schema.js";
import { DriverAnalysisError, relativeWeights } from "./relative-weights.js";

const DEFINITION =
  "Johnson's relative weights on standardised drivers: raw weights ε sum to R² of the OLS model; " +
  "share = ε / R²; sign of the driver–outcome correlation; 95 % bootstrap percentile intervals; " +
  "significant = the weight beats a random noise driver in 95 % of resamples";

/** Ratings that describe a touchpoint or stage (NPS is the outcome, never a driver). */
const DRIVER_METRICS = ["csat", "ces", "rating"];

interface Scale {
  min: number;
  max: number;
  higherIsBetter: boolean;
}

interface DriverData {
  key: string;
  label: string;
  scale: Scale;
  /** Observed values by respondent. */
  values: Map<string, number>;
}

interface Collected {
  outcome: Map<string, number>;
  drivers: DriverData[];
  /** Respondents whose missing value counts as 0 (aspects: absent = 0), not as missing. */
  absentIsZero: boolean;
}

const median = (xs: readonly number[]): number | null =>
  xs.length === 0
    ? null
    : quantile(
        [...xs].sort((a, b) => a - b),
        0.5,
      );

/** The outcome's per-respondent value: mean NPS (0–10), mean CSAT (1–5), or detractor (mean NPS ≤ 6 → 1). */
const outcomeValue = (outcome: TDriverOutcome, mean: number) =>
  outcome === "detractor" ? (mean <= DETRACTOR_MAX ? 1 : 0) : mean;

/** SQL condition on an exploded rating (m, v, lo, hi) that makes it an outcome rating. */
function outcomeCondition(outcome: TDriverOutcome): string {
  // NPS is a likelihood to recommend wherever asked; CSAT is the overall one only outside a touchpoint
  // or step (CSAT at a touchpoint is that touchpoint's driver rating).
  return outcome === "csat"
    ? "m = 'csat' AND lo = 1 AND hi = 5 AND touchpoint_id = '' AND step_id = ''"
    : "m = 'nps' AND lo = 0 AND hi = 10";
}

/**
 * Key driver analysis (docs/api/measure-the-gap.md §1): which touchpoint / stage ratings, text aspects
 * or operational factors explain an outcome (overall NPS, overall CSAT, detractor), by Johnson's relative
 * weights, with bootstrap intervals, performance and the importance × performance quadrant.
 */
export async function keyDrivers(
  ctx: ReportContext,
  input: TKeyDriversRequest,
  now = new Date(),
): Promise<TKeyDrivers> {
  const workspaceId = ctx.access.workspaceId;
  const journey = input.journeyId ? await loadJourney(ctx.db, workspaceId, input.journeyId) : null;
  const range = rangeOf(input, now);
  const collected =
    input.driverSet === "operations"
      ? await collectOperations(ctx, input, range, journey?.id as string, now)
      : await collectFeedback(ctx, input, range, journey);
  const aspectCosts =
    input.driverSet === "aspects" ? await aspectCostsOf(ctx, range, journey?.id ?? null) : null;
  return analyse(input, collected, journey?.id ?? null, aspectCosts);
}

/** The scoped feedback records (finished, unflagged, undeleted, received in [from, to), of the journey). */
function recordsSql(
  ctx: ReportContext,
  range: { from: Date; to: Date },
  journeyId: string | null,
  params: SqlParams,
  extra = "",
): string {
  const db = ctx.facts.database;
  const ws = params.add("UUID", ctx.access.workspaceId);
  const from = params.add("DateTime64(3, 'UTC')", chDateTime(range.from));
  const to = params.add("DateTime64(3, 'UTC')", chDateTime(range.to));
  const journey = journeyId ? `AND journey_id = ${params.add("String", journeyId)}` : "";
  // The respondent: the record's customer id, else the record alone.
  return `(SELECT feedback_id, customer_id AS c, received_at, touchpoint_id, stage_id, step_id,
        if(customer_id != '', concat('c:', customer_id), concat('f:', toString(feedback_id))) AS unit,
        rating_metrics, rating_values, rating_mins, rating_maxs
      FROM ${db}.feedback FINAL
      WHERE workspace_id = ${ws} AND deleted = 0 AND finished = 1 AND flagged = 0
        AND received_at >= ${from} AND received_at < ${to} ${journey} ${extra})`;
}

/** One row per rating of the records: feedback_id, unit (when the records have it), links, m, v, lo, hi. */
const exploded = (records: string, unit = true) => `(SELECT feedback_id, ${unit ? "unit, stage_id," : ""}
      touchpoint_id, step_id, m, v, lo, hi
    FROM ${records} AS rr
    ARRAY JOIN rating_metrics AS m, rating_values AS v, rating_mins AS lo, rating_maxs AS hi)`;

/** The aspects mentioned per record: one row per (feedback_id, key, polarity). */
function aspectRowsSql(ctx: ReportContext, params: SqlParams): string {
  const ws = params.add("UUID", ctx.access.workspaceId);
  return `(SELECT feedback_id, key, pol FROM ${ctx.facts.database}.feedback_text FINAL
      ARRAY JOIN aspect_keys AS key, aspect_polarities AS pol
      WHERE workspace_id = ${ws} AND deleted = 0)`;
}

async function collectFeedback(
  ctx: ReportContext,
  input: TKeyDriversRequest,
  range: { from: Date; to: Date },
  journey: Awaited<ReturnType<typeof loadJourney>> | null,
): Promise<Collected> {
  const params = new SqlParams();
  const records = recordsSql(ctx, range, journey?.id ?? null, params);
  const outcomeSql = `SELECT unit, avg(v) AS y FROM ${exploded(records)} AS e
      WHERE ${outcomeCondition(input.outcome)} GROUP BY unit`;
  let driverSql: string;
  if (input.driverSet === "aspects") {
    // Present with the sign of the summed polarity of the respondent's mentions (−1/0/1).
    driverSql = `SELECT r.unit AS unit, a.key AS key, toFloat64(sign(sum(a.pol))) AS x
        FROM ${records} AS r INNER JOIN ${aspectRowsSql(ctx, params)} AS a ON a.feedback_id = r.feedback_id
        GROUP BY unit, key`;
  } else {
    const column = input.driverSet === "stages" ? "stage_id" : "touchpoint_id";
    const metrics = params.add("Array(String)", DRIVER_METRICS);
    // Mean rating on the workshop scale 1–5: v on [lo, hi] → 1 + 4·(v − lo)/(hi − lo).
    driverSql = `SELECT unit, ${column} AS key, avg(1 + 4 * (v - lo) / (hi - lo)) AS x
        FROM ${exploded(records)} AS e
        WHERE ${column} != '' AND has(${metrics}, m) AND hi > lo
        GROUP BY unit, key`;
  }
  const [outcomeRows, driverRows] = await Promise.all([
    ctx.facts.query<{ unit: string; y: number }>(outcomeSql, params.values),
    ctx.facts.query<{ unit: string; key: string; x: number }>(driverSql, params.values),
  ]);
  const outcome = new Map(outcomeRows.map((r) => [r.unit, outcomeValue(input.outcome, Number(r.y))]));
  const byKey = new Map<string, Map<string, number>>();
  for (const r of driverRows) {
    if (!outcome.has(r.unit)) continue;
    const m = byKey.get(r.key) ?? new Map<string, number>();
    m.set(r.unit, Number(r.x));
    byKey.set(r.key, m);
  }
  const labels = await driverLabels(ctx, input, [...byKey.keys()], journey);
  const scale: Scale =
    input.driverSet === "aspects"
      ? { min: -1, max: 1, higherIsBetter: true }
      : { min: 1, max: 5, higherIsBetter: true };
  return {
    outcome,
    absentIsZero: input.driverSet === "aspects",
    drivers: [...byKey].map(([key, values]) => ({ key, label: labels.get(key) ?? key, scale, values })),
  };
}

async function driverLabels(
  ctx: ReportContext,
  input: TKeyDriversRequest,
  keys: string[],
  journey: Awaited<ReturnType<typeof loadJourney>> | null,
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  if (input.driverSet === "stages")
    return new Map((journey?.document.stages ?? []).map((s) => [s.id, s.name]));
  if (input.driverSet === "aspects") {
    const { taxonomy } = await loadTaxonomy(ctx.db, ctx.access.workspaceId);
    return new Map(taxonomy.aspects.map((a) => [a.key, a.label.de]));
  }
  const uuids = keys.filter((k) => /^[0-9a-f-]{36}$/i.test(k));
  if (uuids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom("touchpoints")
    .select(["id", "name"])
    .where("workspace_id", "=", ctx.access.workspaceId)
    .where("id", "in", uuids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Operational drivers: the respondent is a journey instance started in [from, to) with linked feedback
 * (X+O linking) carrying an outcome rating; drivers are its longest-wait bucket (0 … 4 over the X+O
 * default bounds 1 h, 1 d, 3 d, 7 d), its number of contacts and dropped (1) or not (0).
 */
async function collectOperations(
  ctx: ReportContext,
  input: TKeyDriversRequest,
  range: { from: Date; to: Date },
  journeyId: string,
  now: Date,
): Promise<Collected> {
  const params = new SqlParams();
  const inst = instancesSql(ctx.facts, ctx.access.workspaceId, journeyId, range, params, {
    inactivityDays: input.inactivityDays,
    now,
  });
  // Linked records of the journey, received at any time (a record links within its instance's grace).
  const db = ctx.facts.database;
  const ws = params.add("UUID", ctx.access.workspaceId);
  const records = `(SELECT feedback_id, customer_id AS c, received_at, touchpoint_id, step_id,
        rating_metrics, rating_values, rating_mins, rating_maxs
      FROM ${db}.feedback FINAL
      WHERE workspace_id = ${ws} AND journey_id = ${params.add("String", journeyId)} AND deleted = 0
        AND finished = 1 AND flagged = 0 AND customer_id != '')`;
  const links = feedbackInstanceLinksSql(ctx.facts, ctx.access.workspaceId, journeyId, records, params);
  const bounds = params.add("Array(Float64)", [...DEFAULT_XO_WAIT_BUCKETS]);
  const rows = await ctx.facts.query<{
    unit: string;
    y: number;
    wait_bucket: number;
    contacts: number;
    dropped: number;
  }>(
    `SELECT concat(i.unit, '#', toString(i.seq)) AS unit, o.y AS y,
        arrayCount(lo -> ${LONGEST_WAIT_SECONDS_SQL} >= lo, ${bounds}) AS wait_bucket,
        i.contacts AS contacts, toUInt8(i.status = 'dropped') AS dropped
      FROM ${inst} AS i
      INNER JOIN (SELECT l.unit AS unit, l.seq AS seq, avg(e.v) AS y
          FROM ${links} AS l INNER JOIN ${exploded(records, false)} AS e ON e.feedback_id = l.feedback_id
          WHERE ${outcomeCondition(input.outcome)}
          GROUP BY unit, seq) AS o ON o.unit = i.unit AND o.seq = i.seq`,
    params.values,
  );
  const outcome = new Map(rows.map((r) => [r.unit, outcomeValue(input.outcome, Number(r.y))]));
  const column = (k: "wait_bucket" | "contacts" | "dropped") =>
    new Map(rows.map((r) => [r.unit, Number(r[k])]));
  const maxContacts = Math.max(1, ...rows.map((r) => Number(r.contacts)));
  return {
    outcome,
    absentIsZero: false,
    drivers: [
      {
        key: "wait_bucket",
        label: "Longest wait (bucket: <1 h, <1 d, <3 d, <7 d, ≥7 d)",
        scale: { min: 0, max: DEFAULT_XO_WAIT_BUCKETS.length, higherIsBetter: false },
        values: column("wait_bucket"),
      },
      {
        key: "contacts",
        label: "Contacts",
        scale: { min: 0, max: maxContacts, higherIsBetter: false },
        values: column("contacts"),
      },
      {
        key: "dropped",
        label: "Dropped",
        scale: { min: 0, max: 1, higherIsBetter: false },
        values: column("dropped"),
      },
    ],
  };
}

/** NPS(all) − NPS(responses not mentioning the aspect), per aspect, over the scoped NPS ratings. */
async function aspectCostsOf(
  ctx: ReportContext,
  range: { from: Date; to: Date },
  journeyId: string | null,
): Promise<NonNullable<TKeyDrivers["aspectCosts"]>> {
  const params = new SqlParams();
  const records = recordsSql(ctx, range, journeyId, params);
  const rows = await ctx.facts.query<{ value: number; keys: string[]; count: number }>(
    `SELECT e.v AS value, a.keys AS keys, count() AS count
      FROM ${exploded(records)} AS e
      LEFT JOIN (SELECT feedback_id, groupUniqArray(key) AS keys FROM ${aspectRowsSql(ctx, params)} AS ar
        GROUP BY feedback_id) AS a ON a.feedback_id = e.feedback_id
      WHERE m = 'nps' AND lo = 0 AND hi = 10
      GROUP BY value, keys`,
    params.values,
  );
  const bucket = (value: number, count: number): RatingBucket => ({ value, min: 0, max: 10, count });
  const all = metricFromBuckets(
    "nps",
    rows.map((r) => bucket(Number(r.value), Number(r.count))),
  );
  const keys = [...new Set(rows.flatMap((r) => r.keys))].sort();
  const { taxonomy } = await loadTaxonomy(ctx.db, ctx.access.workspaceId);
  const labels = new Map(taxonomy.aspects.map((a) => [a.key, a.label.de]));
  return keys
    .map((key) => {
      const without = rows.filter((r) => !r.keys.includes(key));
      const n = rows.filter((r) => r.keys.includes(key)).reduce((s, r) => s + Number(r.count), 0);
      const w = metricFromBuckets(
        "nps",
        without.map((r) => bucket(Number(r.value), Number(r.count))),
      );
      const cost =
        all.value === null || w.value === null ? null : Math.round((all.value - w.value) * 10) / 10;
      return {
        key,
        label: labels.get(key) ?? key,
        n,
        nps: all.value,
        npsWithout: w.value,
        nWithout: w.n,
        cost,
      };
    })
    .sort((a, b) => (a.cost ?? 0) - (b.cost ?? 0) || a.key.localeCompare(b.key));
}

const unprocessable = (e: DriverAnalysisError) =>
  new AppError("unprocessable", e.message, {
    errors: [{ pointer: "/body/driverSet", code: e.code, message: e.message }],
  });

/** Selects the drivers, builds the respondent × driver matrix, weighs, bootstraps and classifies. */
function analyse(
  input: TKeyDriversRequest,
  data: Collected,
  journeyId: string | null,
  aspectCosts: TKeyDrivers["aspectCosts"],
): TKeyDrivers {
  const units = [...data.outcome.keys()].sort();
  const excluded: TKeyDrivers["excluded"] = [];
  const observed = (d: DriverData) => d.values.size;
  const ranked = [...data.drivers].sort((a, b) => observed(b) - observed(a) || a.key.localeCompare(b.key));
  let chosen: DriverData[] = [];
  for (const d of ranked) {
    if (observed(d) < input.minN)
      excluded.push({ key: d.key, label: d.label, n: observed(d), reason: "min_n" });
    else if (chosen.length >= MAX_DRIVERS)
      excluded.push({ key: d.key, label: d.label, n: observed(d), reason: "too_many" });
    else chosen.push(d);
  }

  // The value of driver d for unit u: observed, 0 for an absent aspect, the mean (missing: mean), or NaN.
  const means = new Map(
    chosen.map((d) => [d.key, [...d.values.values()].reduce((s, v) => s + v, 0) / observed(d)]),
  );
  const cell = (d: DriverData, u: string): number => {
    const v = d.values.get(u);
    if (v !== undefined) return v;
    if (data.absentIsZero) return 0;
    return input.missing === "mean" ? (means.get(d.key) as number) : Number.NaN;
  };
  // Drivers constant over the rows that enter the model are left out, until none is.
  let rows: { x: number[]; y: number }[] = [];
  for (;;) {
    rows = units
      .map((u) => ({ x: chosen.map((d) => cell(d, u)), y: data.outcome.get(u) as number }))
      .filter((r) => r.x.every(Number.isFinite));
    const constant = chosen.findIndex((_, j) => rows.every((r) => r.x[j] === rows[0]?.x[j]));
    if (constant < 0 || rows.length === 0) break;
    const d = chosen[constant] as DriverData;
    excluded.push({ key: d.key, label: d.label, n: observed(d), reason: "constant" });
    chosen = chosen.filter((_, j) => j !== constant);
  }
  const empty = (n: number): TKeyDrivers => ({
    outcome: input.outcome,
    driverSet: input.driverSet,
    journeyId,
    method: "johnson_relative_weights",
    definition: DEFINITION,
    missing: input.missing,
    n,
    r2: null,
    respondents: units.length,
    drivers: [],
    excluded,
    medians: { share: null, performance: null },
    bootstrap: null,
    aspectCosts,
  });
  if (chosen.length === 0) return empty(0);

  const names = chosen.map((d) => d.key);
  const x = rows.map((r) => r.x);
  const y = rows.map((r) => r.y);
  let result: ReturnType<typeof relativeWeights>;
  try {
    result = relativeWeights(x, y, names);
  } catch (e) {
    if (e instanceof DriverAnalysisError) throw unprocessable(e);
    throw e;
  }
  const seed = input.seed ?? DEFAULT_SEED;
  const boot =
    input.resamples > 0 ? bootstrapWeights(x, y, names, { resamples: input.resamples, seed }) : null;

  // Performance: mean observed value; goodness on 0–1 (higher = better) for the quadrant.
  const perf = chosen.map((d) => {
    const vals = [...d.values.values()];
    return vals.reduce((s, v) => s + v, 0) / vals.length;
  });
  const goodness = chosen.map((d, j) => {
    const g =
      d.scale.max > d.scale.min ? ((perf[j] as number) - d.scale.min) / (d.scale.max - d.scale.min) : 0;
    return d.scale.higherIsBetter ? g : 1 - g;
  });
  const shares = result.weights.map((w) => w.share);
  const medShare = median(shares) as number;
  const medGood = median(goodness) as number;
  const drivers: TKeyDriver[] = chosen.map((d, j) => {
    const w = result.weights[j] as (typeof result.weights)[number];
    const important = w.share >= medShare;
    const good = (goodness[j] as number) >= medGood;
    const quadrant = important ? (good ? QUADRANTS[0] : QUADRANTS[1]) : good ? QUADRANTS[2] : QUADRANTS[3];
    const iv = boot?.intervals[j];
    return {
      key: d.key,
      label: d.label,
      weight: w.weight,
      share: w.share,
      sign: w.sign,
      ci: iv && Number.isFinite(iv.ci[0]) ? iv.ci : null,
      significant: iv ? iv.significant : null,
      n: observed(d),
      performance: perf[j] as number,
      scale: d.scale,
      quadrant,
    };
  });
  drivers.sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));
  return {
    ...empty(result.n),
    r2: result.r2,
    drivers,
    medians: { share: medShare, performance: medGood },
    bootstrap: boot ? { resamples: boot.resamples, seed, level: 0.95 } : null,
  };
}

/**
 * Importance of each touchpoint for the experience gap's blindspot matrix: the touchpoint drivers'
 * share of R² (Johnson's relative weights, no bootstrap) and n. Respondents rate a few touchpoints each,
 * so a missing rating counts as the touchpoint's mean unless `missing: "listwise"` is asked for. Empty
 * when the data allow no model (too few respondents, a singular matrix).
 */
export async function touchpointImportance(
  ctx: ReportContext,
  opts: {
    from?: string;
    to?: string;
    journeyId?: string;
    outcome?: TDriverOutcome;
    minN?: number;
    missing?: "listwise" | "mean";
  },
): Promise<Map<string, { share: number; n: number }>> {
  const input = ZKeyDriversRequest.parse({
    missing: "mean",
    ...opts,
    driverSet: "touchpoints",
    resamples: 0,
  });
  try {
    const r = await keyDrivers(ctx, input);
    return new Map(r.drivers.map((d) => [d.key, { share: d.share, n: d.n }]));
  } catch (e) {
    if (e instanceof AppError && e.code === "unprocessable") return new Map();
    throw e;
  }
}

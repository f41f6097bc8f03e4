import { chDateTime, rangeOf, SqlParams } from "../analytics/scope.js";
import { touchpointImportance } from "../drivers/key-drivers.js";
import { isUuid } from "../ids.js";
import { loadJourney } from "../journeys/load-journey.js";
import { proportionMetric } from "../metrics/proportion.js";
import type { ReportContext } from "../metrics/report-context.js";
import { clamp, MEAN_DECIMALS, type MetricValue, roundTo, warningFor } from "../metrics/types.js";
import {
  INTERNAL_GOOD_FROM,
  type TGapClass,
  type TGapFigures,
  type TGapReport,
  type TGapRequest,
  type TTouchpointGap,
} from "./gap.schema.js";
import { findRoundRow, type RoundRow } from "./round-row.js";
import { journeyTouchpointIds } from "./rounds.js";

/** The normal quantile of the 95 % intervals of means and of the gap (as src/core/metrics/mean.ts). */
const Z = 1.96;
const SCALE = { min: 1, max: 5 } as const;

/** Count, sum and sum of squares of values: enough to pool groups exactly. */
export interface Moments {
  n: number;
  sum: number;
  squares: number;
}
const EMPTY: Moments = { n: 0, sum: 0, squares: 0 };
const add = (a: Moments, b: Moments): Moments => ({
  n: a.n + b.n,
  sum: a.sum + b.sum,
  squares: a.squares + b.squares,
});
const momentsOf = (values: readonly number[]): Moments =>
  values.reduce<Moments>((m, v) => add(m, { n: 1, sum: v, squares: v * v }), EMPTY);
const variance = (m: Moments): number | null =>
  m.n < 2 ? null : Math.max(0, (m.squares - (m.sum * m.sum) / m.n) / (m.n - 1));

/**
 * A mean with its 95 % normal-approximation interval, mean ± 1.96·s/√n (s with n − 1), kept inside
 * the scale, two decimals: the same definition as `meanFromHistogram` in src/core/metrics/mean.ts,
 * for values that are not whole numbers (customer ratings normalised to 1–5 are fractions).
 */
export function meanFromMoments(m: Moments, scale: { min: number; max: number } = SCALE): MetricValue {
  if (m.n === 0) return { n: 0, value: null, interval: null, warning: null };
  const mean = m.sum / m.n;
  const v = variance(m);
  const half = v === null ? null : (Z * Math.sqrt(v)) / Math.sqrt(m.n);
  return {
    n: m.n,
    value: roundTo(mean, MEAN_DECIMALS),
    interval:
      half === null
        ? null
        : {
            low: roundTo(clamp(mean - half, scale.min, scale.max), MEAN_DECIMALS),
            high: roundTo(clamp(mean + half, scale.min, scale.max), MEAN_DECIMALS),
            level: 0.95,
            method: "normal_mean",
          },
    warning: warningFor(m.n),
  };
}

/**
 * internal − measured with a Welch normal-approximation interval: ± 1.96·√(s₁²/n₁ + s₂²/n₂). A side
 * with a single value has no spread and counts as fixed (its term is 0); no interval when neither
 * side has a spread.
 */
export function gapOf(internal: Moments, measured: Moments): TGapFigures["gap"] {
  if (internal.n === 0 || measured.n === 0) return { value: null, interval: null };
  const diff = internal.sum / internal.n - measured.sum / measured.n;
  const vi = variance(internal);
  const vm = variance(measured);
  if (vi === null && vm === null) return { value: roundTo(diff, MEAN_DECIMALS), interval: null };
  const se = Math.sqrt((vi ?? 0) / internal.n + (vm ?? 0) / measured.n);
  return {
    value: roundTo(diff, MEAN_DECIMALS),
    interval: {
      low: roundTo(diff - Z * se, MEAN_DECIMALS),
      high: roundTo(diff + Z * se, MEAN_DECIMALS),
      level: 0.95,
      method: "welch_normal",
    },
  };
}

/** One group of linked feedback: same touchpoint, journey and step. */
interface FeedbackGroup {
  touchpointId: string;
  journeyId: string;
  stepId: string;
  moments: Moments;
  good: number;
  records: number;
}

interface Side {
  internal: number[];
  measured: Moments;
  good: number;
  records: number;
}

function figures(side: Side): TGapFigures {
  const internal = momentsOf(side.internal);
  const internalGood = side.internal.filter((r) => r >= INTERNAL_GOOD_FROM).length;
  return {
    internal: meanFromMoments(internal),
    measured: meanFromMoments(side.measured),
    feedback: side.records,
    gap: gapOf(internal, side.measured),
    internalGood: proportionMetric(internalGood, side.internal.length, "good"),
    customerGood: proportionMetric(side.good, side.measured.n, "good"),
  };
}

/** Median of a list (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * DESIGN §3: a blindspot has gap > threshold and importance above the median; the rest of the
 * over-rated touchpoints are `over_rated`; gap < −threshold is `under_rated`; no gap: `unknown`.
 */
export function classify(gap: number | null, important: boolean, threshold: number): TGapClass {
  if (gap === null) return "unknown";
  if (gap > threshold) return important ? "blindspot" : "over_rated";
  if (gap < -threshold) return "under_rated";
  return "aligned";
}

const CLASS_ORDER: Record<TGapClass, number> = {
  blindspot: 0,
  over_rated: 1,
  aligned: 2,
  under_rated: 3,
  unknown: 4,
};

/** The round a report uses: the one asked for, else the latest closed, else the latest open one. */
async function resolveRound(ctx: ReportContext, roundId: string | undefined): Promise<RoundRow | null> {
  const workspaceId = ctx.access.workspaceId;
  if (roundId !== undefined) return findRoundRow(ctx.db, workspaceId, roundId);
  const base = () =>
    ctx.db.selectFrom("assessment_rounds").selectAll().where("workspace_id", "=", workspaceId);
  return (
    (await base()
      .where("status", "=", "closed")
      .orderBy("closed_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst()) ??
    (await base()
      .where("status", "=", "open")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst()) ??
    null
  );
}

/**
 * The experience gap (docs/api/measure-the-gap.md §2): per touchpoint, and for a journey per step,
 * stage and the whole journey, the internal rating (a round's answers; without any round the
 * touchpoints' stored `internal_rating`) against the customers' ratings of linked feedback on the same
 * 1–5 scale, with n, intervals, the share saying "good" on both sides, and the blindspot classes.
 */
export async function gapReport(
  ctx: ReportContext,
  input: TGapRequest,
  now = new Date(),
): Promise<TGapReport> {
  const { db, facts } = ctx;
  const workspaceId = ctx.access.workspaceId;
  const round = await resolveRound(ctx, input.roundId);
  const journeyId = input.journeyId ?? round?.journey_id ?? undefined;
  const journey = journeyId === undefined ? null : await loadJourney(db, workspaceId, journeyId);
  const range = rangeOf(input, now);

  // Touchpoints in the report: the journey's, else the round's, else the whole register.
  let tpQuery = db
    .selectFrom("touchpoints as t")
    .leftJoin("users as u", "u.id", "t.owner_user_id")
    .select([
      "t.id",
      "t.key",
      "t.name",
      "t.owner_user_id",
      "t.owner_team",
      "u.name as owner_name",
      "t.internal_rating",
    ])
    .where("t.workspace_id", "=", workspaceId);
  if (journey) {
    const ids = journeyTouchpointIds(journey.document).filter(isUuid);
    tpQuery = tpQuery.where("t.id", "in", ids.length > 0 ? ids : ["00000000-0000-0000-0000-000000000000"]);
  } else if (round) {
    tpQuery = tpQuery.where((eb) =>
      eb.exists(
        eb
          .selectFrom("assessments as a")
          .select("a.id")
          .whereRef("a.touchpoint_id", "=", "t.id")
          .where("a.round_id", "=", round.id)
          .where("a.workspace_id", "=", workspaceId),
      ),
    );
  }
  const touchpoints = await tpQuery.orderBy("t.name").orderBy("t.id").execute();
  const tpIds = touchpoints.map((t) => t.id);

  // Internal side: the round's answers per touchpoint (or the stored self-assessment without a round).
  const internalOf = new Map<string, number[]>(tpIds.map((id) => [id, []]));
  const commentsOf = new Map<string, string[]>(tpIds.map((id) => [id, []]));
  const predictedOf = new Map<string, { csat: number[]; nps: number[] }>(
    tpIds.map((id) => [id, { csat: [], nps: [] }]),
  );
  const raterOf = new Map<string, { userId: string; name: string }>();
  if (round) {
    const answers = await db
      .selectFrom("assessments as a")
      .leftJoin("users as u", "u.id", "a.owner_user_id")
      .select([
        "a.touchpoint_id",
        "a.owner_user_id",
        "u.name",
        "a.rating",
        "a.predicted_metric",
        "a.predicted_value",
        "a.comment",
      ])
      .where("a.workspace_id", "=", workspaceId)
      .where("a.round_id", "=", round.id)
      .where("a.rating", "is not", null)
      .execute();
    for (const a of answers) {
      internalOf.get(a.touchpoint_id)?.push(Number(a.rating));
      if (a.comment) commentsOf.get(a.touchpoint_id)?.push(a.comment);
      if (a.predicted_metric && a.predicted_value !== null)
        predictedOf.get(a.touchpoint_id)?.[a.predicted_metric].push(Number(a.predicted_value));
      if (a.owner_user_id) raterOf.set(a.touchpoint_id, { userId: a.owner_user_id, name: a.name ?? "" });
    }
  } else
    for (const t of touchpoints)
      if (t.internal_rating !== null) internalOf.get(t.id)?.push(Number(t.internal_rating));

  // Customer side: linked feedback, grouped by (touchpoint, journey, step).
  const groups: FeedbackGroup[] = [];
  if (tpIds.length > 0 || journey) {
    const p = new SqlParams();
    const where = (params: SqlParams) => `workspace_id = ${params.add("UUID", workspaceId)}
        AND deleted = 0 AND finished = 1 AND flagged = 0
        AND received_at >= ${params.add("DateTime64(3, 'UTC')", chDateTime(range.from))}
        AND received_at < ${params.add("DateTime64(3, 'UTC')", chDateTime(range.to))}
        AND (has(${params.add("Array(String)", tpIds)}, touchpoint_id)
          ${journey ? `OR journey_id = ${params.add("String", journey.id)}` : ""})`;
    const ratingRows = await facts.query<{
      touchpoint_id: string;
      journey_id: string;
      step_id: string;
      n: string;
      s: number;
      ss: number;
      good: string;
      records: string;
    }>(
      `SELECT touchpoint_id, journey_id, step_id, count() AS n, sum(r) AS s, sum(r * r) AS ss,
          countIf(good) AS good, uniqExact(feedback_id) AS records
        FROM (SELECT feedback_id, touchpoint_id, journey_id, step_id, rating_metrics, rating_values,
            rating_mins, rating_maxs FROM ${facts.database}.feedback FINAL WHERE ${where(p)}) AS f
        ARRAY JOIN
          arrayMap((v, lo, hi) -> if(hi > lo, 1 + 4 * (v - lo) / (hi - lo), nan), rating_values, rating_mins, rating_maxs) AS r,
          arrayMap((m, v, hi) -> if(m = 'ces', v >= hi - 2, v >= hi - 1), rating_metrics, rating_values, rating_maxs) AS good
        WHERE NOT isNaN(r)
        GROUP BY touchpoint_id, journey_id, step_id`,
      p.values,
    );
    for (const r of ratingRows)
      groups.push({
        touchpointId: r.touchpoint_id,
        journeyId: r.journey_id,
        stepId: r.step_id,
        moments: { n: Number(r.n), sum: Number(r.s), squares: Number(r.ss) },
        good: Number(r.good),
        records: Number(r.records),
      });
    if (input.includeSentiment) {
      // Feedback without a rating counts with its sentiment: 3 + 2 · score (score −1…1 → 1…5).
      const q = new SqlParams();
      const sentimentRows = await facts.query<{
        touchpoint_id: string;
        journey_id: string;
        step_id: string;
        n: string;
        s: number;
        ss: number;
        good: string;
      }>(
        `SELECT f.touchpoint_id AS touchpoint_id, f.journey_id AS journey_id, f.step_id AS step_id,
            count() AS n, sum(r) AS s, sum(r * r) AS ss, countIf(r >= 4) AS good
          FROM (SELECT feedback_id, touchpoint_id, journey_id, step_id FROM ${facts.database}.feedback FINAL
              WHERE ${where(q)} AND length(rating_values) = 0) AS f
          INNER JOIN (SELECT feedback_id, 3 + 2 * greatest(-1, least(1, toFloat64(sentiment_score))) AS r
              FROM ${facts.database}.feedback_text FINAL
              WHERE workspace_id = ${q.add("UUID", workspaceId)} AND deleted = 0 AND sentiment != '') AS t
            ON t.feedback_id = f.feedback_id
          GROUP BY touchpoint_id, journey_id, step_id`,
        q.values,
      );
      for (const r of sentimentRows)
        groups.push({
          touchpointId: r.touchpoint_id,
          journeyId: r.journey_id,
          stepId: r.step_id,
          moments: { n: Number(r.n), sum: Number(r.s), squares: Number(r.ss) },
          good: Number(r.good),
          records: Number(r.n),
        });
    }
  }

  // Steps of the journey and the touchpoint each references.
  const steps = journey
    ? journey.document.stages.flatMap((stage) =>
        stage.steps.map((s) => ({
          id: s.id,
          title: s.title,
          stageId: stage.id,
          touchpointId: s.touchpointId,
        })),
      )
    : [];
  const stepTouchpoint = new Map(steps.map((s) => [s.id, s.touchpointId]));
  const tpSet = new Set(tpIds);
  /** A group's touchpoint: its own link, else the touchpoint of the journey step it is linked to. */
  const touchpointOfGroup = (g: FeedbackGroup): string | null => {
    if (g.touchpointId && tpSet.has(g.touchpointId)) return g.touchpointId;
    if (!g.touchpointId && journey && g.journeyId === journey.id) return stepTouchpoint.get(g.stepId) ?? null;
    return null;
  };
  const sideOf = (touchpointIdsOfSide: Iterable<string>, groupsOfSide: Iterable<FeedbackGroup>): Side => {
    const internal = [...new Set(touchpointIdsOfSide)].flatMap((id) => internalOf.get(id) ?? []);
    let measured = EMPTY;
    let good = 0;
    let records = 0;
    for (const g of new Set(groupsOfSide)) {
      measured = add(measured, g.moments);
      good += g.good;
      records += g.records;
    }
    return { internal, measured, good, records };
  };

  // Importance: the touchpoint drivers' share of R² (key-driver analysis), else the share of linked
  // feedback records (volume): asked for, or when the data allow no driver model.
  const groupsOfTouchpoint = new Map<string, FeedbackGroup[]>(tpIds.map((id) => [id, []]));
  for (const g of groups) {
    const tp = touchpointOfGroup(g);
    if (tp) groupsOfTouchpoint.get(tp)?.push(g);
  }
  const recordsOf = (id: string) => (groupsOfTouchpoint.get(id) ?? []).reduce((s, g) => s + g.records, 0);
  const totalRecords = tpIds.reduce((s, id) => s + recordsOf(id), 0);
  let importanceUsed: "drivers" | "volume" = "volume";
  let importanceOf = new Map(
    tpIds.map((id) => [id, totalRecords === 0 ? null : recordsOf(id) / totalRecords]),
  );
  if (input.importance === "drivers") {
    const weights = await touchpointImportance(ctx, {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      ...(journey && { journeyId: journey.id }),
    });
    if (weights.size > 0) {
      importanceUsed = "drivers";
      importanceOf = new Map(tpIds.map((id) => [id, weights.get(id)?.share ?? null]));
    }
  }

  const perTouchpoint = touchpoints.map((t) => {
    const side = sideOf([t.id], groupsOfTouchpoint.get(t.id) ?? []);
    return { t, side, figures: figures(side) };
  });
  const known = perTouchpoint
    .filter((x) => x.figures.gap.value !== null && importanceOf.get(x.t.id) !== null)
    .map((x) => importanceOf.get(x.t.id) as number);
  const importanceMedian = median(known);

  const touchpointGaps: TTouchpointGap[] = perTouchpoint.map(({ t, figures: f }) => {
    const importance = importanceOf.get(t.id) ?? null;
    const important = importance !== null && importanceMedian !== null && importance > importanceMedian;
    const rater = raterOf.get(t.id);
    const predicted = predictedOf.get(t.id) ?? { csat: [], nps: [] };
    return {
      ...f,
      touchpointId: t.id,
      key: t.key,
      name: t.name,
      owner: {
        userId: t.owner_user_id ?? rater?.userId ?? null,
        name: t.owner_user_id ? (t.owner_name ?? null) : (rater?.name ?? null),
        team: t.owner_team,
      },
      importance: importance === null ? null : roundTo(importance, 4),
      important,
      class: classify(f.gap.value, important, input.threshold),
      comments: commentsOf.get(t.id) ?? [],
      predicted: {
        csat: meanFromMoments(momentsOf(predicted.csat), { min: 0, max: 100 }),
        nps: meanFromMoments(momentsOf(predicted.nps), { min: -100, max: 100 }),
      },
    };
  });
  touchpointGaps.sort((a, b) => {
    const c = CLASS_ORDER[a.class] - CLASS_ORDER[b.class];
    if (c !== 0) return c;
    const ga = a.gap.value ?? 0;
    const gb = b.gap.value ?? 0;
    return a.class === "under_rated" ? ga - gb : gb - ga || a.name.localeCompare(b.name);
  });

  // Steps, stages and the journey: pooled over their touchpoints' answers and linked feedback.
  const groupsOfStep = (step: (typeof steps)[number]) =>
    groups.filter(
      (g) =>
        (journey !== null && g.journeyId === journey.id && g.stepId === step.id) ||
        (step.touchpointId !== null && g.touchpointId === step.touchpointId && g.stepId === ""),
    );
  const stepGaps = steps.map((step) => {
    const tps = step.touchpointId && tpSet.has(step.touchpointId) ? [step.touchpointId] : [];
    const gs = groupsOfStep(step);
    return { step, tps, gs, figures: figures(sideOf(tps, gs)) };
  });
  const stages = journey
    ? journey.document.stages.map((stage) => {
        const mine = stepGaps.filter((s) => s.step.stageId === stage.id);
        const tps = [...new Set(mine.flatMap((s) => s.tps))];
        return {
          id: stage.id,
          title: stage.name,
          touchpointIds: tps,
          ...figures(
            sideOf(
              tps,
              mine.flatMap((s) => s.gs),
            ),
          ),
        };
      })
    : [];
  const journeyTps = [...new Set(stepGaps.flatMap((s) => s.tps))];
  const journeyGap = journey
    ? {
        id: journey.id,
        title: journey.document.title,
        touchpointIds: journeyTps,
        ...figures(
          sideOf(
            journeyTps,
            stepGaps.flatMap((s) => s.gs),
          ),
        ),
      }
    : null;

  const all = sideOf(tpIds, [...groupsOfTouchpoint.values()].flat());
  const allFigures = figures(all);
  const raters = round
    ? Number(
        (
          await db
            .selectFrom("assessments")
            .select((eb) => eb.fn.count("answered_by").distinct().as("n"))
            .where("workspace_id", "=", workspaceId)
            .where("round_id", "=", round.id)
            .where("rating", "is not", null)
            .executeTakeFirstOrThrow()
        ).n,
      )
    : touchpoints.filter((t) => t.internal_rating !== null).length;

  return {
    round: round
      ? {
          id: round.id,
          title: round.title,
          status: round.status,
          closedAt: round.closed_at ? new Date(round.closed_at).toISOString() : null,
        }
      : null,
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    threshold: input.threshold,
    importance: {
      source: input.importance,
      used: importanceUsed,
      median: importanceMedian === null ? null : roundTo(importanceMedian, 4),
    },
    touchpoints: touchpointGaps,
    steps: stepGaps.map((s) => ({
      id: s.step.id,
      title: s.step.title,
      stageId: s.step.stageId,
      touchpointIds: s.tps,
      ...s.figures,
    })),
    stages,
    journey: journeyGap,
    statement: {
      internalGoodPercent: allFigures.internalGood.value,
      customerGoodPercent: allFigures.customerGood.value,
      raters,
      internalRatings: all.internal.length,
      customerRatings: all.measured.n,
      internalGood: allFigures.internalGood,
      customerGood: allFigures.customerGood,
    },
  };
}

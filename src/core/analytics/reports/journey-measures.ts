import type { ReportContext } from "../../metrics/report-context.js";
import { instancesSql } from "../instances/instances-sql.js";
import type { TJourneyMeasures, TJourneyMeasuresRequest, TStepMeasures } from "../journey-measures.schema.js";
import { journeySteps } from "../journey-steps.js";
import { chDateTime, rangeOf, SqlParams } from "../scope.js";

const secs = (v: unknown): number | null =>
  v === null || v === undefined || !Number.isFinite(Number(v))
    ? null
    : Math.round(Number(v) * 10_000) / 10_000;
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/**
 * Measured values per journey-map step (docs/api/journey-analytics.md §6.2), next to the workshop's:
 * from the journey instances started in `[from, to)` — customers and instances reaching each mapped
 * step, conversion from the previous mapped step, the wait before it, contacts while at it — and from
 * feedback linked to the step and received in `[from, to)` — its rating on the 1–5 scale and sentiment.
 */
export async function journeyMeasures(
  ctx: ReportContext,
  input: TJourneyMeasuresRequest,
  now = new Date(),
): Promise<TJourneyMeasures> {
  const workspaceId = ctx.access.workspaceId;
  const { journey, steps, mapped } = await journeySteps(ctx.db, workspaceId, input.journeyId);
  const range = rangeOf(input, now);
  const facts = ctx.facts;
  const db = facts.database;
  const instances = (params: SqlParams) =>
    instancesSql(facts, workspaceId, journey.id, range, params, {
      inactivityDays: input.inactivityDays,
      now,
    });

  const p1 = new SqlParams();
  const totalsQuery = facts.query<{ total: string; completed: string; dropped: string; customers: string }>(
    `SELECT count() AS total, countIf(status = 'completed') AS completed, countIf(status = 'dropped') AS dropped,
        uniqExact(unit) AS customers
      FROM ${instances(p1)} AS i`,
    p1.values,
  );
  const p2 = new SqlParams();
  const reachedQuery = facts.query<{
    p: number;
    instances: string;
    customers: string;
    from_previous: string;
  }>(
    `SELECT p, count() AS instances, uniqExact(unit) AS customers,
        countIf(p > 0 AND has(step_indexes, p - 1)) AS from_previous
      FROM ${instances(p2)} AS i ARRAY JOIN arrayDistinct(step_indexes) AS p
      GROUP BY p`,
    p2.values,
  );
  // The wait before a step: from the instance's previous matched event to its first event at the step.
  const p3 = new SqlParams();
  const waitsQuery = facts.query<{ p: number; n: string; median: number; p90: number }>(
    `SELECT x.1 AS p, count() AS n, quantileExactInclusive(0.5)(x.2 / 1000) AS median,
        quantileExactInclusive(0.9)(x.2 / 1000) AS p90
      FROM ${instances(p3)} AS i
      ARRAY JOIN arrayFilter(x -> x.3, arrayMap(k -> (step_indexes[k],
          toUnixTimestamp64Milli(step_times[k]) - toUnixTimestamp64Milli(step_times[k - 1]),
          k > 1 AND indexOf(step_indexes, step_indexes[k]) = k), range(1, length(step_indexes) + 1))) AS x
      GROUP BY p`,
    p3.values,
  );
  // A contact belongs to the step the customer was at: the last matched event at or before it.
  const p4 = new SqlParams();
  const contactsQuery = facts.query<{ p: number; n: string }>(
    `SELECT p, count() AS n
      FROM ${instances(p4)} AS i
      ARRAY JOIN arrayMap(c -> step_indexes[greatest(arrayCount(t -> t <= c, step_times), 1)], contact_times) AS p
      GROUP BY p`,
    p4.values,
  );
  const p5 = new SqlParams();
  const linked = (params: SqlParams) => `(SELECT feedback_id, step_id, rating_values, rating_mins, rating_maxs
      FROM ${db}.feedback FINAL
      WHERE workspace_id = ${params.add("UUID", workspaceId)} AND journey_id = ${params.add("String", journey.id)}
        AND step_id != '' AND deleted = 0 AND finished = 1
        AND received_at >= ${params.add("DateTime64(3, 'UTC')", chDateTime(range.from))}
        AND received_at < ${params.add("DateTime64(3, 'UTC')", chDateTime(range.to))})`;
  const ratingsQuery = facts.query<{ step_id: string; n: string; mean: number }>(
    `SELECT step_id, count() AS n, avg(r) AS mean
      FROM ${linked(p5)} AS f
      ARRAY JOIN arrayMap((v, lo, hi) -> if(hi > lo, 1 + 4 * (v - lo) / (hi - lo), nan),
        rating_values, rating_mins, rating_maxs) AS r
      WHERE NOT isNaN(r)
      GROUP BY step_id`,
    p5.values,
  );
  const p6 = new SqlParams();
  const sentimentQuery = facts.query<{
    step_id: string;
    n: string;
    mean: number;
    positive: string;
    negative: string;
  }>(
    `SELECT f.step_id AS step_id, count() AS n, avg(t.sentiment_score) AS mean,
        countIf(t.sentiment = 'positive') AS positive, countIf(t.sentiment = 'negative') AS negative
      FROM ${db}.feedback_text AS t FINAL
      INNER JOIN ${linked(p6)} AS f ON f.feedback_id = t.feedback_id
      WHERE t.workspace_id = ${p6.add("UUID", workspaceId)} AND t.deleted = 0 AND t.sentiment != ''
      GROUP BY step_id`,
    p6.values,
  );
  const [[totals], reached, waits, contacts, ratings, sentiments, state] = await Promise.all([
    totalsQuery,
    reachedQuery,
    waitsQuery,
    contactsQuery,
    ratingsQuery,
    sentimentQuery,
    ctx.db
      .selectFrom("journey_instance_state")
      .select("refreshed_at")
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirst(),
  ]);

  const byPosition = <T extends { p: number }>(rows: T[]) => new Map(rows.map((r) => [Number(r.p), r]));
  const reachedAt = byPosition(reached);
  const waitAt = byPosition(waits);
  const contactsAt = byPosition(contacts);
  const ratingOf = new Map(ratings.map((r) => [r.step_id, r]));
  const sentimentOf = new Map(sentiments.map((r) => [r.step_id, r]));
  const positionOf = new Map(mapped.map((s, i) => [s.stepId, i]));

  const result: TStepMeasures[] = steps.map((step) => {
    const p = positionOf.get(step.stepId);
    const here = p === undefined ? undefined : reachedAt.get(p);
    const previous = p === undefined || p === 0 ? undefined : reachedAt.get(p - 1);
    const inst = Number(here?.instances ?? 0);
    const wait = p === undefined ? undefined : waitAt.get(p);
    const contactCount = Number((p === undefined ? undefined : contactsAt.get(p))?.n ?? 0);
    const rating = ratingOf.get(step.stepId);
    const sentiment = sentimentOf.get(step.stepId);
    return {
      stepId: step.stepId,
      title: step.title,
      stageId: step.stageId,
      mapped: p !== undefined,
      customers: Number(here?.customers ?? 0),
      instances: inst,
      conversion:
        p === undefined || p === 0
          ? null
          : ratio(Number(here?.from_previous ?? 0), Number(previous?.instances ?? 0)),
      waitMedianSeconds: secs(wait?.median),
      waitP90Seconds: secs(wait?.p90),
      waits: Number(wait?.n ?? 0),
      contacts: contactCount,
      contactRate: p === undefined ? null : ratio(contactCount, inst),
      rating: { n: Number(rating?.n ?? 0), mean: rating ? secs(rating.mean) : null },
      sentiment: {
        n: Number(sentiment?.n ?? 0),
        meanScore: sentiment ? secs(sentiment.mean) : null,
        positive: Number(sentiment?.positive ?? 0),
        negative: Number(sentiment?.negative ?? 0),
      },
    };
  });
  const total = Number(totals?.total ?? 0);
  const completed = Number(totals?.completed ?? 0);
  const dropped = Number(totals?.dropped ?? 0);
  return {
    journeyId: journey.id,
    instances: {
      total,
      completed,
      dropped,
      inProgress: total - completed - dropped,
      customers: Number(totals?.customers ?? 0),
    },
    refreshedAt: state?.refreshed_at ? new Date(state.refreshed_at).toISOString() : null,
    steps: result,
  };
}

import { DEFINITIONS, metricFromBuckets, type RatingBucket } from "../../metrics/definitions.js";
import type { ReportContext } from "../../metrics/report-context.js";
import type { MetricValue } from "../../metrics/types.js";
import { feedbackInstanceLinksSql } from "../instances/feedback-links.js";
import { instancesSql, LONGEST_WAIT_SECONDS_SQL } from "../instances/instances-sql.js";
import { journeySteps } from "../journey-steps.js";
import { rangeOf, SqlParams } from "../scope.js";
import {
  DEFAULT_XO_WAIT_BUCKETS,
  type TXo,
  type TXoBy,
  type TXoGroup,
  type TXoRequest,
  XO_MAX_EXAMPLES,
  XO_MAX_PATHS,
  XO_NORMALISED_LOW,
  XO_NPS_LOW,
  XO_OTHER,
  XO_STEP_HIGH,
} from "../xo.schema.js";

const SENTIMENT_DEFINITION =
  "mean sentiment score (−1 … 1) of the linked feedback texts, as the text enrichment scored them; three decimals";

const STATUS_GROUPS = ["completed", "dropped", "in_progress"] as const;
const CONTACT_GROUPS = ["0", "1", "2", "3+"] as const;

/** A group's collected figures before its score: rating buckets (NPS, CSAT) or sentiment sum and count. */
interface Acc {
  instances: number;
  withFeedback: number;
  buckets: RatingBucket[];
  sentimentN: number;
  sentimentSum: number;
}
const emptyAcc = (): Acc => ({ instances: 0, withFeedback: 0, buckets: [], sentimentN: 0, sentimentSum: 0 });
const mergeAcc = (a: Acc, b: Acc): Acc => ({
  instances: a.instances + b.instances,
  withFeedback: a.withFeedback + b.withFeedback,
  buckets: [...a.buckets, ...b.buckets],
  sentimentN: a.sentimentN + b.sentimentN,
  sentimentSum: a.sentimentSum + b.sentimentSum,
});

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function scoreOf(metric: TXoRequest["metric"], acc: Acc): Pick<TXoGroup, "n" | "score" | "interval"> {
  if (metric === "sentiment") {
    const n = acc.sentimentN;
    return { n, score: n === 0 ? null : round3(acc.sentimentSum / n), interval: null };
  }
  const value: MetricValue = metricFromBuckets(metric, acc.buckets);
  return { n: value.n, score: value.value, interval: value.interval };
}

/**
 * The instance's group as SQL over the columns of `instancesSql` (allowlisted by `by`; values bound):
 * status; contacts 0, 1, 2, 3+; the index of the longest wait's bucket; the path as ids joined by ",".
 */
function groupSql(
  input: TXoRequest,
  bounds: readonly number[],
  stepIds: readonly string[],
  stageIds: readonly string[],
  params: SqlParams,
): string {
  const by: TXoBy = input.by;
  switch (by) {
    case "status":
      return "toString(status)";
    case "contacts":
      return "multiIf(contacts >= 3, '3+', toString(contacts))";
    case "waiting": {
      const b = params.add("Array(Float64)", bounds);
      // Longest gap between consecutive matched events; one event waits 0.
      return `toString(arrayCount(lo -> ${LONGEST_WAIT_SECONDS_SQL} >= lo, ${b}))`;
    }
    case "path": {
      let seq = "step_ids";
      if (input.pathLevel === "stage") {
        const steps = params.add("Array(String)", stepIds);
        const stages = params.add("Array(String)", stageIds);
        seq = `arrayMap(s -> arrayElement(${stages}, indexOf(${steps}, s)), step_ids)`;
      }
      // Consecutive repeats collapse into one; steps no longer in the journey are left out.
      return `arrayStringConcat(arrayFilter((x, prev) -> x != prev,
          arrayFilter(x -> x != '', ${seq}) AS xo_seq, arrayPushFront(arrayPopBack(xo_seq), '')), ',')`;
    }
  }
}

/** Labels of the groups of `by`, in their fixed order (path groups are found in the data). */
function fixedGroups(
  by: TXoBy,
  bounds: readonly number[],
): Pick<TXoGroup, "group" | "fromSeconds" | "toSeconds">[] {
  if (by === "status") return STATUS_GROUPS.map((group) => ({ group }));
  if (by === "contacts") return CONTACT_GROUPS.map((group) => ({ group }));
  if (by === "waiting") {
    const edges = [0, ...bounds];
    return edges.map((lo, i) => {
      const hi = edges[i + 1];
      return { group: hi === undefined ? `${lo}+` : `${lo}-${hi}`, fromSeconds: lo, toSeconds: hi ?? null };
    });
  }
  return [];
}

/**
 * X+O: satisfaction from the feedback linked to journey instances, by status, contacts, longest wait or
 * path, and the "every touchpoint rated well, journey rated badly" check (docs/api/journey-analytics.md §8).
 *
 * Linking (`feedbackInstanceLinksSql`): a feedback record (finished, unflagged, undeleted, of this
 * journey) belongs to an instance of its customer received in [started_at, ended_at + 30 days]; of
 * several, the latest started.
 */
export async function xoReport(ctx: ReportContext, input: TXoRequest, now = new Date()): Promise<TXo> {
  const workspaceId = ctx.access.workspaceId;
  const { journey, steps } = await journeySteps(ctx.db, workspaceId, input.journeyId);
  const { facts } = ctx;
  const db = facts.database;
  const params = new SqlParams();
  const inst = instancesSql(facts, workspaceId, journey.id, rangeOf(input, now), params, {
    inactivityDays: input.inactivityDays,
    now,
  });
  const ws = params.add("UUID", workspaceId);
  const journeyText = params.add("String", journey.id);
  const bounds = input.waitingBuckets ?? [...DEFAULT_XO_WAIT_BUCKETS];
  const stageOfStep = new Map(
    journey.document.stages.flatMap((stage) => stage.steps.map((s) => [s.id, stage.id] as const)),
  );
  const group = groupSql(
    input,
    bounds,
    steps.map((s) => s.stepId),
    steps.map((s) => stageOfStep.get(s.stepId) ?? ""),
    params,
  );

  const records = `(SELECT feedback_id, customer_id AS c, received_at, toUInt8(step_id != '') AS is_step,
        rating_metrics, rating_values, rating_mins, rating_maxs
      FROM ${db}.feedback FINAL
      WHERE workspace_id = ${ws} AND journey_id = ${journeyText} AND deleted = 0 AND finished = 1
        AND flagged = 0 AND customer_id != '')`;
  const links = feedbackInstanceLinksSql(facts, workspaceId, journey.id, records, params);
  const linked = `(SELECT l.unit AS unit, l.seq AS seq, f.feedback_id AS feedback_id, f.is_step AS is_step,
        f.rating_metrics AS rating_metrics, f.rating_values AS rating_values,
        f.rating_mins AS rating_mins, f.rating_maxs AS rating_maxs
      FROM ${links} AS l INNER JOIN ${records} AS f ON f.feedback_id = l.feedback_id)`;
  // One row per counted value: (unit, seq, is_step, v, lo, hi); normalised = (v − lo) / (hi − lo).
  let values: string;
  if (input.metric === "sentiment") {
    values = `(SELECT l.unit AS unit, l.seq AS seq, l.is_step AS is_step, toFloat64(t.sentiment_score) AS v,
          toInt16(-1) AS lo, toInt16(1) AS hi
        FROM ${linked} AS l
        INNER JOIN (SELECT feedback_id, sentiment_score FROM ${db}.feedback_text FINAL
          WHERE workspace_id = ${ws} AND deleted = 0) AS t ON t.feedback_id = l.feedback_id)`;
  } else {
    const metric = params.add("String", input.metric);
    // NPS counts 0–10 answers only; CSAT pools scales (top-2 boxes of each), as the metrics do.
    const scale = input.metric === "nps" ? "AND lo = 0 AND hi = 10" : "";
    values = `(SELECT unit, seq, is_step, v, lo, hi FROM ${linked} AS l
        ARRAY JOIN rating_metrics AS m, rating_values AS v, rating_mins AS lo, rating_maxs AS hi
        WHERE m = ${metric} AND hi > lo ${scale})`;
  }
  // For the check, step ratings of any metric count (a survey asks CSAT at a step and NPS of the
  // journey); the overall rating is the chosen metric's. Sentiment compares sentiment on both sides.
  const checkValues =
    input.metric === "sentiment"
      ? values
      : `(SELECT unit, seq, is_step, v, lo, hi FROM ${linked} AS l
          ARRAY JOIN rating_metrics AS m, rating_values AS v, rating_mins AS lo, rating_maxs AS hi
          WHERE hi > lo AND (is_step = 1 OR (m = ${params.add("String", input.metric)}
            ${input.metric === "nps" ? "AND lo = 0 AND hi = 10" : ""})))`;
  const source =
    input.feedback === "overall" ? "is_step = 0" : input.feedback === "steps" ? "is_step = 1" : "1";
  const grouped = `(SELECT unit, seq, customer_id, ${group} AS g FROM ${inst} AS i)`;

  const [counts, scores, check, examples] = await Promise.all([
    facts.query<{ g: string; instances: number; withFeedback: number }>(
      `SELECT g, count() AS instances,
          countIf((unit, seq) IN (SELECT unit, seq FROM ${linked} AS lf WHERE ${source})) AS withFeedback
        FROM ${grouped} AS gi GROUP BY g`,
      params.values,
    ),
    facts.query<{ g: string; value: number; min: number; max: number; count: number; total: number }>(
      // Ratings as buckets (value and scale → count) for the metric functions; sentiment scores are
      // continuous, so per group only their count and sum.
      input.metric === "sentiment"
        ? `SELECT gi.g AS g, 0 AS value, -1 AS min, 1 AS max, count() AS count, sum(r.v) AS total
            FROM ${values} AS r INNER JOIN ${grouped} AS gi ON gi.unit = r.unit AND gi.seq = r.seq
            WHERE ${source}
            GROUP BY g`
        : `SELECT gi.g AS g, toFloat64(r.v) AS value, toInt32(r.lo) AS min, toInt32(r.hi) AS max,
              count() AS count, 0 AS total
            FROM ${values} AS r INNER JOIN ${grouped} AS gi ON gi.unit = r.unit AND gi.seq = r.seq
            WHERE ${source}
            GROUP BY g, value, min, max`,
      params.values,
    ),
    facts.query<{ instances: number; count: number }>(
      `SELECT count() AS instances, countIf(bad) AS count FROM ${checkSql(checkValues, inst, input.metric)}`,
      params.values,
    ),
    facts.query<{ unit: string; seq: number; customer_id: string; step_mean: number; overall: number }>(
      `SELECT c.unit AS unit, c.seq AS seq, i.customer_id AS customer_id, c.step_mean AS step_mean, c.overall AS overall
        FROM ${checkSql(checkValues, inst, input.metric)} AS c
        INNER JOIN (SELECT unit, seq, customer_id FROM ${inst} AS ii) AS i ON i.unit = c.unit AND i.seq = c.seq
        WHERE c.bad
        ORDER BY c.step_mean - c.overall DESC, c.unit, c.seq
        LIMIT ${XO_MAX_EXAMPLES}`,
      params.values,
    ),
  ]);

  // Collect per group key, then label, order and (paths) cut to the top ten.
  const acc = new Map<string, Acc>();
  const at = (g: string) => {
    const a = acc.get(g) ?? emptyAcc();
    acc.set(g, a);
    return a;
  };
  for (const r of counts) {
    const a = at(r.g);
    a.instances += Number(r.instances);
    a.withFeedback += Number(r.withFeedback);
  }
  for (const r of scores) {
    const a = at(r.g);
    const count = Number(r.count);
    a.buckets.push({ value: Number(r.value), min: Number(r.min), max: Number(r.max), count });
    a.sentimentN += count;
    a.sentimentSum += Number(r.total);
  }

  let groups: TXoGroup[];
  if (input.by === "path") {
    const names = new Map<string, string>(
      input.pathLevel === "stage"
        ? journey.document.stages.map((s) => [s.id, s.name])
        : steps.map((s) => [s.stepId, s.title]),
    );
    const labelled = new Map<string, Acc>();
    for (const [key, a] of acc) {
      const label =
        key === ""
          ? "(none)"
          : key
              .split(",")
              .map((id) => names.get(id) ?? id)
              .join(" > ");
      labelled.set(label, mergeAcc(labelled.get(label) ?? emptyAcc(), a));
    }
    const ranked = [...labelled].sort((x, y) => y[1].instances - x[1].instances || x[0].localeCompare(y[0]));
    const top = ranked.slice(0, XO_MAX_PATHS);
    const rest = ranked.slice(XO_MAX_PATHS).reduce((s, [, a]) => mergeAcc(s, a), emptyAcc());
    if (ranked.length > XO_MAX_PATHS) top.push([XO_OTHER, rest]);
    groups = top.map(([group, a]) => ({
      group,
      instances: a.instances,
      withFeedback: a.withFeedback,
      ...scoreOf(input.metric, a),
    }));
  } else {
    groups = fixedGroups(input.by, bounds).map((g, i) => {
      const a = acc.get(input.by === "waiting" ? String(i) : g.group) ?? emptyAcc();
      return { ...g, instances: a.instances, withFeedback: a.withFeedback, ...scoreOf(input.metric, a) };
    });
  }

  const all = [...acc.values()].reduce(mergeAcc, emptyAcc());
  const totalScore = scoreOf(input.metric, all);
  const both = Number(check[0]?.instances ?? 0);
  const bad = Number(check[0]?.count ?? 0);
  return {
    journeyId: journey.id,
    metric: input.metric,
    by: input.by,
    definition: input.metric === "sentiment" ? SENTIMENT_DEFINITION : DEFINITIONS[input.metric],
    total: {
      instances: all.instances,
      withFeedback: all.withFeedback,
      n: totalScore.n,
      score: totalScore.score,
    },
    groups,
    ratedWellJourneyBad: {
      instances: both,
      count: bad,
      share: both === 0 ? null : bad / both,
      examples: examples.map((e) => ({
        unit: e.unit,
        seq: Number(e.seq),
        customerId: e.customer_id === "" ? null : e.customer_id,
        stepMean: round3(Number(e.step_mean)),
        overall: round3(Number(e.overall)),
      })),
    },
  };
}

/**
 * Per instance in range with both step ratings (of any metric) and an overall rating (of the chosen
 * one): the mean of its step ratings and of its overall ratings, normalised to 0–1, and whether the
 * steps are rated well (mean ≥ 0.75) while the journey is rated badly (NPS: overall mean ≤ 6, a
 * detractor; CSAT and sentiment: normalised < 0.5).
 */
function checkSql(values: string, inst: string, metric: TXoRequest["metric"]): string {
  const low = metric === "nps" ? `overall_raw <= ${XO_NPS_LOW}` : `overall < ${XO_NORMALISED_LOW}`;
  return `(SELECT unit, seq, step_mean, overall, step_mean >= ${XO_STEP_HIGH} AND ${low} AS bad
      FROM (SELECT unit, seq,
          avgIf((v - lo) / (hi - lo), is_step = 1) AS step_mean,
          avgIf((v - lo) / (hi - lo), is_step = 0) AS overall,
          avgIf(v, is_step = 0) AS overall_raw
        FROM ${values} AS cv
        WHERE (unit, seq) IN (SELECT unit, seq FROM ${inst} AS ci)
        GROUP BY unit, seq
        HAVING countIf(is_step = 1) > 0 AND countIf(is_step = 0) > 0))`;
}

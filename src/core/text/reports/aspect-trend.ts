import type { FactsStore } from "../../facts/client.js";
import { textFilter } from "./text-filter.js";
import type { TrendInterval, TSentimentCounts, TTextTrend, TTextTrendQuery } from "./text-reports.schema.js";

export interface AspectTrendParams extends TTextTrendQuery {
  workspaceId: string;
}

/** Bucket starts by allowlisted interval, in UTC. */
const PERIOD_SQL: Record<TrendInterval, string> = {
  day: "toDate(received_at, 'UTC')",
  week: "toMonday(received_at, 'UTC')",
  month: "toStartOfMonth(received_at, 'UTC')",
};

interface Row {
  period: string;
  aspect: string;
  mentions: number;
  negative: number;
  neutral: number;
  positive: number;
  score_sum: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const counts = (r: Omit<Row, "period">): TSentimentCounts => ({
  aspect: r.aspect,
  mentions: r.mentions,
  negative: r.negative,
  neutral: r.neutral,
  positive: r.positive,
  meanScore: r.mentions === 0 ? null : round3(r.score_sum / r.mentions),
});

/**
 * Mentions per period and aspect with their polarity, plus aspect "" for every text by its overall
 * sentiment (docs/api/understand.md §4). Each text is one row with the overall sentiment prepended
 * to its aspect arrays, so one ARRAY JOIN over FINAL (newest version, deleted ones out) counts both.
 */
export async function aspectTrend(facts: FactsStore, params: AspectTrendParams): Promise<TTextTrend> {
  const filter = textFilter(params);
  const aspect = params.aspect === undefined ? "" : "AND a = {aspect:String}";
  const rows = await facts.query<Row>(
    `SELECT toString(${PERIOD_SQL[params.interval]}) AS period, toString(a) AS aspect, count() AS mentions,
            countIf(p = -1) AS negative, countIf(p = 0) AS neutral, countIf(p = 1) AS positive,
            sum(toFloat64(s)) AS score_sum
     FROM ${facts.database}.feedback_text FINAL
     ARRAY JOIN
       arrayConcat([''], aspect_keys) AS a,
       arrayConcat([toInt8(multiIf(sentiment = 'negative', -1, sentiment = 'positive', 1, 0))], aspect_polarities) AS p,
       arrayConcat([sentiment_score], aspect_scores) AS s
     WHERE ${filter.sql} ${aspect}
     GROUP BY period, aspect
     ORDER BY period, aspect`,
    { ...filter.params, ...(params.aspect !== undefined && { aspect: params.aspect }) },
  );
  const totals = new Map<string, Omit<Row, "period">>();
  for (const r of rows) {
    const t = totals.get(r.aspect) ?? {
      aspect: r.aspect,
      mentions: 0,
      negative: 0,
      neutral: 0,
      positive: 0,
      score_sum: 0,
    };
    t.mentions += Number(r.mentions);
    t.negative += Number(r.negative);
    t.neutral += Number(r.neutral);
    t.positive += Number(r.positive);
    t.score_sum += Number(r.score_sum);
    totals.set(r.aspect, t);
  }
  return {
    interval: params.interval,
    items: rows.map((r) => ({ period: r.period, ...counts(r) })),
    totals: [...totals.values()]
      .sort((x, y) => y.mentions - x.mentions || x.aspect.localeCompare(y.aspect))
      .map(counts),
  };
}

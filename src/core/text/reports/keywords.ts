import type { FactsStore } from "../../facts/client.js";
import { textFilter } from "./text-filter.js";
import type { TTextKeywords, TTextKeywordsQuery } from "./text-reports.schema.js";

export interface TextKeywordsParams extends TTextKeywordsQuery {
  workspaceId: string;
}

const POLARITY = { negative: -1, neutral: 0, positive: 1 } as const;

/**
 * The most frequent keywords of the texts in range, with how many of those texts were negative
 * and positive. With an aspect, only texts mentioning it count, and polarity is the aspect's in
 * that text ("what do people say about delivery when they are unhappy with it").
 */
export async function textKeywords(facts: FactsStore, params: TextKeywordsParams): Promise<TTextKeywords> {
  const filter = textFilter(params);
  const polarity =
    params.aspect === undefined
      ? "multiIf(sentiment = 'negative', -1, sentiment = 'positive', 1, 0)"
      : "aspect_polarities[indexOf(aspect_keys, {aspect:String})]";
  const where = [filter.sql];
  if (params.aspect !== undefined) where.push("has(aspect_keys, {aspect:String})");
  if (params.sentiment !== undefined) where.push(`${polarity} = {polarity:Int8}`);
  const rows = await facts.query<{ keyword: string; count: number; negative: number; positive: number }>(
    `SELECT k AS keyword, count() AS count, countIf(${polarity} = -1) AS negative,
            countIf(${polarity} = 1) AS positive
     FROM ${facts.database}.feedback_text FINAL
     ARRAY JOIN keywords AS k
     WHERE ${where.join(" AND ")}
     GROUP BY keyword
     ORDER BY count DESC, keyword
     LIMIT {limit:UInt32}`,
    {
      ...filter.params,
      limit: params.limit,
      ...(params.aspect !== undefined && { aspect: params.aspect }),
      ...(params.sentiment !== undefined && { polarity: POLARITY[params.sentiment] }),
    },
  );
  return {
    items: rows.map((r) => ({
      keyword: r.keyword,
      count: Number(r.count),
      negative: Number(r.negative),
      positive: Number(r.positive),
    })),
  };
}

import { DEFINITIONS, metricFromBuckets, type RatingBucket } from "./definitions.js";
import { TIME_GROUPS, type TMetricGroup, type TMetricsQuery, type TMetricsResult } from "./metrics.schema.js";
import type { ReportContext } from "./report-context.js";
import { ratingHistograms } from "./reports/rating-histograms.js";
import { resolveLabels } from "./resolve-labels.js";

/** Entity and trait groupings keep the largest groups; a trait like an e-mail could have millions. */
export const MAX_GROUPS = 1000;

/**
 * One metric, overall and per group, with its definition (docs/api/listen.md §4). The overall figure
 * comes from the same histogram rows as the groups, so groups and overall never disagree on n.
 */
export async function getMetrics(ctx: ReportContext, query: TMetricsQuery): Promise<TMetricsResult> {
  const workspaceId = ctx.access.workspaceId;
  const rows = await ratingHistograms(ctx.facts, { ...query, workspaceId });
  const result = {
    metric: query.metric,
    definition: DEFINITIONS[query.metric],
    groupBy: query.groupBy,
    overall: metricFromBuckets(query.metric, rows),
  };
  if (query.groupBy === "none") return { ...result, groups: [] };

  const byKey = new Map<string, RatingBucket[]>();
  for (const row of rows) {
    const buckets = byKey.get(row.key) ?? [];
    buckets.push(row);
    byKey.set(row.key, buckets);
  }
  const isTime = TIME_GROUPS.has(query.groupBy);
  let groups = [...byKey].map(([key, buckets]) => ({ key, ...metricFromBuckets(query.metric, buckets) }));
  if (isTime) groups.sort((a, b) => a.key.localeCompare(b.key));
  else {
    // Largest first; records without a value for the grouping ("(none)") last.
    groups.sort(
      (a, b) => Number(a.key === "") - Number(b.key === "") || b.n - a.n || a.key.localeCompare(b.key),
    );
    groups = groups.slice(0, MAX_GROUPS);
  }
  const names = await resolveLabels(
    ctx.db,
    workspaceId,
    query.groupBy,
    groups.map((g) => g.key),
  );
  const labelled: TMetricGroup[] = groups.map(({ key, ...value }) => ({
    key,
    label: key === "" ? null : (names.get(key) ?? key),
    ...value,
  }));
  return { ...result, groups: labelled };
}

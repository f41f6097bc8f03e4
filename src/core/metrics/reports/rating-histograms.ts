import type { FactsStore } from "../../facts/client.js";
import { type MetricId, type RatingBucket, SOURCES } from "../definitions.js";
import type { GroupBy } from "../metrics.schema.js";
import { type FeedbackFilterParams, feedbackFilter } from "./feedback-filter.js";

export interface RatingHistogramsParams extends Omit<FeedbackFilterParams, "countedOnly"> {
  metric: MetricId;
  groupBy: GroupBy;
  /** Customer trait name for groupBy=trait (validated by the caller's schema). */
  trait?: string | undefined;
}

export interface RatingHistogramRow extends RatingBucket {
  /** Group key: "" for none and for records without a value (e.g. no touchpoint). */
  key: string;
}

/** A trait as text whatever its JSON type (string, number, boolean); missing or null → "". */
const TRAIT_SQL = `multiIf(
  JSONType(customer_traits, {trait:String}) = 'String', JSONExtractString(customer_traits, {trait:String}),
  JSONType(customer_traits, {trait:String}) IN ('Int64', 'UInt64', 'Double', 'Bool'),
  JSONExtractRaw(customer_traits, {trait:String}),
  '')`;

/** Group expressions by allowlisted name; the time zone and trait name are bound values. */
const GROUP_SQL: Record<GroupBy, string> = {
  none: "''",
  day: "toString(toDate(received_at, {tz:String}))",
  week: "toString(toMonday(received_at, {tz:String}))",
  month: "toString(toStartOfMonth(received_at, {tz:String}))",
  touchpoint: "touchpoint_id",
  journey: "journey_id",
  stage: "stage_id",
  persona: "persona_id",
  channel: "toString(channel)",
  survey: "survey_id",
  language: "toString(language)",
  trait: TRAIT_SQL,
};

/**
 * Per group, the histogram of the rating values that feed `metric` (value and scale → count),
 * over finished, unflagged, undeleted records. FINAL collapses replays and older versions before
 * the filters apply, so a record counts once, as its newest version.
 */
export async function ratingHistograms(
  facts: FactsStore,
  params: RatingHistogramsParams,
): Promise<RatingHistogramRow[]> {
  const filter = feedbackFilter({ ...params, countedOnly: true });
  const source = SOURCES[params.metric];
  const scale = source.scale ? "AND lo = {scaleMin:Int16} AND hi = {scaleMax:Int16}" : "";
  const rows = await facts.query<RatingHistogramRow>(
    `SELECT ${GROUP_SQL[params.groupBy]} AS key, v AS value, toInt32(lo) AS min, toInt32(hi) AS max,
            count() AS count
     FROM ${facts.database}.feedback FINAL
     ARRAY JOIN rating_metrics AS m, rating_values AS v, rating_mins AS lo, rating_maxs AS hi
     WHERE ${filter.sql} AND m = {ratingMetric:String} ${scale}
     GROUP BY key, value, min, max
     ORDER BY key, value`,
    {
      ...filter.params,
      ratingMetric: source.ratingMetric,
      trait: params.trait ?? "",
      ...(source.scale && { scaleMin: source.scale.min, scaleMax: source.scale.max }),
    },
  );
  return rows.map((r) => ({ ...r, value: Number(r.value), count: Number(r.count) }));
}

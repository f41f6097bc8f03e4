import { type CsvCell, toCsv } from "../files/csv-export.js";
import type { TMetricsResult } from "./metrics.schema.js";
import type { MetricValue } from "./types.js";

export const METRICS_CSV_COLUMNS = [
  "group",
  "label",
  "n",
  "value",
  "interval_low",
  "interval_high",
  "warning",
  "definition",
] as const;
/** The overall figure's row; group keys are ids, dates or trait values, so this reads as no group. */
export const OVERALL_GROUP = "(all)";
export const NONE_LABEL = "(none)";

/**
 * The metrics result as CSV: the overall row first, then one row per group, with the same numbers
 * as the API. Text cells are escaped against formula injection; numbers stay numbers.
 */
export function metricsCsv(result: TMetricsResult): { filename: string; body: string } {
  const row = (group: string, label: string, m: MetricValue): CsvCell[] => [
    group,
    label,
    m.n,
    m.value,
    m.interval?.low ?? null,
    m.interval?.high ?? null,
    m.warning,
    result.definition,
  ];
  const rows = [
    row(OVERALL_GROUP, "Overall", result.overall),
    ...result.groups.map((g) => row(g.key, g.label ?? NONE_LABEL, g)),
  ];
  return {
    filename: `metrics-${result.metric}-${result.groupBy}.csv`,
    body: toCsv(METRICS_CSV_COLUMNS, rows),
  };
}

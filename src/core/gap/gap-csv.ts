import { type CsvCell, toCsv } from "../files/csv-export.js";
import type { TGapFigures, TGapReport } from "./gap.schema.js";

export const GAP_CSV_COLUMNS = [
  "level",
  "id",
  "name",
  "owner",
  "class",
  "importance",
  "internal_n",
  "internal_mean",
  "internal_low",
  "internal_high",
  "measured_n",
  "measured_mean",
  "measured_low",
  "measured_high",
  "feedback",
  "gap",
  "gap_low",
  "gap_high",
  "internal_good_percent",
  "customer_good_percent",
] as const;

/**
 * The gap report as CSV, one row per touchpoint (blindspots first, as in the API), then per step,
 * stage and the journey. Text cells are escaped against formula injection; numbers stay numbers.
 */
export function gapCsv(report: TGapReport): { filename: string; body: string } {
  const figures = (f: TGapFigures): CsvCell[] => [
    f.internal.n,
    f.internal.value,
    f.internal.interval?.low ?? null,
    f.internal.interval?.high ?? null,
    f.measured.n,
    f.measured.value,
    f.measured.interval?.low ?? null,
    f.measured.interval?.high ?? null,
    f.feedback,
    f.gap.value,
    f.gap.interval?.low ?? null,
    f.gap.interval?.high ?? null,
    f.internalGood.value,
    f.customerGood.value,
  ];
  const rows: CsvCell[][] = [
    ...report.touchpoints.map((t) => [
      "touchpoint",
      t.touchpointId,
      t.name,
      [t.owner.team, t.owner.name].filter(Boolean).join(" · ") || null,
      t.class,
      t.importance,
      ...figures(t),
    ]),
    ...report.steps.map((s) => ["step", s.id, s.title, null, null, null, ...figures(s)]),
    ...report.stages.map((s) => ["stage", s.id, s.title, null, null, null, ...figures(s)]),
    ...(report.journey
      ? [["journey", report.journey.id, report.journey.title, null, null, null, ...figures(report.journey)]]
      : []),
  ];
  const stamp = report.range.to.slice(0, 10);
  return { filename: `experience-gap-${stamp}.csv`, body: toCsv(GAP_CSV_COLUMNS, rows) };
}

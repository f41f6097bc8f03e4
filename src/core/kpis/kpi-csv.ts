import { type CsvCell, toCsv } from "../files/csv-export.js";
import type { TKpiValues } from "./kpis.schema.js";

export const KPI_CSV_COLUMNS = [
  "key",
  "kind",
  "name",
  "journey_id",
  "unit",
  "direction",
  "target",
  "owner",
  "value",
  "n",
  "interval_low",
  "interval_high",
  "interval_method",
  "previous_value",
  "previous_n",
  "change",
  "trend",
  "met",
  "from",
  "to",
  "definition",
] as const;

/** The KPI values as CSV, one row per KPI; text cells are escaped against formula injection. */
export function kpiCsv(items: readonly TKpiValues[], to: string): { filename: string; body: string } {
  const rows: CsvCell[][] = items.map((i) => [
    i.kpi.key,
    i.kpi.kind,
    i.kpi.name,
    i.kpi.journeyId,
    i.kpi.unit,
    i.kpi.direction,
    i.kpi.target,
    i.kpi.owner?.name ?? null,
    i.current.value,
    i.current.n,
    i.current.interval?.low ?? null,
    i.current.interval?.high ?? null,
    i.current.interval?.method ?? null,
    i.previous.value,
    i.previous.n,
    i.change,
    i.trend,
    i.met === null ? null : String(i.met),
    i.current.from,
    i.current.to,
    i.definitionUsed,
  ]);
  return { filename: `kpis-${to.slice(0, 10)}.csv`, body: toCsv(KPI_CSV_COLUMNS, rows) };
}

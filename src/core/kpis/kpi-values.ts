import type { ReportContext } from "../metrics/report-context.js";
import { comparePeriods, meets, type Period, seriesPeriods, trendOf } from "./kpi-periods.js";
import type { TKpiValue, TKpiValues, TKpiValuesRequest } from "./kpis.schema.js";
import { listKpis } from "./list-kpis.js";
import { definitionOf, type KpiMeasurement, kpiMeasurer } from "./measure-kpi.js";

const periodValue = (p: Period, m: KpiMeasurement): TKpiValue => ({
  from: p.from.toISOString(),
  to: p.to.toISOString(),
  ...m,
});

/**
 * Each catalogue KPI's value over the current period (`days` before `to`) with n and interval, the
 * previous period of the same length for the trend, and a series by week or month, from the real
 * stores (docs/api/measure-the-gap.md §3).
 */
export async function kpiValues(
  ctx: ReportContext,
  input: TKpiValuesRequest,
  now = new Date(),
): Promise<{ items: TKpiValues[] }> {
  const to = input.to ? new Date(input.to) : now;
  const kpis = await listKpis(ctx, { journeyId: input.journeyId, ids: input.kpiIds });
  const { current, previous } = comparePeriods(to, input.days);
  const series = seriesPeriods(to, input.granularity, input.periods);
  const measure = kpiMeasurer(ctx, now);
  const items: TKpiValues[] = [];
  // One KPI at a time: its periods run in parallel, which keeps the facts store's pool busy but bounded.
  for (const kpi of kpis) {
    const [cur, prev, ...points] = await Promise.all(
      [current, previous, ...series].map(async (p) => periodValue(p, await measure(kpi, p))),
    );
    const c = cur as TKpiValue;
    const p = prev as TKpiValue;
    items.push({
      kpi,
      definitionUsed: definitionOf(kpi.measure),
      current: c,
      previous: p,
      ...trendOf(kpi.direction, c.value, p.value),
      met: meets(kpi.direction, c.value, kpi.target),
      series: points,
    });
  }
  return { items };
}

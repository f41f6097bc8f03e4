import type { TJourneyKpis } from "../analytics/journey-kpis.schema.js";
import { journeyKpis } from "../analytics/reports/journey-kpis.js";
import { csatFromHistogram } from "../metrics/csat.js";
import { DEFINITIONS } from "../metrics/definitions.js";
import { getMetrics } from "../metrics/get-metrics.js";
import { meanFromHistogram } from "../metrics/mean.js";
import { proportionMetric } from "../metrics/proportion.js";
import type { ReportContext } from "../metrics/report-context.js";
import type { MetricValue } from "../metrics/types.js";
import { medianRanks } from "./kpi-periods.js";
import type { TKpi, TKpiMeasure, TKpiValue } from "./kpis.schema.js";
import { journeySpread } from "./reports/journey-spread.js";
import { questionHistogram } from "./reports/question-histogram.js";
import { waitingOverTarget } from "./reports/waiting-over-target.js";

export interface KpiMeasurement {
  value: number | null;
  n: number;
  interval: TKpiValue["interval"];
}

export interface Range {
  from: Date;
  to: Date;
}

const JOURNEY_DEFINITIONS: Record<string, string> = {
  conversion: "completed instances / instances started in the period ·100; Wilson 95 %",
  time_to_complete:
    "median days from start to completion of the completed instances; distribution-free 95 % interval " +
    "from order statistics (none under n = 6)",
  contacts_per_instance: "contacts / instances started in the period; mean ± 1.96·s/√n",
  first_contact_resolution: "instances with exactly one contact / instances with contacts ·100; Wilson 95 %",
  repeat_contact_rate:
    "instances with two contacts within 7 days / instances with contacts ·100; Wilson 95 %",
  drop_off_rate: "dropped instances / instances started in the period ·100; Wilson 95 %",
  waiting_over_target: "waits between consecutive steps longer than the target / all waits ·100; Wilson 95 %",
};

/** The definition a KPI's value is computed with (DESIGN §3 for the feedback metrics). */
export function definitionOf(measure: TKpiMeasure): string {
  if (measure.type === "journey") return JOURNEY_DEFINITIONS[measure.measure] ?? measure.measure;
  if (measure.type === "metric") return DEFINITIONS[measure.metric];
  return measure.figure === "mean" ? DEFINITIONS.rating_mean : DEFINITIONS.rating_top2;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

const fromMetric = (m: MetricValue): KpiMeasurement => ({ value: m.value, n: m.n, interval: m.interval });

/** A percentage KPI measured over n instances gets the Wilson interval of its count. */
function percentOf(value: number | null, n: number): KpiMeasurement {
  if (value === null || n === 0) return { value, n, interval: null };
  const m = proportionMetric(Math.round((value * n) / 100), n, "hits");
  return { value, n, interval: m.interval };
}

/**
 * Measures KPIs over time ranges from the real stores. One measurer shares the journey KPI reports
 * between the KPIs of one journey and range (one query computes all six).
 */
export function kpiMeasurer(ctx: ReportContext, now = new Date()) {
  const journeyCache = new Map<string, Promise<TJourneyKpis>>();
  const journeyReport = (journeyId: string, range: Range) => {
    const key = `${journeyId}|${range.from.toISOString()}|${range.to.toISOString()}`;
    let report = journeyCache.get(key);
    if (!report) {
      report = journeyKpis(
        ctx,
        {
          journeyId,
          from: range.from.toISOString(),
          to: range.to.toISOString(),
          inactivityDays: 30,
          repeatWithinDays: 7,
        },
        now,
      );
      journeyCache.set(key, report);
    }
    return report;
  };

  /** Median time: order-statistic interval; contacts per instance: normal interval of the mean. */
  const spreadInterval = async (
    journeyId: string,
    range: Range,
    item: { key: string; value: number | null; n: number },
  ): Promise<KpiMeasurement["interval"]> => {
    if (item.value === null) return null;
    const ranks = item.key === "time_to_complete" ? medianRanks(item.n) : null;
    if (item.key === "time_to_complete" && ranks === null) return null;
    const spread = await journeySpread(ctx, journeyId, range, ranks, now);
    if (item.key === "time_to_complete") {
      const [low, high] = spread.durationAtRanks as [number, number];
      return { low: round4(low), high: round4(high), level: 0.95, method: "order_statistic" };
    }
    if (spread.contactsVariance === null || spread.instances < 2) return null;
    const half = (1.96 * Math.sqrt(spread.contactsVariance)) / Math.sqrt(spread.instances);
    return {
      low: round4(Math.max(0, item.value - half)),
      high: round4(item.value + half),
      level: 0.95,
      method: "normal_mean",
    };
  };

  return async function measure(
    kpi: Pick<TKpi, "measure" | "journeyId">,
    range: Range,
  ): Promise<KpiMeasurement> {
    const m = kpi.measure;
    if (m.type === "journey") {
      if (kpi.journeyId === null) return { value: null, n: 0, interval: null };
      if (m.measure === "waiting_over_target") {
        const w = await waitingOverTarget(
          ctx,
          kpi.journeyId,
          range,
          (m.waitTargetHours ?? 0) * 3_600_000,
          now,
        );
        return fromMetric(proportionMetric(w.over, w.waits, "over"));
      }
      const item = (await journeyReport(kpi.journeyId, range)).items.find((i) => i.key === m.measure);
      if (!item) return { value: null, n: 0, interval: null };
      if (item.unit === "percent") return percentOf(item.value, item.n);
      return { value: item.value, n: item.n, interval: await spreadInterval(kpi.journeyId, range, item) };
    }
    if (m.type === "metric") {
      const r = await getMetrics(ctx, {
        metric: m.metric,
        groupBy: "none",
        tz: "UTC",
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        ...(kpi.journeyId !== null && { journeyId: kpi.journeyId }),
      });
      return fromMetric(r.overall);
    }
    const buckets = await questionHistogram(ctx.facts, {
      workspaceId: ctx.access.workspaceId,
      surveyId: m.surveyId,
      questionId: m.questionId,
      ...(kpi.journeyId !== null && { journeyId: kpi.journeyId }),
      ...range,
    });
    // Answers on the question's most used scale (a question keeps its scale; a change leaves strays).
    const first = [...buckets].sort((a, b) => b.count - a.count)[0];
    if (!first) return { value: null, n: 0, interval: null };
    const scale = { min: first.min, max: first.max };
    const histogram = buckets
      .filter((b) => b.min === scale.min && b.max === scale.max)
      .map((b) => [b.value, b.count] as const);
    return fromMetric(
      m.figure === "mean" ? meanFromHistogram(histogram, scale) : csatFromHistogram(histogram, scale),
    );
  };
}

import type { TrendInterval, TrendResult } from "../../api/text";

export interface TrendPoint {
  /** ISO date of the bucket start (UTC). */
  period: string;
  mentions: number;
  negative: number;
  neutral: number;
  positive: number;
  meanScore: number | null;
}

const DAY_MS = 86_400_000;
/** Day ranges longer than this are not gap-filled (a chart of years of days is unreadable anyway). */
const MAX_POINTS = 1000;

function nextPeriod(period: string, interval: TrendInterval): string {
  const date = new Date(`${period}T00:00:00Z`);
  if (interval === "month") date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setTime(date.getTime() + (interval === "week" ? 7 : 1) * DAY_MS);
  return date.toISOString().slice(0, 10);
}

/**
 * The chart's points for one aspect (`""` = all texts): the API lists buckets with mentions only,
 * so empty buckets between the first and the last are added with zero counts, and the time axis
 * keeps its spacing.
 */
export function trendPoints(result: TrendResult, aspect: string): TrendPoint[] {
  const byPeriod = new Map<string, TrendPoint>();
  for (const item of result.items) {
    if (item.aspect !== aspect) continue;
    const period = item.period.slice(0, 10);
    byPeriod.set(period, {
      period,
      mentions: item.mentions,
      negative: item.negative,
      neutral: item.neutral,
      positive: item.positive,
      meanScore: item.meanScore,
    });
  }
  const periods = [...byPeriod.keys()].sort();
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return [];
  const points: TrendPoint[] = [];
  for (let p = first; p <= last && points.length < MAX_POINTS; p = nextPeriod(p, result.interval)) {
    points.push(
      byPeriod.get(p) ?? { period: p, mentions: 0, negative: 0, neutral: 0, positive: 0, meanScore: null },
    );
  }
  // Buckets off the interval's grid (should not happen) are kept rather than lost.
  for (const p of periods)
    if (!points.some((x) => x.period === p)) points.push(byPeriod.get(p) as TrendPoint);
  return points.sort((a, b) => a.period.localeCompare(b.period));
}

/** Negative mentions as a share of all mentions; null without mentions. */
export const negativeShare = (c: { mentions: number; negative: number }): number | null =>
  c.mentions > 0 ? c.negative / c.mentions : null;

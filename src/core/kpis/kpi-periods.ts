import type { TKpi } from "./kpis.schema.js";

export interface Period {
  from: Date;
  to: Date;
}

const DAY = 86_400_000;

/** Start (UTC) of the week (Monday) or month containing `d`. */
function startOf(d: Date, granularity: "week" | "month"): Date {
  if (granularity === "month") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

function shift(d: Date, granularity: "week" | "month", by: number): Date {
  if (granularity === "week") return new Date(d.getTime() + by * 7 * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + by, 1));
}

/**
 * `count` calendar weeks (Monday, UTC) or months ending with the one that holds the instant before
 * `to`; the last one is cut at `to` (the running week or month so far).
 */
export function seriesPeriods(to: Date, granularity: "week" | "month", count: number): Period[] {
  const last = startOf(new Date(to.getTime() - 1), granularity);
  const periods: Period[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const from = shift(last, granularity, -i);
    const end = i === 0 ? to : shift(from, granularity, 1);
    periods.push({ from, to: end });
  }
  return periods;
}

/** The current period `[to − days, to)` and the previous one of the same length before it. */
export function comparePeriods(to: Date, days: number): { current: Period; previous: Period } {
  const from = new Date(to.getTime() - days * DAY);
  return { current: { from, to }, previous: { from: new Date(from.getTime() - days * DAY), to: from } };
}

/**
 * The change's direction in the KPI's sense: improving when it moves the way the KPI wants (higher
 * or lower), flat when the change rounds to 0 at one decimal; null when either value is missing.
 */
export function trendOf(
  direction: TKpi["direction"],
  current: number | null,
  previous: number | null,
): { change: number | null; trend: "improving" | "worsening" | "flat" | null } {
  if (current === null || previous === null) return { change: null, trend: null };
  const change = Math.round((current - previous) * 10_000) / 10_000;
  if (Math.abs(change) < 0.05) return { change, trend: "flat" };
  return { change, trend: change > 0 === (direction === "higher") ? "improving" : "worsening" };
}

/** Whether a value meets its target in the KPI's direction; null without target or value. */
export function meets(
  direction: TKpi["direction"],
  value: number | null,
  target: number | null,
): boolean | null {
  if (value === null || target === null) return null;
  return direction === "higher" ? value >= target : value <= target;
}

/**
 * Ranks (1-based) of the distribution-free 95 % interval of a median of n values:
 * j = ⌊n/2 − 0.98·√n⌋, k = ⌈n/2 + 1 + 0.98·√n⌉, kept within 1…n; null under n = 6, where even the
 * smallest and largest value cover less than 95 %.
 */
export function medianRanks(n: number): [number, number] | null {
  if (n < 6) return null;
  const half = 0.98 * Math.sqrt(n);
  return [Math.max(1, Math.floor(n / 2 - half)), Math.min(n, Math.ceil(n / 2 + 1 + half))];
}

import type { MetricId, MetricInterval } from "../../api/listen";
import { currentLocale } from "../../i18n";

const formatters = new Map<string, Intl.NumberFormat>();

/** A number in the UI language (German decimal comma), with a fixed number of decimals. */
export function formatNumber(value: number, digits = 0): string {
  const locale = currentLocale() === "de" ? "de-DE" : "en-GB";
  const key = `${locale}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f.format(value);
}

/**
 * Display precision per metric: NPS as a whole number (the API keeps one decimal, DESIGN §3),
 * percentages with one decimal, means on a 1–5 or 1–7 scale with two.
 */
export const METRIC_DISPLAY: Record<MetricId, { digits: number; percent: boolean }> = {
  nps: { digits: 0, percent: false },
  csat: { digits: 1, percent: true },
  satisfaction_mean: { digits: 2, percent: false },
  ces_mean: { digits: 2, percent: false },
  ces_easy: { digits: 1, percent: true },
};

export function formatMetric(metric: MetricId, value: number | null): string {
  if (value === null) return "–";
  const { digits, percent } = METRIC_DISPLAY[metric];
  const text = formatNumber(value, digits);
  return percent ? `${text} %` : text;
}

export function formatInterval(metric: MetricId, interval: MetricInterval | null): string {
  if (!interval) return "–";
  const { digits } = METRIC_DISPLAY[metric];
  return `${formatNumber(interval.low, digits)} – ${formatNumber(interval.high, digits)}`;
}

/** The range a metric can take, for chart axes. */
export const METRIC_RANGE: Record<MetricId, { min: number; max: number }> = {
  nps: { min: -100, max: 100 },
  csat: { min: 0, max: 100 },
  satisfaction_mean: { min: 1, max: 5 },
  ces_mean: { min: 1, max: 7 },
  ces_easy: { min: 0, max: 100 },
};

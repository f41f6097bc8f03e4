import type { MetricInterval, QuestionMetricId } from "../../api/listen";
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
export const METRIC_DISPLAY: Record<QuestionMetricId, { digits: number; percent: boolean }> = {
  nps: { digits: 0, percent: false },
  csat: { digits: 1, percent: true },
  satisfaction_mean: { digits: 2, percent: false },
  ces_mean: { digits: 2, percent: false },
  ces_easy: { digits: 1, percent: true },
  rating_mean: { digits: 2, percent: false },
  rating_top2: { digits: 1, percent: true },
};

export function formatMetric(metric: QuestionMetricId, value: number | null): string {
  if (value === null) return "–";
  const { digits, percent } = METRIC_DISPLAY[metric];
  const text = formatNumber(value, digits);
  return percent ? `${text} %` : text;
}

export function formatInterval(metric: QuestionMetricId, interval: MetricInterval | null): string {
  if (!interval) return "–";
  const { digits } = METRIC_DISPLAY[metric];
  return `${formatNumber(interval.low, digits)} – ${formatNumber(interval.high, digits)}`;
}

/** The range a metric can take, for chart axes; a rating mean spans its question's scale. */
export function metricRange(
  metric: QuestionMetricId,
  scale: { min: number; max: number } = { min: 0, max: 10 },
): { min: number; max: number } {
  switch (metric) {
    case "nps":
      return { min: -100, max: 100 };
    case "satisfaction_mean":
      return { min: 1, max: 5 };
    case "ces_mean":
      return { min: 1, max: 7 };
    case "rating_mean":
      return scale;
    default:
      return { min: 0, max: 100 };
  }
}

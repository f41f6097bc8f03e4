import type { TFunction } from "i18next";
import type { HistogramBucket } from "../../api/analytics";
import { formatNumber } from "../metrics/format";

/** A duration in the largest unit that keeps it readable: 45 s, 12 min, 3.5 h, 2.1 days. */
export function formatDuration(t: TFunction, seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "–";
  const s = Math.max(0, seconds);
  const digits = (v: number) => (v < 10 && !Number.isInteger(v) ? 1 : 0);
  if (s < 60) return t("analytics.units.seconds", { value: formatNumber(s, digits(s)) });
  if (s < 3600) return t("analytics.units.minutes", { value: formatNumber(s / 60, digits(s / 60)) });
  if (s < 86_400) return t("analytics.units.hours", { value: formatNumber(s / 3600, digits(s / 3600)) });
  return t("analytics.units.days", { value: formatNumber(s / 86_400, digits(s / 86_400)) });
}

/** A share 0–1 as a percentage with one decimal. */
export const formatShare = (share: number | null): string =>
  share === null || !Number.isFinite(share) ? "–" : `${formatNumber(share * 100, 1)} %`;

/** A histogram bucket as "1 min–5 min", the open last one as "≥ 30 d". */
export const bucketLabel = (t: TFunction, b: HistogramBucket): string =>
  b.toSeconds === null
    ? `≥ ${formatDuration(t, b.fromSeconds)}`
    : `${formatDuration(t, b.fromSeconds)}–${formatDuration(t, b.toSeconds)}`;

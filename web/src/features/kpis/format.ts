import { formatNumber } from "../metrics/format";
import type { KpiInterval } from "./types";

/** NPS as a whole number (DESIGN §3), other values with one decimal, means under 10 with two. */
export function kpiDigits(unit: string, value: number): number {
  if (unit === "NPS") return 0;
  return Math.abs(value) < 10 && !Number.isInteger(value) ? 2 : 1;
}

export function formatKpi(unit: string, value: number | null): string {
  if (value === null) return "–";
  const text = formatNumber(value, kpiDigits(unit, value));
  return unit ? `${text} ${unit}` : text;
}

export function formatKpiInterval(unit: string, interval: KpiInterval | null): string {
  if (!interval) return "";
  const d = kpiDigits(unit, interval.low);
  return `${formatNumber(interval.low, d)} – ${formatNumber(interval.high, d)}`;
}

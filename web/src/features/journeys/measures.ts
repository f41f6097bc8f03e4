import type { TFunction } from "i18next";
import type { JourneyDocument, KpiUnit, Touchpoint } from "../../api/journey-design";
import type { Workspace } from "../../api/types";
import { formatNumber } from "../metrics/format";
import { allSteps } from "./document";

/** Pure helpers of the measured values shown on the journey map and in its KPI panel. */

/** Rebuilding journey instances needs the `write` scope: every role but viewers. */
export const canWrite = (workspace: Workspace) => workspace.role !== null && workspace.role !== "viewer";

/**
 * Whether any step's touchpoint has event matchers, i.e. whether the journey reports can measure it
 * (the server's `journeySteps`: touchpoints with readable matchers). Decides the toggle's default.
 */
export function hasMappedSteps(doc: JourneyDocument, touchpoints: readonly Touchpoint[]): boolean {
  const matched = new Set(touchpoints.filter((tp) => tp.eventMatchers.length > 0).map((tp) => tp.id));
  return allSteps(doc).some(({ step }) => step.touchpointId !== null && matched.has(step.touchpointId));
}

/** The point where workshop and measured rating count as apart: one star or more. */
export const RATING_GAP = 1;

/**
 * How the measured rating compares with the workshop's: `worse` or `better` when they differ by at
 * least `RATING_GAP`, `same` within it, null when either is missing.
 */
export function ratingGap(
  workshop: number | null,
  measured: number | null,
): "worse" | "better" | "same" | null {
  if (workshop === null || measured === null) return null;
  const diff = measured - workshop;
  // A small epsilon keeps 3.0 vs 4 (floating means like 2.9999999) on the expected side.
  if (diff <= -RATING_GAP + 1e-9) return "worse";
  if (diff >= RATING_GAP - 1e-9) return "better";
  return "same";
}

/** A mean rating with one decimal ("2,8" in German). */
export const formatRating = (mean: number | null): string => (mean === null ? "–" : formatNumber(mean, 1));

/** A sentiment score in [−1, 1] with its sign and two decimals ("+0,35", "−0,20"). */
export function formatSentimentScore(score: number | null): string {
  if (score === null || !Number.isFinite(score)) return "–";
  const text = formatNumber(Math.abs(score), 2);
  if (text === formatNumber(0, 2)) return text;
  return `${score > 0 ? "+" : "−"}${text}`;
}

/** A sentiment score's tone: clearly positive, clearly negative, or in between. */
export function sentimentTone(score: number | null): "positive" | "negative" | "neutral" | null {
  if (score === null) return null;
  if (score >= 0.2) return "positive";
  if (score <= -0.2) return "negative";
  return "neutral";
}

/** A KPI value in its unit: percent with one decimal, days with one, counts per instance with two. */
export function formatKpiValue(t: TFunction, unit: KpiUnit, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "–";
  if (unit === "percent") return `${formatNumber(value, 1)} %`;
  if (unit === "days") return t("journeys.kpis.daysValue", { value: formatNumber(value, 1), count: value });
  return formatNumber(value, 2);
}

import type { TFunction } from "i18next";
import type { AspectDefinition } from "../../api/text";
import { currentLocale } from "../../i18n";

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(digits: number, signed: boolean): Intl.NumberFormat {
  const locale = currentLocale() === "de" ? "de-DE" : "en-GB";
  const key = `${locale}:${digits}:${signed}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? "exceptZero" : "auto",
    });
    formatters.set(key, f);
  }
  return f;
}

/** A sentiment score in [−1, 1] with its sign and two decimals, in the UI language. */
export const formatScore = (score: number | null): string =>
  score === null ? "–" : formatter(2, true).format(score).replace("-", "−");

/** A share in [0, 1] as a whole percentage. */
export const formatShare = (share: number | null): string =>
  share === null ? "–" : `${formatter(0, false).format(share * 100)} %`;

export const formatCount = (n: number): string => formatter(0, false).format(n);

/**
 * An aspect's name in the UI language from the taxonomy; keys the taxonomy no longer has
 * (renamed or removed after the analysis) are shown as they are.
 */
export function aspectLabeller(aspects: AspectDefinition[] | undefined, t: TFunction) {
  const locale = currentLocale();
  const byKey = new Map((aspects ?? []).map((a) => [a.key, a]));
  return (key: string): string => {
    if (key === "") return t("text.allTexts");
    const aspect = byKey.get(key);
    return (aspect ? aspect.label[locale] || aspect.label.de || aspect.label.en : "") || key;
  };
}

const periodFormatters = new Map<string, Intl.DateTimeFormat>();

/** A trend bucket's start (a UTC date): months by name, days and weeks as dates. */
export function formatPeriod(period: string, interval: "day" | "week" | "month"): string {
  const locale = currentLocale() === "de" ? "de-DE" : "en-GB";
  const key = `${locale}:${interval === "month"}`;
  let f = periodFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale,
      interval === "month"
        ? { month: "short", year: "numeric", timeZone: "UTC" }
        : { dateStyle: "medium", timeZone: "UTC" },
    );
    periodFormatters.set(key, f);
  }
  const date = new Date(`${period.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? period : f.format(date);
}

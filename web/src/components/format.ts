import { currentLocale } from "../i18n";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(withTime: boolean): Intl.DateTimeFormat {
  const locale = currentLocale();
  const key = `${locale}:${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(iso: string, withTime = false): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(withTime).format(date);
}

import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../api/types";
import de from "./de.json";
import en from "./en.json";

export const LOCALES: readonly Locale[] = ["de", "en"];
export const DEFAULT_LOCALE: Locale = "de";
const STORAGE_KEY = "journeylens.locale";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof de };
  }
}

export const isLocale = (v: unknown): v is Locale => v === "de" || v === "en";

function storedLocale(): Locale | undefined {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be disabled (private mode); the profile still keeps the choice.
  }
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

/** Switches the UI language, remembers it locally and updates `<html lang>`. */
export async function applyLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

export function initI18n() {
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
  });
  const lng = storedLocale() ?? DEFAULT_LOCALE;
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES,
    interpolation: { escapeValue: false },
  });
  return i18next;
}

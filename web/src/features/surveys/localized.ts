import type { LocalizedText } from "../../api/listen";
import { currentLocale } from "../../i18n";

/** A survey text in the UI language, else in whichever language it has. */
export const localized = (text: LocalizedText | undefined, fallback = "") =>
  text?.[currentLocale()] || text?.de || text?.en || fallback;

import type { TFunction } from "i18next";
import { ALL_CHANNELS } from "../../api/listen";

/** Known feedback channels are translated; channels from imports are shown as they are. */
export function channelLabel(t: TFunction, channel: string): string {
  const known = ALL_CHANNELS.find((c) => c === channel);
  return known ? t(`feedback.channels.${known}`) : channel;
}

/** German and English by name, other language codes as they are. */
export function languageLabel(t: TFunction, language: string | null): string {
  if (language === "de") return t("surveys.languages.de");
  if (language === "en") return t("surveys.languages.en");
  return language ?? "–";
}

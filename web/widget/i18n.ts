import type { Language, LocalizedText } from "./types.js";

const en = {
  survey: "Survey",
  loading: "Loading the survey…",
  next: "Next",
  back: "Back",
  submit: "Submit",
  close: "Close survey",
  required: "required",
  progress: "Question {x} of {y}",
  thankYou: "Thank you! Your answers have been saved.",
  honeypot: "Leave this field empty",
  npsMin: "not at all likely",
  npsMax: "extremely likely",
  csatMin: "very dissatisfied",
  csatMax: "very satisfied",
  ces: [
    "strongly disagree",
    "disagree",
    "somewhat disagree",
    "neither agree nor disagree",
    "somewhat agree",
    "agree",
    "strongly agree",
  ],
  textPlaceholder: "Your answer",
  errorRequired: "Please answer this question.",
  errorTooLong: "Please shorten your answer to at most 5,000 characters.",
  errorLinkUsed: "This survey link was already used. Thank you for your interest!",
  errorClosed: "This survey is closed.",
  errorExpired: "This survey link has expired.",
  errorNotFound: "This survey is not available.",
  errorTooMany: "Too many responses were sent from this connection. Please try again later.",
  errorNetwork: "Your answer could not be saved. Please check your connection and try again.",
  errorInvalid: "Please check your answer.",
  errorGeneric: "Something went wrong. Please try again later.",
  saving: "Saving…",
};

export type Strings = typeof en;

const de: Strings = {
  survey: "Umfrage",
  loading: "Die Umfrage wird geladen …",
  next: "Weiter",
  back: "Zurück",
  submit: "Absenden",
  close: "Umfrage schließen",
  required: "Pflichtfrage",
  progress: "Frage {x} von {y}",
  thankYou: "Vielen Dank! Ihre Antworten wurden gespeichert.",
  honeypot: "Dieses Feld bitte leer lassen",
  npsMin: "überhaupt nicht wahrscheinlich",
  npsMax: "äußerst wahrscheinlich",
  csatMin: "sehr unzufrieden",
  csatMax: "sehr zufrieden",
  ces: [
    "stimme überhaupt nicht zu",
    "stimme nicht zu",
    "stimme eher nicht zu",
    "weder noch",
    "stimme eher zu",
    "stimme zu",
    "stimme voll und ganz zu",
  ],
  textPlaceholder: "Ihre Antwort",
  errorRequired: "Bitte beantworten Sie diese Frage.",
  errorTooLong: "Bitte kürzen Sie Ihre Antwort auf höchstens 5.000 Zeichen.",
  errorLinkUsed: "Dieser Umfragelink wurde bereits verwendet. Vielen Dank für Ihr Interesse!",
  errorClosed: "Diese Umfrage ist beendet.",
  errorExpired: "Dieser Umfragelink ist abgelaufen.",
  errorNotFound: "Diese Umfrage ist nicht verfügbar.",
  errorTooMany:
    "Von dieser Verbindung wurden zu viele Antworten gesendet. Bitte versuchen Sie es später erneut.",
  errorNetwork:
    "Ihre Antwort konnte nicht gespeichert werden. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  errorInvalid: "Bitte prüfen Sie Ihre Antwort.",
  errorGeneric: "Etwas ist schiefgegangen. Bitte versuchen Sie es später erneut.",
  saving: "Wird gespeichert …",
};

const catalog: Record<Language, Strings> = { de, en };

export function strings(language: Language): Strings {
  return catalog[language];
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}

/** A language tag reduced to one the widget speaks (`de-AT` → `de`), or null. */
export function toLanguage(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().toLowerCase().slice(0, 2);
  return primary === "de" || primary === "en" ? primary : null;
}

/** The text in `language`, else in the survey's other language, so a respondent never sees a blank. */
export function localized(text: LocalizedText | undefined, language: Language): string {
  if (!text) return "";
  return text[language] || text[language === "de" ? "en" : "de"] || "";
}

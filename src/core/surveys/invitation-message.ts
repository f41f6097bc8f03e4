import type { Language } from "../db/schema.js";
import type { TLocalizedText, TSurveyDefinition } from "./surveys.schema.js";

export interface InvitationMessageInput {
  language: Language;
  definition: TSurveyDefinition;
  url: string;
  subject?: TLocalizedText | undefined;
}

export interface InvitationEmail {
  subject: string;
  text: string;
  html: string;
}

const STRINGS = {
  de: {
    subject: (title: string) => `Ihre Meinung ist gefragt: ${title}`,
    greeting: "Guten Tag,",
    ask: "wir würden gern wissen, wie Sie uns erlebt haben. Die Umfrage dauert nur eine Minute:",
    button: "Zur Umfrage",
    thanks: "Vielen Dank!",
  },
  en: {
    subject: (title: string) => `We would like your opinion: ${title}`,
    greeting: "Hello,",
    ask: "we would like to know how you experienced us. The survey takes only a minute:",
    button: "Take the survey",
    thanks: "Thank you!",
  },
} as const;

/** User text goes into HTML only escaped, so survey texts render inert in mail clients. */
const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** The invitation e-mail in one language: a plain-text part and an equivalent, escaped HTML part. */
export function renderInvitationEmail(input: InvitationMessageInput): InvitationEmail {
  const s = STRINGS[input.language];
  const title = input.definition.title[input.language] ?? "";
  const intro = input.definition.intro?.[input.language] ?? "";
  const subject = input.subject?.[input.language] || s.subject(title);
  const text = [s.greeting, "", s.ask, ...(intro ? ["", intro] : []), "", input.url, "", s.thanks].join("\n");
  const html = [
    `<p>${escapeHtml(s.greeting)}</p>`,
    `<p>${escapeHtml(s.ask)}</p>`,
    ...(intro ? [`<p>${escapeHtml(intro)}</p>`] : []),
    `<p><a href="${escapeHtml(input.url)}">${escapeHtml(s.button)}</a></p>`,
    `<p>${escapeHtml(s.thanks)}</p>`,
  ].join("\n");
  return { subject, text, html };
}

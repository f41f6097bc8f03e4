import { toLanguage } from "./i18n.js";
import type { Language } from "./types.js";

export interface WidgetConfig {
  surveyId: string;
  /** Where the API lives: the origin the script itself was loaded from. */
  origin: string;
  mode: "widget" | "page";
  /** `?lang=` (page), `data-lang`, then the browser's languages; the survey may not offer it. */
  preferredLanguage: Language | null;
  /** `data-delay` in seconds; null leaves it to the survey's widget settings. */
  delaySeconds: number | null;
  /** The personal link's token (`?t=` of the hosted page). */
  token: string | null;
  /** `data-customer-id` and `data-hidden-*`: context from the host page, stored as such. */
  hidden: Record<string, string>;
  /** The page the survey is answered on, without query or fragment (they may carry tokens or e-mails). */
  pageUrl: string | null;
}

function browserLanguage(): Language | null {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const language = toLanguage(tag);
    if (language) return language;
  }
  return null;
}

/** The server's limits on hidden fields; a field beyond them would make it refuse the whole response. */
const HIDDEN_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const MAX_HIDDEN_FIELDS = 20;
const MAX_HIDDEN_VALUE = 500;

function hiddenFields(script: HTMLScriptElement): Record<string, string> {
  const fields: [string, string][] = [];
  const customerId = script.getAttribute("data-customer-id");
  if (customerId) fields.push(["customerId", customerId]);
  for (const attribute of Array.from(script.attributes)) {
    if (attribute.name.startsWith("data-hidden-"))
      fields.push([attribute.name.slice("data-hidden-".length), attribute.value]);
  }
  const hidden: Record<string, string> = {};
  for (const [name, value] of fields) {
    if (!HIDDEN_KEY.test(name)) {
      console.warn(`Journeylens: hidden field "${name}" ignored: use letters, digits, _ . - (max. 64).`);
    } else if (Object.keys(hidden).length < MAX_HIDDEN_FIELDS) {
      hidden[name] = value.slice(0, MAX_HIDDEN_VALUE);
    }
  }
  return hidden;
}

/** Reads the embedding script's attributes; null when it names no survey. */
export function readConfig(script: HTMLScriptElement): WidgetConfig | null {
  const surveyId = script.getAttribute("data-survey")?.trim();
  if (!surveyId) return null;
  const mode = script.getAttribute("data-mode") === "page" ? "page" : "widget";
  const params = new URLSearchParams(location.search);
  const delay = Number.parseFloat(script.getAttribute("data-delay") ?? "");
  return {
    surveyId,
    origin: new URL(script.src, location.href).origin,
    mode,
    preferredLanguage:
      (mode === "page" ? toLanguage(params.get("lang")) : null) ??
      toLanguage(script.getAttribute("data-lang")) ??
      browserLanguage(),
    delaySeconds: Number.isFinite(delay) && delay >= 0 ? delay : null,
    token: mode === "page" ? params.get("t") : null,
    hidden: hiddenFields(script),
    pageUrl: /^https?:$/.test(location.protocol) ? `${location.origin}${location.pathname}` : null,
  };
}

import type { TDigest } from "./notifications.schema.js";
import { safeAppPath } from "./notify.js";

export type MailLocale = "de" | "en";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Everything user-provided goes through this before it reaches HTML: no tag, no attribute survives. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Header text on one line: a CR/LF in user text must not start a new header. */
const oneLine = (value: string, max = 200) => value.replace(/[\r\n\t]+/g, " ").slice(0, max);

/**
 * An absolute URL on the app's own base for an app path; null for anything else, so an e-mail never
 * links off-site (no `javascript:`, no other host).
 */
export function appUrl(baseUrl: string, path: string | null | undefined): string | null {
  const safe = safeAppPath(path);
  if (!safe) return null;
  const base = new URL(baseUrl);
  const url = new URL(base.pathname.replace(/\/$/, "") + safe, base);
  return url.origin === base.origin ? url.href : null;
}

export const asLocale = (value: string | null | undefined): MailLocale => (value === "de" ? "de" : "en");

const T = {
  en: {
    kinds: {
      alert: "Alert",
      case_assigned: "Case assigned to you",
      case_sla_breached: "SLA breached",
      case_escalated: "Case escalated to you",
      test: "Test e-mail",
    } as Record<string, string>,
    otherKind: "Notification",
    greeting: (name: string) => `Hello ${name},`,
    open: "Open in Journeylens",
    footer: "You receive this e-mail because of your notification settings in Journeylens.",
    testBody: "Your SMTP settings work: this e-mail was sent by Journeylens.",
    digestSubject: { daily: "Your daily Journeylens digest", weekly: "Your weekly Journeylens digest" },
    myCases: "Your open cases",
    breached: "SLA breached",
    dueSoon: "due within 24 h",
    journeys: "Cases of your journeys",
    journeyCounts: (o: number, b: number, r: number) => `${o} opened, ${b} breached, ${r} resolved`,
    change: { opened: "opened", breached: "breached", resolved: "resolved" },
    alerts: "Alerts fired",
    kpis: "KPIs that got worse (last 7 days against the 7 before)",
    more: (n: number) => `… and ${n} more`,
    period: (from: string, to: string) => `From ${from} to ${to}`,
  },
  de: {
    kinds: {
      alert: "Alarm",
      case_assigned: "Ihnen zugewiesener Fall",
      case_sla_breached: "SLA verletzt",
      case_escalated: "An Sie eskalierter Fall",
      test: "Test-E-Mail",
    } as Record<string, string>,
    otherKind: "Benachrichtigung",
    greeting: (name: string) => `Hallo ${name},`,
    open: "In Journeylens öffnen",
    footer: "Sie erhalten diese E-Mail aufgrund Ihrer Benachrichtigungseinstellungen in Journeylens.",
    testBody: "Ihre SMTP-Einstellungen funktionieren: Diese E-Mail hat Journeylens gesendet.",
    digestSubject: {
      daily: "Ihre tägliche Journeylens-Zusammenfassung",
      weekly: "Ihre wöchentliche Journeylens-Zusammenfassung",
    },
    myCases: "Ihre offenen Fälle",
    breached: "SLA verletzt",
    dueSoon: "fällig in 24 h",
    journeys: "Fälle Ihrer Journeys",
    journeyCounts: (o: number, b: number, r: number) => `${o} eröffnet, ${b} SLA verletzt, ${r} gelöst`,
    change: { opened: "eröffnet", breached: "SLA verletzt", resolved: "gelöst" },
    alerts: "Ausgelöste Alarme",
    kpis: "Verschlechterte KPIs (letzte 7 Tage gegenüber den 7 davor)",
    more: (n: number) => `… und ${n} weitere`,
    period: (from: string, to: string) => `Von ${from} bis ${to}`,
  },
} as const;

export const kindLabel = (locale: MailLocale, kind: string): string =>
  T[locale].kinds[kind] ?? T[locale].otherKind;

const layout = (bodyHtml: string, footer: string) =>
  `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5;color:#1f2933">${bodyHtml}<hr><p style="color:#6b7280;font-size:12px">${escapeHtml(footer)}</p></body></html>`;

const linkHtml = (href: string | null, label: string) =>
  href ? `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>` : "";

/** Multiline user text as paragraphs of escaped text. */
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== "")
    .map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`)
    .join("");

export interface NotificationMailInput {
  locale: MailLocale;
  recipientName: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  baseUrl: string;
}

export function renderNotificationMail(input: NotificationMailInput): RenderedMail {
  const t = T[input.locale];
  const label = kindLabel(input.locale, input.kind);
  const url = appUrl(input.baseUrl, input.link);
  const text = [
    t.greeting(input.recipientName),
    "",
    `${label}:`,
    input.title,
    ...(input.body ? ["", input.body] : []),
    ...(url ? ["", `${t.open}: ${url}`] : []),
    "",
    "-- ",
    t.footer,
  ].join("\n");
  const html = layout(
    `<p>${escapeHtml(t.greeting(input.recipientName))}</p><p>${escapeHtml(label)}:</p><h2>${escapeHtml(input.title)}</h2>${paragraphs(input.body)}${linkHtml(url, t.open)}`,
    t.footer,
  );
  return { subject: oneLine(`${label}: ${input.title}`), text, html };
}

export function renderTestMail(locale: MailLocale): RenderedMail {
  const t = T[locale];
  return {
    subject: `Journeylens: ${t.kinds.test}`,
    text: `${t.testBody}\n`,
    html: layout(`<p>${escapeHtml(t.testBody)}</p>`, t.footer),
  };
}

const day = (iso: string, locale: MailLocale) =>
  new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  }).format(new Date(iso));

export function digestIsEmpty(d: TDigest): boolean {
  return d.myCases.length === 0 && d.journeys.length === 0 && d.alerts.length === 0 && d.kpis.length === 0;
}

export function renderDigestMail(
  digest: TDigest,
  options: { locale: MailLocale; recipientName: string; baseUrl: string; workspaceId: string },
): RenderedMail {
  const { locale, baseUrl, workspaceId } = options;
  const t = T[locale];
  const caseUrl = (id: string) => appUrl(baseUrl, `/w/${workspaceId}/cases/${id}`);
  const text: string[] = [
    t.greeting(options.recipientName),
    "",
    t.period(day(digest.from, locale), day(digest.to, locale)),
  ];
  const html: string[] = [
    `<p>${escapeHtml(t.greeting(options.recipientName))}</p>`,
    `<p>${escapeHtml(t.period(day(digest.from, locale), day(digest.to, locale)))}</p>`,
  ];
  const item = (title: string, note: string, url: string | null) => {
    text.push(`- ${title}${note ? ` (${note})` : ""}${url ? `\n  ${url}` : ""}`);
    const inner = url ? `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>` : escapeHtml(title);
    return `<li>${inner}${note ? ` <em>(${escapeHtml(note)})</em>` : ""}</li>`;
  };
  const section = (heading: string, items: string[]) => {
    html.push(`<h3>${escapeHtml(heading)}</h3><ul>${items.join("")}</ul>`);
  };
  if (digest.myCases.length > 0) {
    text.push("", t.myCases);
    section(
      t.myCases,
      digest.myCases.map((c) =>
        item(c.title, c.breached ? t.breached : c.dueSoon ? t.dueSoon : "", caseUrl(c.id)),
      ),
    );
  }
  for (const j of digest.journeys) {
    const heading = `${t.journeys}: ${j.journeyTitle} — ${t.journeyCounts(j.opened, j.breached, j.resolved)}`;
    text.push("", heading);
    const items = j.cases.map((c) => item(c.title, t.change[c.change], caseUrl(c.id)));
    const more = j.opened + j.breached + j.resolved - j.cases.length;
    if (more > 0) {
      text.push(`- ${t.more(more)}`);
      items.push(`<li>${escapeHtml(t.more(more))}</li>`);
    }
    section(heading, items);
  }
  // Digests queued before KPIs were part of them carry none.
  const kpis = digest.kpis ?? [];
  if (kpis.length > 0) {
    const num = new Intl.NumberFormat(locale === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 1 });
    text.push("", t.kpis);
    section(
      t.kpis,
      kpis.map((k) =>
        item(
          k.name,
          `${num.format(k.previous)} → ${num.format(k.current)}${k.unit ? ` ${k.unit}` : ""}`,
          null,
        ),
      ),
    );
  }
  if (digest.alerts.length > 0) {
    text.push("", t.alerts);
    section(
      t.alerts,
      digest.alerts.map((a) => item(a.title, a.severity, null)),
    );
  }
  text.push("", "-- ", t.footer);
  return {
    subject: t.digestSubject[digest.frequency],
    text: text.join("\n"),
    html: layout(html.join(""), t.footer),
  };
}

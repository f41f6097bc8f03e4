// @vitest-environment node
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1500, height: 1000 };
const ENRICH_TIMEOUT_MS = 120_000;
const WEEK_MS = 7 * 86_400_000;

// Our own example texts: two complaints about waiting, one praise for the staff, ...
const NEGATIVE = {
  title: "Hotline nicht erreichbar",
  text: "Ich habe ewig in der Warteschleife gewartet und niemand ruft zurück. Eine Frechheit!",
};
const ITEMS = [
  { channel: "complaint_form", externalId: "t-1", language: "de", ...NEGATIVE },
  {
    channel: "email",
    externalId: "t-2",
    language: "de",
    text: "Die Bearbeitung hat wochenlang gedauert, ich warte immer noch auf eine Antwort.",
  },
  {
    channel: "web_review",
    externalId: "t-3",
    language: "de",
    text: "Sehr freundliche und kompetente Beratung im Shop, vielen Dank!",
  },
  // ... four about dogs in the hotel, which no aspect covers (for topic discovery), ...
  ...[
    "Mein Hund durfte nicht mit ins Hotel, schade.",
    "Unser Hund war im Hotel leider nicht erlaubt.",
    "Warum sind Hunde im Hotel nicht erlaubt? Unser Hund ist lieb.",
    "Hunde nicht erlaubt, wir mussten den Hund zu Hause lassen.",
  ].map((text, i) => ({ channel: "web_review", externalId: `dog-${i}`, language: "de", text })),
  // ... and a surge of waiting: one complaint in each of the eight weeks before, eleven this week.
  ...Array.from({ length: 8 }, (_, i) => ({
    channel: "email",
    externalId: `wait-before-${i}`,
    language: "de",
    receivedAt: new Date(Date.now() - (i + 1) * WEEK_MS).toISOString(),
    text: `Wieder lange gewartet an der Kasse (Filiale ${i + 1}).`,
  })),
  ...Array.from({ length: 11 }, (_, i) => ({
    channel: "email",
    externalId: `wait-now-${i}`,
    language: "de",
    text: `Lange Wartezeit am Schalter, fast eine Stunde (Filiale ${i + 1}).`,
  })),
];

interface Span {
  from: number;
  to: number;
  text: string;
}
interface Enrichment {
  sentiment: string;
  aspects: { aspect: string; label: string; triggers: Span[] }[];
}
interface FeedbackItem {
  id: string;
  title: string | null;
  text: string;
  enrichment: Enrichment | null;
}
interface Counts {
  aspect: string;
  mentions: number;
  negative: number;
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** Enrichment runs in the outbox worker and reaches the facts store after it: wait for both. */
async function waitForEnrichment(page: Page, api: string, count: number): Promise<FeedbackItem[]> {
  const until = Date.now() + ENRICH_TIMEOUT_MS;
  for (;;) {
    const list = await getJson<{ items: FeedbackItem[] }>(page, `${api}/feedback?limit=50`);
    const trend = await getJson<{ totals: Counts[] }>(page, `${api}/text/trend?interval=week`);
    const texts = trend.totals.find((c) => c.aspect === "")?.mentions ?? 0;
    if (list.items.length === count && list.items.every((f) => f.enrichment) && texts === count)
      return list.items;
    if (Date.now() > until) throw new Error(`not enriched within ${ENRICH_TIMEOUT_MS / 1000} s`);
    await page.waitForTimeout(1000);
  }
}

describe("text analytics in the inbox and the topics view end to end", () => {
  let e2e: E2E;
  let workspaceId = "";
  let negativeId = "";

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-text-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("shows sentiment, aspects and trigger highlights in the inbox, filters by them, and counts them in the topics view", async () => {
    // The strict CSP stays on: highlights, chips and the ECharts trend must work with it.
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await logIn(page, e2e);
      // A workspace of its own, so every count is known (the demo's thousands are enriched meanwhile).
      const created = await page.request.post(`${e2e.server.url}/api/v1/workspaces`, {
        data: { name: "Textanalyse E2E" },
      });
      expect(created.status()).toBe(201);
      workspaceId = ((await created.json()) as { id: string }).id;
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}`;
      const app = `${e2e.server.url}/w/${workspaceId}`;
      const ingest = await page.request.post(`${api}/feedback`, { data: { items: ITEMS } });
      expect(ingest.status()).toBe(201);
      negativeId = ((await ingest.json()) as { items: { id: string }[] }).items[0]?.id ?? "";

      const items = await waitForEnrichment(page, api, ITEMS.length);
      const negative = items.find((f) => f.id === negativeId);
      const waiting = negative?.enrichment?.aspects.find((a) => a.aspect === "waiting_time");
      expect(negative?.enrichment?.sentiment).toBe("negative");
      expect(waiting?.label).toBe("negative");
      const triggers = [...new Set(waiting?.triggers.map((t) => t.text))];
      expect(triggers.length).toBeGreaterThan(0);

      // The row: a sentiment badge spelled out, and the aspect chip with its polarity.
      await page.goto(`${app}/feedback`);
      await page
        .getByRole("heading", { level: 1, name: "Feedback-Posteingang" })
        .waitFor({ timeout: UI_TIMEOUT });
      const row = page.getByRole("link", { name: /Warteschleife gewartet/ });
      await row.waitFor({ timeout: UI_TIMEOUT });
      await expect(row.locator(".sentiment-badge--negative").textContent()).resolves.toMatch(
        /negativ\s*−0,\d\d/,
      );
      const chip = row.locator('.aspect-chip[data-aspect="waiting_time"]');
      await expect(chip.textContent()).resolves.toBe("▼Wartezeit·negativ");

      // Filters in the URL, answered by the server: the same rows the API returns.
      const filters = page.getByRole("search", { name: "Feedback filtern" });
      await filters.getByRole("combobox", { name: /^Stimmung/ }).selectOption("negative");
      await page.waitForURL(/sentiment=negative/);
      const negatives = await getJson<{ items: FeedbackItem[] }>(page, `${api}/feedback?sentiment=negative`);
      await expect
        .poll(() => page.locator(".feedback-row").count(), { timeout: UI_TIMEOUT })
        .toBe(negatives.items.length);
      await filters.getByRole("combobox", { name: /^Stimmung/ }).selectOption("");
      await filters.getByRole("combobox", { name: /^Aspekt/ }).selectOption("waiting_time");
      await page.waitForURL(/aspect=waiting_time/);
      const waitingItems = await getJson<{ items: FeedbackItem[] }>(
        page,
        `${api}/feedback?aspect=waiting_time`,
      );
      expect(waitingItems.items.map((f) => f.id)).toContain(negativeId);
      await expect
        .poll(() => page.locator(".feedback-row").count(), { timeout: UI_TIMEOUT })
        .toBe(waitingItems.items.length);

      // The detail: the text with the trigger words highlighted where the analysis found them.
      await row.click();
      const detail = page.getByRole("article", { name: NEGATIVE.title });
      await detail.waitFor({ timeout: UI_TIMEOUT });
      const marks = detail.locator(
        '[data-testid="analysed-text"] mark.hl--trigger[data-aspects~="waiting_time"]',
      );
      await marks.first().waitFor({ timeout: UI_TIMEOUT });
      const marked = await marks.allTextContents();
      for (const trigger of triggers) expect(marked.join(" ")).toContain(trigger);
      // Offsets map back onto title and text: the text part reads exactly as written.
      await expect(
        detail.locator('[data-testid="analysed-text"] > span:not(.text-insight__title)').textContent(),
      ).resolves.toBe(NEGATIVE.text);
      const detailChip = detail.locator('.text-insight .aspect-chip[data-aspect="waiting_time"]');
      await expect(detailChip.textContent()).resolves.toContain(`„${triggers[0]}“`);
      await detail.getByText("builtin/", { exact: false }).first().waitFor();

      // The topics view: the chart renders, and the table counts what the trend API counts.
      await page
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: "Themen & Stimmung" })
        .click();
      await page
        .getByRole("heading", { level: 1, name: "Themen & Stimmung" })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.locator(".chart canvas").first().waitFor({ timeout: UI_TIMEOUT });
      await expect(page.getByTestId("texts-analysed").textContent()).resolves.toBe(String(ITEMS.length));
      const trend = await getJson<{ totals: Counts[] }>(page, `${api}/text/trend?interval=week`);
      const aspects = trend.totals.filter((c) => c.aspect !== "");
      const table = page
        .getByRole("table")
        .filter({ has: page.getByRole("columnheader", { name: "Nennungen" }) });
      await expect(table.locator("tbody tr").count()).resolves.toBe(aspects.length);
      const waitingRow = table.getByRole("row", { name: /Wartezeit/ });
      await expect(waitingRow.getByTestId("aspect-mentions").textContent()).resolves.toBe(
        String(aspects.find((c) => c.aspect === "waiting_time")?.mentions),
      );
      await waitingRow.getByRole("button", { name: "Verlauf für Wartezeit zeigen" }).click();
      await page.waitForURL(/aspect=waiting_time/);
      await page.getByRole("heading", { name: "Verlauf: Wartezeit" }).waitFor({ timeout: UI_TIMEOUT });
      // The aspect's name opens the inbox filtered by it.
      await waitingRow.getByRole("link", { name: "Wartezeit" }).click();
      await page.waitForURL(/\/feedback\?aspect=waiting_time$/, { timeout: UI_TIMEOUT });
      await expect
        .poll(() => page.locator(".feedback-row").count(), { timeout: UI_TIMEOUT })
        .toBe(waitingItems.items.length);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it("keeps the inbox, topics view and settings accessible, tries a text, reports a stale taxonomy, and saves screenshots", async () => {
    expect(negativeId).not.toBe("");
    // axe-core is injected as a script tag, which the strict CSP would block (checked in the test above).
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await logIn(page, e2e);
      const app = `${e2e.server.url}/w/${workspaceId}`;
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}`;

      await page.goto(`${app}/feedback?id=${negativeId}`);
      await page.locator('[data-testid="analysed-text"] mark').first().waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "text-inbox.png") });

      // The surge of waiting raises an emerging-topic alert (checked after enrichment, in the worker).
      const until = Date.now() + ENRICH_TIMEOUT_MS;
      while (
        (await getJson<{ items: unknown[] }>(page, `${api}/alerts?kind=emerging_topic`)).items.length === 0
      ) {
        if (Date.now() > until) throw new Error("no emerging-topic alert was raised");
        await page.waitForTimeout(1000);
      }
      await page.goto(`${app}/topics`);
      await page.locator(".chart canvas").first().waitFor({ timeout: UI_TIMEOUT });
      const alerts = page.getByRole("region", { name: "Auffällige Themen" });
      const alert = alerts.getByRole("listitem").filter({ hasText: "Wartezeit wird auffällig oft genannt" });
      await alert.waitFor({ timeout: UI_TIMEOUT });
      await expect(alert.textContent()).resolves.toContain("13 Nennungen (sonst ⌀ 1)");

      // Topic discovery groups the texts about dogs, which no aspect covers.
      const discovered = page.getByRole("region", { name: "Entdeckte Themen" });
      await discovered.getByRole("button", { name: "Themen entdecken" }).click();
      await discovered.locator(".topic").first().waitFor({ timeout: UI_TIMEOUT });
      const run = await getJson<{ items: { label: string; size: number }[] }>(page, `${api}/text/topics`);
      expect(run.items.length).toBeGreaterThan(0);
      await expect(discovered.locator(".topic__label").allTextContents()).resolves.toEqual(
        run.items.map((topic) => topic.label),
      );
      expect(run.items.reduce((n, topic) => n + topic.size, 0)).toBe(4);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "text-topics.png"), fullPage: true });

      await alert.getByRole("button", { name: "Bestätigen: Wartezeit" }).click();
      await alerts.getByText("Keine offenen Hinweise.").waitFor({ timeout: UI_TIMEOUT });
      await alerts.getByLabel("Bestätigte zeigen").check();
      await alert.getByText("Bestätigt", { exact: true }).waitFor({ timeout: UI_TIMEOUT });

      // The playground: the analysis of a sample text, with its trigger highlighted.
      await page.getByRole("tab", { name: "Einstellungen" }).click();
      await page
        .getByLabel("Text", { exact: true })
        .fill("Die Lieferung hat ewig gedauert, aber der Fahrer war sehr nett.");
      await page.getByRole("button", { name: "Analysieren", exact: true }).click();
      const tried = page.getByTestId("playground-text");
      await tried.locator("mark.hl--trigger").first().waitFor({ timeout: UI_TIMEOUT });
      await expect(page.locator(".playground .clause").count()).resolves.toBeGreaterThan(1);
      expect(await axeViolations(page)).toEqual([]);

      // Someone else saves the taxonomy while this page edits it: the save answers 409, and the
      // editor says so and loads their version.
      const editor = page.locator(".aspect-editor").first();
      await editor.locator("summary").click();
      await editor.getByLabel("Name (Deutsch)").fill("Wartezeiten");
      await page.getByText("Ungespeicherte Änderungen").waitFor();
      const current = await getJson<{ version: number; aspects: { label: { de: string } }[] }>(
        page,
        `${api}/text/taxonomy`,
      );
      const theirs = current.aspects.map((a, i) =>
        i === 0 ? { ...a, label: { ...a.label, de: "Warten" } } : a,
      );
      const put = await page.request.put(`${api}/text/taxonomy`, {
        data: { version: current.version, aspects: theirs },
      });
      expect(put.status()).toBe(200);
      await page.getByRole("button", { name: "Aspekte speichern" }).click();
      await page.getByText("Die Aspektliste wurde inzwischen geändert").waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(OUT_DIR, "text-settings.png"), fullPage: true });
      await page.getByRole("button", { name: "Aktuelle Fassung laden" }).click();
      await page.getByText("Eigene Aspektliste, Version", { exact: false }).waitFor({ timeout: UI_TIMEOUT });
      await expect(page.locator(".aspect-editor__name").first().textContent()).resolves.toBe("Warten");
      await page.getByRole("button", { name: "Auf Standard zurücksetzen" }).click();
      await page
        .getByRole("dialog", { name: "Aspektliste zurücksetzen?" })
        .getByRole("button", { name: "Auf Standard zurücksetzen" })
        .click();
      await page.getByText("Die Standardliste ist aktiv.").waitFor({ timeout: UI_TIMEOUT });

      // Re-analysing everything runs in the worker; the page follows its progress to the end.
      await page.getByRole("button", { name: "Gesamtes Feedback neu analysieren" }).click();
      await page
        .getByRole("dialog", { name: "Gesamtes Feedback neu analysieren?" })
        .getByRole("button", { name: "Neu analysieren" })
        .click();
      await page
        .getByText(`Neuanalyse abgeschlossen: ${ITEMS.length} Texte.`)
        .waitFor({ timeout: ENRICH_TIMEOUT_MS });

      // English labels come from the taxonomy's label.en.
      await page.getByRole("button", { name: "English" }).click();
      await page.goto(`${app}/topics`);
      await page
        .getByRole("heading", { level: 1, name: "Topics & sentiment" })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("row", { name: /Waiting time/ }).waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "text-topics-en.png"), fullPage: true });
      await page.getByRole("button", { name: "Deutsch" }).click();
      await page
        .getByRole("heading", { level: 1, name: "Themen & Stimmung" })
        .waitFor({ timeout: UI_TIMEOUT });
      // The browser logs the provoked 409; nothing else may fail.
      expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});

// @vitest-environment node
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1500, height: 1000 };
const SURVEY_NAME = "Beziehungsumfrage Glasfaser";
const COMMENT = "Der Glasfaseranschluss lief sofort, vielen Dank an das ganze Team!";

interface NpsFigure {
  n: number;
  value: number | null;
  components?: { promoters: number; passives: number; detractors: number };
}

/** The survey's NPS as the results API reports it. */
async function npsOf(page: Page, base: string, surveyId: string): Promise<NpsFigure> {
  const res = await page.request.get(`${base}/surveys/${surveyId}/results`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    questions: { questionId: string; metrics?: ({ metric: string } & NpsFigure)[] }[];
  };
  const figure = body.questions.find((q) => q.questionId === "nps")?.metrics?.find((m) => m.metric === "nps");
  if (!figure) throw new Error("the results have no NPS figure");
  return figure;
}

/** Responses reach the figures through the outbox and the facts store: wait until n is reached. */
async function waitForN(page: Page, base: string, surveyId: string, n: number): Promise<NpsFigure> {
  const until = Date.now() + 30_000;
  for (;;) {
    const figure = await npsOf(page, base, surveyId);
    if (figure.n >= n) return figure;
    if (Date.now() > until) throw new Error(`NPS n stayed at ${figure.n}, expected ${n}`);
    await page.waitForTimeout(500);
  }
}

/** DESIGN §3, displayed as a whole number (half away from zero, like Intl's default rounding). */
const npsDisplay = (c: { promoters: number; detractors: number }, n: number) =>
  String(
    Math.sign(c.promoters - c.detractors) * Math.round(Math.abs((100 * (c.promoters - c.detractors)) / n)),
  );

describe("survey, hosted page, inbox and metrics end to end", () => {
  let e2e: E2E;
  let workspaceId = "";
  let surveyId = "";
  let expected = "";

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-survey-inbox-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("creates a survey from the NPS template, answers it on the hosted page, finds the answer in the inbox and sees the NPS move", async () => {
    // The strict CSP stays on: the editor, the hosted page, the inbox and the ECharts results must work with it.
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      workspaceId = await logIn(page, e2e);
      const app = `${e2e.server.url}/w/${workspaceId}`;
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}`;

      await page
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: "Umfragen" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Umfragen" }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("button", { name: "Neue Umfrage" }).first().click();
      const create = page.getByRole("dialog", { name: "Neue Umfrage" });
      await expect(create.getByRole("radio", { name: /NPS-Beziehungsumfrage/ }).isChecked()).resolves.toBe(
        true,
      );
      await create.getByLabel("Name").fill(SURVEY_NAME);
      await create.getByRole("button", { name: "Umfrage anlegen" }).click();
      await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/, { timeout: UI_TIMEOUT });
      surveyId = page.url().split("/").pop() ?? "";
      await page.getByRole("heading", { level: 1, name: SURVEY_NAME }).waitFor();
      // The template brings German and English texts and skip logic for detractors.
      await expect(page.getByLabel("Fragetext (Deutsch)").first().inputValue()).resolves.toContain(
        "weiterempfehlen",
      );
      await expect(page.getByLabel("Fragetext (Englisch, optional)").first().inputValue()).resolves.toContain(
        "recommend",
      );
      await expect(
        page.getByRole("checkbox", { name: "Nur anzeigen, wenn …" }).nth(2).isChecked(),
      ).resolves.toBe(true);

      await page.getByRole("tab", { name: "Einstellungen" }).click();
      await page.getByRole("button", { name: "Aktiv", exact: true }).click();
      await page.getByText("Ungespeicherte Änderungen").waitFor();
      await page.getByRole("button", { name: "Speichern" }).click();
      await page.getByText("Als Version 2 gespeichert.").waitFor({ timeout: UI_TIMEOUT });
      const stored = (await (await page.request.get(`${api}/surveys/${surveyId}`)).json()) as {
        status: string;
      };
      expect(stored.status).toBe("active");

      // Three earlier respondents: a promoter, a passive and a detractor (NPS 0).
      for (const nps of [9, 7, 6]) {
        const res = await page.request.post(`${e2e.server.url}/api/public/v1/surveys/${surveyId}/responses`, {
          data: { submissionId: crypto.randomUUID(), answers: { nps }, finished: true, language: "de" },
        });
        expect(res.status()).toBe(201);
      }
      const before = await waitForN(page, api, surveyId, 3);
      expect(before.components).toEqual({ promoters: 1, passives: 1, detractors: 1 });
      expect(before.value).toBe(0);
      await page.getByRole("tab", { name: "Ergebnisse" }).click();
      await expect(page.getByTestId("metric-nps").textContent()).resolves.toBe("0");

      // The customer answers on the hosted page: 10, a comment, and the detractor question stays hidden.
      const hosted = await context.newPage();
      const hostedProblems = collectProblems(hosted);
      await hosted.goto(`${e2e.server.url}/s/${surveyId}?lang=de`);
      await hosted.getByRole("radiogroup", { name: /weiterempfehlen/ }).waitFor({ timeout: UI_TIMEOUT });
      // The radio sits under its styled label, which takes the click.
      await hosted.getByRole("radio", { name: /^10\b/ }).check({ force: true });
      await hosted.getByRole("button", { name: "Weiter" }).click();
      await hosted.getByRole("textbox", { name: /wichtigste Grund/ }).fill(COMMENT);
      await hosted.getByRole("button", { name: "Absenden" }).click();
      await hosted.getByText("Vielen Dank für Ihr Feedback!").waitFor({ timeout: UI_TIMEOUT });
      expect(hostedProblems).toEqual([]);
      await hosted.close();

      // The inbox finds it by full-text search; the detail shows the rating and the answers.
      await page.goto(`${app}/feedback`);
      await page
        .getByRole("heading", { level: 1, name: "Feedback-Posteingang" })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("searchbox", { name: "Volltextsuche" }).fill("Glasfaseranschluss");
      const row = page.getByRole("link", { name: /Glasfaseranschluss lief sofort/ });
      await row.waitFor({ timeout: UI_TIMEOUT });
      // The search runs after a short pause in typing: wait until the list holds only the match.
      await expect.poll(() => page.locator(".feedback-row").count(), { timeout: UI_TIMEOUT }).toBe(1);
      await expect(row.textContent()).resolves.toContain("NPS 10/10");
      await expect(row.textContent()).resolves.toContain("Umfrageseite");
      await row.click();
      const detail = page.getByRole("article", { name: "Umfrageantwort" });
      await detail.waitFor({ timeout: UI_TIMEOUT });
      await detail.getByText(COMMENT).first().waitFor();
      await expect(detail.getByRole("definition").allTextContents()).resolves.toEqual(
        expect.arrayContaining(["10", COMMENT, "Deutsch", "Abgeschlossen"]),
      );

      // The NPS moved exactly as the counts say: one more promoter out of one more answer.
      const after = await waitForN(page, api, surveyId, 4);
      const b = before.components ?? { promoters: 0, passives: 0, detractors: 0 };
      expect(after.components).toEqual({ ...b, promoters: b.promoters + 1 });
      expected = npsDisplay({ promoters: b.promoters + 1, detractors: b.detractors }, before.n + 1);
      expect(expected).toBe("25");
      expect(after.value).toBe(25);
      await page.goto(`${app}/surveys/${surveyId}?tab=results`);
      await expect(page.getByTestId("metric-nps").textContent({ timeout: UI_TIMEOUT })).resolves.toBe(
        expected,
      );
      await expect(page.getByTestId("responses-total").textContent()).resolves.toBe("4");
      await page.getByText(COMMENT).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it("keeps the editor, results, inbox and metrics accessible, shows the same NPS in English, and saves screenshots", async () => {
    expect(surveyId).not.toBe("");
    // axe-core is injected as a script tag, which the strict CSP would block (checked in the first test).
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await context.newPage();
      await logIn(page, e2e);
      const app = `${e2e.server.url}/w/${workspaceId}`;

      await page.goto(`${app}/surveys/${surveyId}`);
      await page.getByRole("heading", { level: 1, name: SURVEY_NAME }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("article", { name: "Frage 3" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "survey-editor.png") });

      await page.getByRole("tab", { name: "Ergebnisse" }).click();
      await page.getByTestId("metric-nps").waitFor({ timeout: UI_TIMEOUT });
      await page.locator(".chart canvas").first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "survey-results.png"), fullPage: true });

      await page.goto(`${app}/feedback?q=Glasfaseranschluss`);
      await page.getByRole("link", { name: /Glasfaseranschluss lief sofort/ }).click({ timeout: UI_TIMEOUT });
      await page.getByRole("article", { name: "Umfrageantwort" }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("searchbox", { name: "Volltextsuche" }).fill("");
      await page.locator(".feedback-row").nth(10).waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "inbox-de.png") });

      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { level: 1, name: "Feedback inbox" }).waitFor({ timeout: UI_TIMEOUT });
      await page.goto(`${app}/metrics?metric=nps&groupBy=survey`);
      const row = page.getByRole("row", { name: new RegExp(SURVEY_NAME) });
      await row.waitFor({ timeout: UI_TIMEOUT });
      const [n, value, , warning] = await row.getByRole("cell").allTextContents();
      expect([n, value, warning]).toEqual(["4", expected, "Small sample (n < 30)"]);
      await page.goto(`${app}/metrics?metric=nps&groupBy=week`);
      await page.getByRole("heading", { level: 1, name: "Metrics" }).waitFor({ timeout: UI_TIMEOUT });
      await page.locator(".chart canvas").first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByText("NPS = 100 · (promoters − detractors) / n", { exact: false }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "metrics-en.png"), fullPage: true });
      // The language is saved in the profile: back to German for the tests that follow.
      await page.getByRole("button", { name: "Deutsch" }).click();
      await page.getByRole("heading", { level: 1, name: "Kennzahlen" }).waitFor({ timeout: UI_TIMEOUT });
    } finally {
      await context.close();
    }
  }, 180_000);

  it("imports feedback from a CSV with a column mapping, reports duplicates on re-import, and flags a record", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}`;
      const file = {
        name: "beschwerden.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          "Vorgangsnummer;Datum;Sterne;Betreff;Kommentar\n" +
            "B-1;31.5.2026 14:30;1;Router fehlt;Der Router kam erst nach drei Wochen, niemand rief zurück.\n" +
            "B-2;1.6.2026 09:10;5;Danke;Schnelle Hilfe an der Hotline.\n",
        ),
      };
      await page.goto(`${e2e.server.url}/w/${workspaceId}/feedback`);
      const importButton = page.getByRole("button", { name: "Importieren" });
      for (const expectedCounts of [
        ["2", "0"],
        ["0", "2"],
      ]) {
        await importButton.click();
        const dialog = page.getByRole("dialog", { name: "Feedback importieren" });
        await dialog.getByLabel("Datei").setInputFiles(file);
        await dialog.getByText("2 Zeilen erkannt.", { exact: false }).waitFor({ timeout: UI_TIMEOUT });
        // The columns are recognised by their German names; the channel is chosen for the file.
        await expect(dialog.getByLabel("Externe ID").inputValue()).resolves.toBe("Vorgangsnummer");
        await expect(dialog.getByLabel("Text", { exact: true }).inputValue()).resolves.toBe("Kommentar");
        await expect(dialog.getByLabel("Spalte von Bewertung 1").inputValue()).resolves.toBe("Sterne");
        await dialog.getByLabel("Kanal", { exact: true }).selectOption("complaint_form");
        if (expectedCounts[0] === "2") expect(await axeViolations(page)).toEqual([]);
        await dialog.getByRole("button", { name: "2 Zeilen importieren" }).click();
        await dialog.getByText("Import abgeschlossen").waitFor({ timeout: UI_TIMEOUT });
        await expect(dialog.locator(".import-preview__counts dd").allTextContents()).resolves.toEqual([
          ...expectedCounts,
          "2",
        ]);
        await dialog.getByRole("button", { name: "Fertig" }).click();
        await dialog.waitFor({ state: "detached" });
      }

      const filters = page.getByRole("search", { name: "Feedback filtern" });
      await filters.getByRole("combobox", { name: /^Kanal/ }).selectOption("complaint_form");
      await filters.getByRole("combobox", { name: /^Bewertung/ }).selectOption("negative");
      await filters.getByRole("searchbox", { name: "Volltextsuche" }).fill("Router");
      const row = page.getByRole("link", { name: /Router kam erst nach drei Wochen/ });
      await row.click({ timeout: UI_TIMEOUT });
      const detail = page.getByRole("article", { name: "Router fehlt" });
      await detail.getByRole("button", { name: "Markieren" }).click();
      const flag = page.getByRole("dialog", { name: "Feedback markieren" });
      await flag.getByLabel("Grund (optional)").fill("Testdaten aus dem Import");
      await flag.getByRole("button", { name: "Markieren" }).click();
      await detail.getByText("Markiert – zählt nicht in den Kennzahlen").waitFor({ timeout: UI_TIMEOUT });
      await detail.getByText("Testdaten aus dem Import").waitFor();
      await expect(row.textContent()).resolves.toContain("Markiert");
      const list = (await (
        await page.request.get(`${api}/feedback?channel=complaint_form&flagged=true&q=Router`)
      ).json()) as { items: { title: string; flagReason: string }[] };
      expect(list.items.map((f) => [f.title, f.flagReason])).toEqual([
        ["Router fehlt", "Testdaten aus dem Import"],
      ]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("creates a personal link and an invitation trigger whose signing secret is shown once", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}`;
      await page.goto(`${e2e.server.url}/w/${workspaceId}/surveys/${surveyId}?tab=distribute`);
      await page.getByRole("heading", { name: "Persönliche Links" }).waitFor({ timeout: UI_TIMEOUT });

      await page.getByLabel("Kunden-ID (optional)").fill("K-4711");
      await page.getByRole("button", { name: "Feld hinzufügen" }).click();
      await page.getByLabel("Name von Feld 1").fill("auftrag");
      await page.getByLabel("Wert von Feld 1").fill("A-77");
      await page.getByRole("button", { name: "Link erzeugen" }).click();
      const url = await page
        .getByLabel("Persönlicher Link", { exact: true })
        .inputValue({ timeout: UI_TIMEOUT });
      expect(url).toMatch(new RegExp(`/s/${surveyId}\\?t=[A-Za-z0-9_-]+$`));
      await page.getByRole("cell", { name: "auftrag=A-77" }).waitFor();

      await page.getByRole("button", { name: "Neuer Auslöser" }).click();
      const dialog = page.getByRole("dialog", { name: "Neuer Auslöser" });
      await dialog.getByLabel("Name").fill("Nach der Installation");
      await dialog.getByLabel("Ereignis").fill("Installation Completed");
      await dialog.getByLabel("Bedingung (optional)").fill('properties.product = "Glasfaser"');
      await dialog.getByLabel("Ziel-URL").fill("https://example.com/journeylens-hook");
      await dialog.getByLabel("Stichprobe in %").fill("50");
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole("button", { name: "Auslöser anlegen" }).click();
      const secretDialog = page.getByRole("dialog", { name: "Signaturschlüssel" });
      const secret = await secretDialog.getByLabel("Schlüssel (whsec_…)").inputValue({ timeout: UI_TIMEOUT });
      expect(secret).toMatch(/^whsec_/);
      await secretDialog.getByRole("button", { name: "Fertig" }).click();
      await page.getByRole("cell", { name: "Nach der Installation", exact: true }).waitFor();
      await expect(page.getByRole("row", { name: /Nach der Installation/ }).textContent()).resolves.toContain(
        "50 %",
      );

      // Afterwards the secret is masked, in the API and in the edit dialog.
      const triggers = (await (await page.request.get(`${api}/surveys/${surveyId}/triggers`)).json()) as {
        items: { target: { secret: string } }[];
      };
      expect(triggers.items).toHaveLength(1);
      expect(triggers.items[0]?.target.secret).not.toBe(secret);
      await page.getByRole("button", { name: "Nach der Installation bearbeiten" }).click();
      const edit = page.getByRole("dialog", { name: "Auslöser bearbeiten" });
      await expect(edit.textContent()).resolves.not.toContain(secret);
      await page.keyboard.press("Escape");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

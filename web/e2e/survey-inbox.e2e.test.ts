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
    } finally {
      await context.close();
    }
  }, 180_000);
});

// @vitest-environment node
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1600, height: 1100 };

interface StepMeasures {
  stepId: string;
  title: string;
  mapped: boolean;
  customers: number;
  rating: { n: number; mean: number | null };
}
interface Measures {
  instances: { total: number; completed: number; inProgress: number; dropped: number; customers: number };
  refreshedAt: string | null;
  steps: StepMeasures[];
}
interface Kpis {
  instances: number;
  items: {
    key: string;
    value: number | null;
    n: number;
    target: { name: string; value: number } | null;
    met: boolean | null;
  }[];
}

/** A number as the German UI writes it: "1.234". */
const de = (n: number) => new Intl.NumberFormat("de-DE").format(n);

async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const res = await page.request.post(url, { data });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

describe("journey measures end to end", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-journey-measures-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("shows measured values on the demo journey's steps, its KPIs against the map's targets, and recomputes", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}/analytics`;

      await page.getByRole("link", { name: "Umzug mit Festnetz und Internet" }).click();
      const map = page.getByRole("table", { name: /Journey Map Umzug mit Festnetz/ });
      await map.waitFor({ timeout: UI_TIMEOUT });
      const journeyId = /\/journeys\/([^/?#]+)/.exec(page.url())?.[1] ?? "";
      expect(journeyId).not.toBe("");

      // The journey has steps whose touchpoints have event matchers: measured values are on by default.
      const toggle = page.getByRole("checkbox", { name: "Messwerte" });
      const flowLane = map.locator("tr.jm-row--measured");
      const ratingLane = map.locator("tr.jm-row--measured-rating");
      await flowLane.waitFor({ timeout: UI_TIMEOUT });
      await ratingLane.waitFor({ timeout: UI_TIMEOUT });
      await expect(toggle.isChecked()).resolves.toBe(true);

      // The same report the page asked for (default range: the last 90 days).
      const measures = await post<Measures>(page, `${api}/journey-measures`, { journeyId });
      const mapped = measures.steps.filter((s) => s.mapped);
      expect(mapped.length).toBeGreaterThan(0);
      expect(measures.instances.total, "the demo seed computes journey instances").toBeGreaterThan(0);
      expect(mapped.every((s) => s.customers > 0)).toBe(true);
      const rated = measures.steps.filter((s) => s.rating.n > 0);
      expect(rated.length, "the demo links step ratings to the journey").toBeGreaterThan(0);

      // The header summary: instances and their status, as of the last refresh.
      const summary = page.locator(".jm-measures__counts");
      await summary.getByText(`${de(measures.instances.total)} Instanzen`).waitFor({ timeout: UI_TIMEOUT });
      await expect(summary.textContent()).resolves.toContain(
        `${de(measures.instances.completed)} abgeschlossen`,
      );
      await expect(summary.textContent()).resolves.toContain(`${de(measures.instances.dropped)} abgebrochen`);
      await expect(page.locator(".jm-measures__stand").textContent()).resolves.toMatch(/^Stand: \d/);

      // Each step's measured cell, in map order (one cell per step; the stages of the demo have steps).
      const flowCells = flowLane.locator("td");
      const ratingCells = ratingLane.locator("td");
      await expect(flowCells.count()).resolves.toBe(measures.steps.length);
      for (const [i, step] of measures.steps.entries()) {
        const text = (await flowCells.nth(i).textContent()) ?? "";
        if (step.mapped) {
          expect(text, step.title).toContain(`Kunden${de(step.customers)}`);
          expect(text, step.title).toContain("Konversion");
          expect(text, step.title).toContain("Wartezeit Median");
          expect(text, step.title).toContain("Wartezeit P90");
          expect(text, step.title).toContain("Kontaktrate");
        } else expect(text, step.title).toBe("keine Ereignisdaten");
        const rating = (await ratingCells.nth(i).textContent()) ?? "";
        expect(rating, step.title).toMatch(/^Workshop [1-5–]/);
        if (step.rating.n > 0 && step.rating.mean !== null) {
          const mean = new Intl.NumberFormat("de-DE", {
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          }).format(step.rating.mean);
          expect(rating, step.title).toContain(`gemessen ${mean} (n ${de(step.rating.n)})`);
        } else expect(rating, step.title).toContain("keine Bewertungen");
      }
      // The first mapped step has no previous step to convert from; later ones show a percentage.
      await expect(flowCells.locator("dd", { hasText: /\d %$/ }).count()).resolves.toBeGreaterThan(0);

      // The KPI panel: six KPIs computed from the instances.
      const panel = page.getByRole("region", { name: "KPIs aus Daten" });
      const cards = panel.locator(".jm-kpi");
      await expect(cards.count()).resolves.toBe(6);
      const conversion = panel.locator('[data-kpi="conversion"]');
      await expect(conversion.textContent()).resolves.toContain("Abschlussquote");
      const kpisBefore = await post<Kpis>(page, `${api}/journey-kpis`, { journeyId });
      const conversionValue = kpisBefore.items.find((k) => k.key === "conversion")?.value ?? null;
      expect(conversionValue).not.toBeNull();
      await expect(conversion.locator(".jm-kpi__value").textContent()).resolves.toBe(
        `${new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(conversionValue ?? 0)} %`,
      );

      // Link the map's KPI "Kontakte pro Umzug" to the measured contacts per instance, and save.
      await page.getByRole("button", { name: "Details", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Details der Journey" });
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      const row = dialog.locator(".kpi-editor__item").filter({
        has: page.locator('input[value="Kontakte pro Umzug"]'),
      });
      await row.getByLabel("Gemessen als").selectOption({ label: "Kontakte pro Instanz" });
      await dialog.getByRole("button", { name: "Übernehmen" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Speichern", exact: true }).click();
      await page.getByText(/^Als Version \d+ gespeichert\.$/).waitFor({ timeout: UI_TIMEOUT });

      const contacts = panel.locator('[data-kpi="contacts_per_instance"]');
      await contacts.getByText("Ziel ≤ 1,00").waitFor({ timeout: UI_TIMEOUT });
      const kpis = await post<Kpis>(page, `${api}/journey-kpis`, { journeyId });
      const item = kpis.items.find((k) => k.key === "contacts_per_instance");
      expect(item?.target).toEqual({ name: "Kontakte pro Umzug", value: 1 });
      expect(item?.met).not.toBeNull();
      await contacts.getByText(item?.met ? "erreicht" : "verfehlt", { exact: true }).waitFor();
      await expect(contacts.textContent()).resolves.toContain(`(n ${de(item?.n ?? 0)})`);

      await page.screenshot({ path: join(OUT_DIR, "journey-measures.png"), fullPage: false });
      await page.locator(".jm-layout").screenshot({ path: join(OUT_DIR, "journey-measures-map.png") });

      // Recompute (the demo user owns the workspace): progress, then what was done; values stay.
      await page.getByRole("button", { name: "Neu berechnen" }).click();
      await page
        .locator(".jm-measures__result")
        .getByText(/^Neu berechnet: [\d.]+ Instanzen/)
        .waitFor({ timeout: 120_000 });
      await summary.getByText(`${de(measures.instances.total)} Instanzen`).waitFor({ timeout: UI_TIMEOUT });
      await page.locator(".jm-measures").screenshot({ path: join(OUT_DIR, "journey-measures-rebuilt.png") });

      // Switched off, the measured lanes and the KPI panel leave the map.
      await toggle.uncheck();
      await flowLane.waitFor({ state: "detached" });
      await expect(panel.count()).resolves.toBe(0);

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it("has no serious accessibility violations with the measured values and in the KPI editor", async () => {
    // axe-core is injected as a script: allowed only in this context (the test above keeps the CSP).
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await context.newPage();
      await logIn(page, e2e);
      await page.getByRole("link", { name: "Umzug mit Festnetz und Internet" }).click();
      const map = page.getByRole("table", { name: /Journey Map Umzug mit Festnetz/ });
      await map.locator("tr.jm-row--measured").waitFor({ timeout: UI_TIMEOUT });
      await page.locator(".jm-kpi").first().waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page), "map").toEqual([]);

      await page.getByRole("button", { name: "Details", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Details der Journey" });
      await dialog.locator(".kpi-editor__item").first().waitFor({ timeout: UI_TIMEOUT });
      const editors = dialog.locator(".kpi-editor");
      await editors.first().scrollIntoViewIfNeeded();
      await editors.first().screenshot({ path: join(OUT_DIR, "journey-measures-kpi-editor.png") });
      expect(await axeViolations(page), "KPI editor").toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

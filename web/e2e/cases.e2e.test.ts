// @vitest-environment node
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1400, height: 1000 };
const TITLE = "Techniker kam nicht <b>pünktlich</b>";

describe("cases end to end", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-cases-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("works a case from the queue to its resolution, on the timeline and in the journey cockpit", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}`;

      // Demo cases only appear once the outbox drained; this test opens its own case by hand.
      const journeys = (await (await page.request.get(`${api}/journeys?limit=100`)).json()) as {
        items: { id: string; title: string }[];
      };
      const journey = journeys.items.find((j) => j.title === "Umzug mit Festnetz und Internet");
      const tps = (await (await page.request.get(`${api}/touchpoints?limit=100`)).json()) as {
        items: { id: string; name: string }[];
      };
      const tp = tps.items.find((x) => x.name === "Techniker-Besuch");
      expect(journey && tp).toBeTruthy();
      const created = await page.request.post(`${api}/cases`, {
        data: {
          title: TITLE,
          customerId: "email:e2e@example.com",
          journeyId: journey?.id,
          touchpointId: tp?.id,
        },
      });
      expect(created.status()).toBe(201);
      const caseId = ((await created.json()) as { case: { id: string } }).case.id;
      const members = (await (await page.request.get(`${api}/members?limit=100`)).json()) as {
        items: { userId: string; email: string }[];
      };
      const me = members.items.find((m) => m.email === e2e.demo.email);
      const assigned = await page.request.post(`${api}/cases/${caseId}/assign`, {
        data: { userId: me?.userId },
      });
      expect(assigned.status()).toBe(200);

      await page.getByRole("link", { name: "Fälle" }).click();
      await page.waitForURL(/\/cases$/, { timeout: UI_TIMEOUT });
      await page.getByRole("heading", { level: 1, name: "Fälle" }).waitFor({ timeout: UI_TIMEOUT });
      const row = page.locator("table.cases-table tbody tr", { hasText: TITLE }).first();
      await row.waitFor({ timeout: UI_TIMEOUT });
      expect(await row.textContent()).toContain("Techniker-Besuch");
      await page.screenshot({ path: join(OUT_DIR, "cases-queue.png"), fullPage: true });

      // User text is text: the markup in the title is shown, not rendered.
      await row.getByRole("link", { name: TITLE }).click();
      await page.waitForURL(new RegExp(`/cases/${caseId}$`), { timeout: UI_TIMEOUT });
      await page.getByRole("heading", { level: 1, name: TITLE }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator("main b, .page b").count()).toBe(0);

      await page.getByLabel("Kommentar").fill("Kunde angerufen, neuer Termin <i>morgen</i>.");
      await page.getByRole("button", { name: "Kommentar hinzufügen" }).click();
      const timeline = page.locator(".cases-timeline");
      await timeline
        .getByText("Kunde angerufen, neuer Termin <i>morgen</i>.")
        .waitFor({ timeout: UI_TIMEOUT });

      await page.getByLabel("Ursache").selectOption("process");
      await page.getByLabel("Lösungsnotiz").fill("Zeitfenster auf zwei Stunden verkürzt.");
      await page.getByRole("button", { name: "Als gelöst markieren" }).click();
      await timeline
        .getByText("Prozess: Zeitfenster auf zwei Stunden verkürzt.")
        .waitFor({ timeout: UI_TIMEOUT });
      const kinds = await timeline.locator("li strong").allTextContents();
      expect(kinds.indexOf("Kommentar")).toBeGreaterThan(kinds.indexOf("angelegt"));
      expect(kinds.indexOf("gelöst")).toBeGreaterThan(kinds.indexOf("Kommentar"));
      await page.screenshot({ path: join(OUT_DIR, "cases-detail.png"), fullPage: true });

      await page.getByRole("link", { name: "Zurück zu den Fällen" }).click();
      await page.getByRole("tab", { name: "Journey-Cockpit" }).click();
      await page.getByLabel("Customer Journey").selectOption(journey?.id ?? "");
      const step = page.locator("table.cases-matrix tbody tr", {
        hasText: "Techniker schaltet den Anschluss",
      });
      await step.waitFor({ timeout: UI_TIMEOUT });
      const cells = await step.locator("td").allTextContents();
      // Columns: the six statuses (resolved is the fifth), then the total.
      expect(Number(cells[4])).toBeGreaterThanOrEqual(1);
      await page.screenshot({ path: join(OUT_DIR, "cases-cockpit.png"), fullPage: true });

      // "Alle" filtered by status lists the resolved case.
      await page.getByRole("tab", { name: "Alle" }).click();
      await page.getByLabel("Status").selectOption("resolved");
      await page.locator("table.cases-table tbody tr", { hasText: TITLE }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator("table.cases-table tbody tr", { hasText: "neu" }).count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 600_000);

  it("has no serious accessibility violations", async () => {
    // axe is injected as a script, which the app's CSP refuses: this context bypasses it.
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const workspaceId = await logIn(page, e2e);
      await page.goto(`${e2e.server.url}/w/${workspaceId}/cases`);
      await page.getByRole("tab", { name: "Journey-Cockpit" }).click();
      await page.locator("table.cases-matrix tbody tr").first().waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

// @vitest-environment node
import { join } from "node:path";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1400, height: 1000 };
/** The blindspot colour of the matrix (web/src/features/gap/matrix.ts). */
const BLINDSPOT: [number, number, number] = [0xc0, 0x36, 0x2c];

async function paintedPixels(chart: Locator, rgb: [number, number, number]): Promise<number> {
  return chart.locator("canvas").evaluate((canvas, [r, g, b]) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    if (!data) return 0;
    for (let i = 0; i < data.length; i += 4)
      if (
        Math.abs((data[i] ?? 0) - r) < 12 &&
        Math.abs((data[i + 1] ?? 0) - g) < 12 &&
        Math.abs((data[i + 2] ?? 0) - b) < 12
      )
        n++;
    return n;
  }, rgb);
}

interface Report {
  touchpoints: { name: string; class: string; gap: { value: number | null } }[];
  statement: { internalGoodPercent: number | null; customerGoodPercent: number | null };
}

describe("experience gap end to end", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-gap-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("shows the demo round's blindspots in the matrix and the table, and lets an owner answer a new round", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}/gap`;

      await page.getByRole("link", { name: "Experience Gap" }).click();
      await page.waitForURL(/\/gap$/, { timeout: UI_TIMEOUT });
      await page.getByRole("heading", { level: 1, name: "Experience Gap" }).waitFor({ timeout: UI_TIMEOUT });

      // The demo feedback reaches the facts store through the outbox: wait until the report has it.
      let report: Report | undefined;
      await expect
        .poll(
          async () => {
            const res = await page.request.post(api, { data: { importance: "volume" } });
            report = (await res.json()) as Report;
            return report.touchpoints.filter((t) => t.class === "blindspot").map((t) => t.name);
          },
          { timeout: 120_000, intervals: [2000] },
        )
        .toEqual(expect.arrayContaining(["Erste Rechnung nach Umzug", "Sendungsverfolgung"]));
      await page.reload();

      const table = page.locator("table.gap-table");
      const first = table.locator("tbody tr").first();
      await first.getByText("Blindspot").waitFor({ timeout: UI_TIMEOUT });
      const blindRows = await table
        .locator("tbody tr", { hasText: "Blindspot" })
        .locator("th")
        .allTextContents();
      const expected = (report as Report).touchpoints.filter((t) => t.class === "blindspot");
      expect(blindRows.map((r) => r.split("„")[0])).toEqual(expected.map((t) => t.name));
      // The owners are listed with the blindspots.
      await expect
        .poll(() => table.locator("tbody tr", { hasText: "Erste Rechnung nach Umzug" }).first().textContent())
        .toContain("Team Rechnungsstellung");

      const statement = page.locator(".gap-statement");
      const s = (report as Report).statement;
      await expect
        .poll(() => statement.textContent(), { timeout: UI_TIMEOUT })
        .toContain(`Intern sagen ${Math.round(s.internalGoodPercent ?? 0)} % „gut“`);
      expect(await statement.textContent()).toContain(`${Math.round(s.customerGoodPercent ?? 0)} %`);

      const chart = page.getByRole("img", {
        name: "Streudiagramm: Gap je Touchpoint gegen seine Wichtigkeit",
      });
      await chart.waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => paintedPixels(chart, BLINDSPOT), { timeout: UI_TIMEOUT }).toBeGreaterThan(100);
      await page.screenshot({ path: join(OUT_DIR, "gap-matrix.png"), fullPage: true });

      // The demo round is kept and closed; a new round for the register goes to its creator.
      const rounds = page.getByRole("table", { name: "Einschätzungsrunden" });
      await rounds.getByText("abgeschlossen").first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByLabel("Titel der neuen Runde").fill("Register Q1");
      await page.getByRole("button", { name: "Runde starten" }).click();
      const mine = page.getByRole("heading", { name: /^Ihre offenen Einschätzungen \((\d+)\)$/ });
      await mine.waitFor({ timeout: UI_TIMEOUT });
      const before = Number(/\((\d+)\)/.exec((await mine.textContent()) ?? "")?.[1]);
      expect(before).toBeGreaterThan(10);
      const card = page.locator(".gap-assessment").first();
      await card.getByLabel("Bewertung aus Kundensicht").selectOption("4");
      await card.getByLabel(/Erwarteter CSAT/).fill("80");
      await card.getByRole("button", { name: "Einschätzung speichern" }).click();
      await page
        .getByRole("heading", { name: `Ihre offenen Einschätzungen (${before - 1})` })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(OUT_DIR, "gap-assessments.png"), fullPage: true });
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
      await page.goto(`${e2e.server.url}/w/${workspaceId}/gap`);
      await page.locator("table.gap-table tbody tr").first().waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

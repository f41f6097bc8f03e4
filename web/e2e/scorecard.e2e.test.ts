// @vitest-environment node
import { join } from "node:path";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1400, height: 1000 };
const MOVING = "Umzug mit Festnetz und Internet";
/** The driver quadrant colours (web/src/features/drivers/quadrant.ts). */
const QUADRANTS: [number, number, number][] = [
  [0x12, 0xb7, 0x6a],
  [0xd9, 0x2d, 0x20],
  [0x43, 0x38, 0xca],
];

async function paintedPixels(chart: Locator, rgb: [number, number, number]): Promise<number> {
  return chart.locator("canvas").evaluate((canvas, [r, g, b]) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    if (!data) return 0;
    for (let i = 0; i < data.length; i += 4)
      if (
        Math.abs((data[i] ?? 0) - r) < 14 &&
        Math.abs((data[i + 1] ?? 0) - g) < 14 &&
        Math.abs((data[i + 2] ?? 0) - b) < 14
      )
        n++;
    return n;
  }, rgb);
}

/** Pixels of the below-design shading (web/src/features/scorecard/emotion-chart.ts: red, translucent). */
async function shadedPixels(chart: Locator): Promise<number> {
  return chart.locator("canvas").evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    if (!data) return 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
      if (r > 200 && r - g > 30 && r - b > 30) n++;
    }
    return n;
  });
}

/** As web/src/features/kpis/format.ts shows a KPI value in German. */
function formatKpi(unit: string, value: number | null): string {
  if (value === null) return "–";
  const d = unit === "NPS" ? 0 : Math.abs(value) < 10 && !Number.isInteger(value) ? 2 : 1;
  const text = new Intl.NumberFormat("de-DE", { minimumFractionDigits: d, maximumFractionDigits: d }).format(
    value,
  );
  return unit ? `${text} ${unit}` : text;
}

interface KpiValues {
  kpi: { id: string; key: string; name: string; unit: string; target: number | null };
  current: {
    value: number | null;
    n: number;
    interval: { low: number; high: number; method: string } | null;
  };
}
interface Scorecard {
  overall: { n: number };
  steps: { title: string }[];
  belowDesign: { title: string }[];
  differentiation: { title: string; rank: number | null }[];
  catalogue: KpiValues[];
}

describe("scorecard, KPI catalogue and key drivers end to end", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-scorecard-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("shows the moving-house scorecard, the KPI catalogue and the driver quadrant of the demo", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}`;
      const journeys = (await (await page.request.get(`${api}/journeys?limit=100`)).json()) as {
        items: { id: string; title: string }[];
      };
      const journeyId = journeys.items.find((j) => j.title === MOVING)?.id as string;
      expect(journeyId).toBeTruthy();

      // The demo feedback reaches the facts store through the outbox: wait until the scorecard has it
      // and stays the same between two polls (the page must show the figures compared with).
      let card: Scorecard | undefined;
      let previous = "";
      await expect
        .poll(
          async () => {
            const res = await page.request.post(`${api}/analytics/journey-scorecard`, {
              data: { journeyId, target: 4.5 },
            });
            card = (await res.json()) as Scorecard;
            const signature = JSON.stringify([card.overall.n, card.belowDesign.length, card.steps.length]);
            const settled = card.overall.n > 100 && signature === previous;
            previous = signature;
            return settled;
          },
          { timeout: 180_000, intervals: [3000] },
        )
        .toBe(true);
      const sc = card as Scorecard;
      expect(sc.belowDesign.length).toBeGreaterThan(0);

      await page.goto(`${e2e.server.url}/w/${workspaceId}/analytics?tab=scorecard&journey=${journeyId}`);
      await page
        .getByRole("heading", { name: "Emotionskurve: geplant und gemessen" })
        .waitFor({ timeout: UI_TIMEOUT });
      const chart = page.getByRole("img", { name: /^Liniendiagramm: geplante und gemessene Emotion/ });
      await chart.waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => shadedPixels(chart), { timeout: UI_TIMEOUT }).toBeGreaterThan(50);
      const rows = page.locator("table.scorecard-steps tbody tr");
      expect(await rows.count()).toBe(sc.steps.length);
      expect(await page.locator("tr.scorecard-row--below").count()).toBe(sc.belowDesign.length);
      const firstRanked = page.locator("table.scorecard-ranking tbody tr").first().locator("th");
      expect(await firstRanked.textContent()).toContain(sc.differentiation[0]?.title);
      const npsTile = sc.catalogue.find((k) => k.kpi.key === "umzug-nps") as KpiValues;
      const tile = page.locator('li.kpi-tile[data-kpi="umzug-nps"]');
      await expect
        .poll(() => tile.locator(".kpi-tile__value").textContent(), { timeout: UI_TIMEOUT })
        .toBe(formatKpi("NPS", npsTile.current.value));
      expect(await tile.locator(".sparkline").count()).toBe(1);
      await page.screenshot({ path: join(OUT_DIR, "scorecard.png"), fullPage: true });
      await chart.screenshot({ path: join(OUT_DIR, "scorecard-emotion.png") });

      // The KPI catalogue: the same values, and a target edited in place.
      await page.getByRole("link", { name: "KPI-Katalog" }).click();
      await page.getByRole("heading", { level: 1, name: "KPI-Katalog" }).waitFor({ timeout: UI_TIMEOUT });
      const values = (await (await page.request.post(`${api}/kpis/values`, { data: {} })).json()) as {
        items: KpiValues[];
      };
      expect(values.items.length).toBeGreaterThanOrEqual(11);
      // Every value carries n and an interval; the median time its order-statistic interval.
      const duration = values.items.find((i) => i.kpi.key === "umzug-dauer") as KpiValues;
      expect(duration.current.interval?.method).toBe("order_statistic");
      const { low, high } = duration.current.interval as { low: number; high: number };
      expect(low).toBeLessThanOrEqual(duration.current.value as number);
      expect(high).toBeGreaterThanOrEqual(duration.current.value as number);
      expect(values.items.filter((i) => i.current.interval === null).map((i) => i.kpi.key)).toEqual([]);
      const brand = values.items.find((i) => i.kpi.key === "marke-nps") as KpiValues;
      const row = page.locator('tr[data-kpi="marke-nps"]');
      await expect
        .poll(() => row.locator(".kpi-row__value").textContent(), { timeout: UI_TIMEOUT })
        .toBe(formatKpi("NPS", brand.current.value));
      expect(
        await row
          .getByLabel("Verantwortlich für NPS Gesamtmarke")
          .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent),
      ).toBe("Dana Demo");
      await row.getByLabel("Ziel für NPS Gesamtmarke").fill("33");
      await row.getByRole("button", { name: "Speichern" }).click();
      await expect
        .poll(async () => (await (await page.request.get(`${api}/kpis/${brand.kpi.id}`)).json()).target, {
          timeout: UI_TIMEOUT,
        })
        .toBe(33);
      await page.screenshot({ path: join(OUT_DIR, "kpi-catalogue.png"), fullPage: true });

      // The key drivers page (Treiber): the importance × performance quadrant of the demo's touchpoints.
      await page.getByRole("link", { name: "Treiber" }).click();
      const quadrant = page.getByRole("img", { name: /^Wichtigkeit \(Anteil an R²\) gegen Leistung/ });
      await quadrant.waitFor({ timeout: 60_000 });
      const drivers = page.locator(".drivers-result table tbody tr");
      await expect.poll(() => drivers.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(3);
      await expect
        .poll(
          async () =>
            (await Promise.all(QUADRANTS.map((c) => paintedPixels(quadrant, c)))).reduce((a, b) => a + b),
          { timeout: UI_TIMEOUT },
        )
        .toBeGreaterThan(100);
      await page.screenshot({ path: join(OUT_DIR, "drivers-quadrant.png"), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 600_000);

  it("has no serious accessibility violations on the scorecard and the KPI catalogue", async () => {
    // axe is injected as a script, which the app's CSP refuses: this context bypasses it.
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const workspaceId = await logIn(page, e2e);
      await page.goto(`${e2e.server.url}/w/${workspaceId}/analytics?tab=scorecard`);
      await page.locator("table.scorecard-ranking tbody tr").first().waitFor({ timeout: 60_000 });
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${e2e.server.url}/w/${workspaceId}/kpis`);
      await page.locator("tr.kpi-row").first().waitFor({ timeout: 60_000 });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

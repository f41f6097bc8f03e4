// @vitest-environment node
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1400, height: 1000 };
/** The page's prefilled funnel: the demo data's first scenario (src/core/demo/seed-demo-events.ts). */
const FUNNEL = ["Page Viewed", "Availability Checked", "Move Order Submitted", "Order Confirmation Sent"];

interface FunnelResult {
  entered: number;
  steps: { reached: number; dropped: number }[];
}
interface WaitingResult {
  n: number;
  histogram: { count: number }[];
}
interface PathsResult {
  units: number;
  paths: { steps: string[]; units: number }[];
  links: { units: number }[];
}

/** Pixels of a chart's canvas drawn in the given colour: proof that bars or bands were painted. */
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

const ACCENT: [number, number, number] = [0x43, 0x38, 0xca];

/** The numbers of one table column (German formatting: "1.234"). */
async function columnNumbers(table: Locator, column: number): Promise<number[]> {
  const texts = await table.locator(`tbody tr > :nth-child(${column})`).allTextContents();
  return texts.map((t) => Number(t.replace(/\./g, "").replace(",", ".")));
}

async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const res = await page.request.post(url, { data });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

describe("journey analytics end to end", () => {
  let e2e: E2E;
  let analyticsUrl = "";

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-analytics-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("shows the demo funnel with its dropped customers, the waiting-time histogram and the paths sankey", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}/analytics`;

      await page.getByRole("link", { name: "Analysen" }).click();
      await page.waitForURL(/\/analytics$/, { timeout: UI_TIMEOUT });
      analyticsUrl = page.url();
      await page.getByRole("heading", { level: 1, name: "Analysen" }).waitFor({ timeout: UI_TIMEOUT });

      // Funnel: prefilled with the demo scenario, shown without any input.
      const funnelPanel = page.getByRole("tabpanel", { name: "Funnel" });
      const funnelChart = funnelPanel.getByRole("img", { name: new RegExp(`^Funnel ${FUNNEL.join(" → ")}`) });
      await funnelChart.waitFor({ timeout: UI_TIMEOUT });
      const expected = await post<FunnelResult>(page, `${api}/funnel`, {
        steps: FUNNEL.map((event) => ({ event })),
      });
      expect(expected.entered).toBeGreaterThan(0);
      const funnelTable = funnelPanel.locator("table.analytics-table");
      const reached = await columnNumbers(funnelTable, 2);
      expect(reached).toEqual(expected.steps.map((s) => s.reached));
      for (const n of reached) expect(n).toBeGreaterThan(0);
      expect(await paintedPixels(funnelChart, ACCENT)).toBeGreaterThan(500);
      await page.screenshot({ path: join(OUT_DIR, "analytics-funnel.png"), fullPage: true });

      // The customers who dropped off before a step: as many as the table says.
      const dropStep = expected.steps.findIndex((s, i) => i > 0 && s.dropped > 0);
      expect(dropStep).toBeGreaterThan(0);
      const droppedCount = expected.steps[dropStep]?.dropped ?? 0;
      await funnelTable.locator("tbody tr").nth(dropStep).getByRole("button").click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("heading", { name: `Abgesprungen vor ${FUNNEL[dropStep]}` }).waitFor({
        timeout: UI_TIMEOUT,
      });
      await expect
        .poll(() => dialog.locator("tbody tr").count(), { timeout: UI_TIMEOUT })
        .toBe(Math.min(1000, droppedCount));
      const download = page.waitForEvent("download", { timeout: UI_TIMEOUT });
      await dialog.getByRole("button", { name: "CSV herunterladen" }).click();
      const csv = await (await download).path();
      expect(csv).toBeTruthy();
      // …and follows them up as cases: one per customer, routed by the chosen touchpoint; again: none new.
      const shown = Math.min(1000, droppedCount);
      await dialog.getByLabel("Touchpoint (für die Zuweisung)").selectOption({ label: "Techniker-Besuch" });
      await dialog.getByRole("button", { name: /^Fälle für .* anlegen$/ }).click();
      const done = dialog.getByText(
        /^\d+ Fälle angelegt, \d+ an offene Fälle angehängt, 0 schon vorhanden\.$/,
      );
      await done.waitFor({ timeout: UI_TIMEOUT });
      const [created, attached] = ((await done.textContent()) ?? "").match(/\d+/g)?.map(Number) ?? [];
      expect((created ?? 0) + (attached ?? 0)).toBe(shown);
      expect(created).toBeGreaterThan(0);
      await page.screenshot({ path: join(OUT_DIR, "analytics-dropped.png") });
      await dialog.getByRole("button", { name: /^Fälle für .* anlegen$/ }).click();
      await dialog
        .getByText(`0 Fälle angelegt, 0 an offene Fälle angehängt, ${shown} schon vorhanden.`)
        .waitFor({ timeout: UI_TIMEOUT });
      // …and invites them to a survey through one of the demo's triggers; again: nobody twice.
      const trigger = dialog.getByLabel("Auslöser (Umfrage und Kanal)");
      await trigger.locator("option").nth(1).waitFor({ state: "attached", timeout: UI_TIMEOUT });
      await trigger.selectOption({ index: 1 });
      const surveyResult = async () => {
        await dialog.getByRole("button", { name: /^Umfrage an .* senden …$/ }).click();
        await dialog.getByRole("button", { name: "Jetzt senden" }).click();
        const status = dialog.getByText(/eingeladen, [\d.]+ schon zuvor eingeladen \(von [\d.]+\)\.$/);
        await status.waitFor({ timeout: UI_TIMEOUT });
        // German number format: "1.000".
        return (
          ((await status.textContent()) ?? "")
            .match(/\d[\d.]*/g)
            ?.map((n) => Number(n.replaceAll(".", ""))) ?? []
        );
      };
      const [invited, before, units] = await surveyResult();
      expect(units).toBe(shown);
      expect(before).toBe(0);
      expect(invited).toBeGreaterThanOrEqual(0);
      await page.screenshot({ path: join(OUT_DIR, "analytics-dropped-survey.png") });
      expect(await surveyResult()).toEqual([0, invited, shown]);
      await dialog.getByRole("button", { name: "Schließen" }).first().click();

      // A condition naming no field is refused, and the message shows at that step's condition.
      const step2 = funnelPanel.getByRole("group", { name: "Schritt 2" });
      await step2.getByLabel("Bedingung").fill("tariff = 'Comfort'");
      await funnelPanel.getByRole("button", { name: "Bericht anzeigen" }).click();
      await step2.locator(".field__error").waitFor({ timeout: UI_TIMEOUT });
      expect(await step2.locator(".field--invalid").count()).toBe(1);
      await step2.getByLabel("Bedingung").fill("");
      await funnelPanel.getByRole("button", { name: "Bericht anzeigen" }).click();
      await expect.poll(() => step2.locator(".field__error").count(), { timeout: UI_TIMEOUT }).toBe(0);

      // Waiting times: Ticket Created → Call Ended of the demo's first scenario.
      await page.getByRole("tab", { name: "Wartezeiten" }).click();
      const waitingPanel = page.getByRole("tabpanel", { name: "Wartezeiten" });
      const histogram = waitingPanel.getByRole("img", {
        name: /^Histogramm der Wartezeiten Ticket Created → Call Ended/,
      });
      await histogram.waitFor({ timeout: UI_TIMEOUT });
      const waits = await post<WaitingResult>(page, `${api}/waiting-times`, {
        fromStep: { event: "Ticket Created" },
        toStep: { event: "Call Ended" },
      });
      expect(waits.n).toBeGreaterThan(0);
      const counts = await columnNumbers(waitingPanel.locator("table.analytics-table"), 2);
      expect(counts).toEqual(waits.histogram.map((b) => b.count));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(waits.n);
      expect(await paintedPixels(histogram, ACCENT)).toBeGreaterThan(100);
      await waitingPanel.getByRole("img", { name: /^Median und p90 der Wartezeit je Woche/ }).waitFor();
      await page.screenshot({ path: join(OUT_DIR, "analytics-waiting.png"), fullPage: true });

      // The slowest hand-overs of the telecom journey against a 48-hour target, as the API ranks them.
      const handovers = waitingPanel.locator("section.analytics-handovers");
      await handovers
        .getByLabel("Customer Journey")
        .selectOption({ label: "Umzug mit Festnetz und Internet" });
      await handovers.getByLabel(/Ziel je Übergabe/).fill("48");
      await handovers.getByRole("button", { name: "Bericht anzeigen" }).click();
      const journeyList = (await (
        await page.request.get(`${api.replace(/\/analytics$/, "")}/journeys?limit=100`)
      ).json()) as {
        items: { id: string; title: string }[];
      };
      const telecomId = journeyList.items.find((j) => j.title === "Umzug mit Festnetz und Internet")?.id;
      const ranked = await post<{
        items: { from: { title: string }; to: { title: string }; overTarget: { count: number } | null }[];
      }>(page, `${api}/slowest-handovers`, { journeyId: telecomId, targetSeconds: 48 * 3600 });
      expect(ranked.items.length).toBeGreaterThan(1);
      const firstRow = handovers.locator("tbody tr").first();
      await expect
        .poll(() => firstRow.locator("th").textContent(), { timeout: UI_TIMEOUT })
        .toBe(`${ranked.items[0]?.from.title} → ${ranked.items[0]?.to.title}`);
      expect(await firstRow.locator("td").last().textContent()).toContain(
        `(${new Intl.NumberFormat("de-DE").format(ranked.items[0]?.overTarget?.count ?? -1)})`,
      );
      await handovers.screenshot({ path: join(OUT_DIR, "analytics-handovers.png") });

      // Paths after the first page view.
      await page.getByRole("tab", { name: "Pfade" }).click();
      const pathsPanel = page.getByRole("tabpanel", { name: "Pfade" });
      const sankey = pathsPanel.getByRole("img", { name: "Sankey-Diagramm der Pfade nach Page Viewed" });
      await sankey.waitFor({ timeout: UI_TIMEOUT });
      const paths = await post<PathsResult>(page, `${api}/paths`, {
        anchor: { event: "Page Viewed" },
        direction: "after",
        depth: 3,
      });
      expect(paths.units).toBeGreaterThan(0);
      expect(paths.links.length).toBeGreaterThan(0);
      const pathUnits = await columnNumbers(pathsPanel.locator("table.analytics-table"), 2);
      expect(pathUnits).toEqual(paths.paths.map((p) => p.units));
      expect(await paintedPixels(sankey, ACCENT)).toBeGreaterThan(100);
      await page.screenshot({ path: join(OUT_DIR, "analytics-paths.png"), fullPage: true });

      // What the funnel's drop-outs did next: from their dialog into the paths, anchored at the step they
      // reached, only those who did not reach the next one.
      await page.getByRole("tab", { name: "Funnel" }).click();
      await funnelTable.locator("tbody tr").nth(dropStep).getByRole("button").click();
      await page.getByRole("dialog").getByRole("button", { name: "Was taten sie danach? (Pfade)" }).click();
      const anchorName = FUNNEL[dropStep - 1] as string;
      await pathsPanel
        .getByText(`Nur Kundinnen und Kunden, die danach nicht ${FUNNEL[dropStep]} erreichten.`)
        .waitFor({ timeout: UI_TIMEOUT });
      const dropSankey = pathsPanel.getByRole("img", {
        name: `Sankey-Diagramm der Pfade nach ${anchorName}`,
      });
      await dropSankey.waitFor({ timeout: UI_TIMEOUT });
      const afterDrop = await post<PathsResult>(page, `${api}/paths`, {
        anchor: { event: anchorName },
        unless: { event: FUNNEL[dropStep] },
        direction: "after",
        depth: 3,
        window: { value: 30, unit: "days" },
      });
      expect(afterDrop.units).toBeGreaterThan(0);
      await expect
        .poll(() => columnNumbers(pathsPanel.locator("table.analytics-table"), 2), { timeout: UI_TIMEOUT })
        .toEqual(afterDrop.paths.map((p) => p.units));
      // Nobody on these paths reached the step they dropped before.
      for (const p of afterDrop.paths) expect(p.steps).not.toContain(FUNNEL[dropStep]);
      await page.screenshot({ path: join(OUT_DIR, "analytics-paths-after-drop.png"), fullPage: true });

      // The one refused request is the condition above.
      expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
      expect(problems.filter((p) => /status of 400/.test(p))).toHaveLength(1);
    } finally {
      await context.close();
    }
  }, 300_000);

  it("keeps every report accessible", async () => {
    // axe-core is injected as a script, which the strict CSP (kept on above) would block.
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await context.newPage();
      await logIn(page, e2e);
      for (const [tab, chart] of [
        ["", /^Funnel /],
        ["waiting", /^Histogramm der Wartezeiten/],
        ["paths", /^Sankey-Diagramm/],
      ] as const) {
        await page.goto(tab ? `${analyticsUrl}?tab=${tab}` : analyticsUrl);
        await page.getByRole("img", { name: chart }).waitFor({ timeout: UI_TIMEOUT });
        expect(await axeViolations(page), tab || "funnel").toEqual([]);
      }
    } finally {
      await context.close();
    }
  }, 180_000);

  it("shows the repeat contacts of the demo data with channel switches and preceding journey steps", async () => {
    interface RepeatResult {
      units: number;
      repeatUnits: number;
      repeatRate: number | null;
      distribution: { contacts: number; units: number }[];
      channelSwitches: { pairs: { count: number }[] };
      precedingSteps: { title: string; count: number }[] | null;
    }
    const percent = (share: number | null) =>
      share === null
        ? "–"
        : `${new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share * 100)} %`;
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}/analytics`;
      await page.goto(`${e2e.server.url}/w/${workspaceId}/analytics?tab=repeat`);
      const panel = page.getByRole("tabpanel", { name: "Wiederholkontakte" });
      const chart = panel.getByRole("img", { name: /^Kunden nach Zahl der Kontakte/ });
      await chart.waitFor({ timeout: UI_TIMEOUT });
      const expected = await post<RepeatResult>(page, `${api}/repeat-contacts`, {
        minContacts: 2,
        withinDays: 7,
      });
      expect(expected.units).toBeGreaterThan(0);
      expect(expected.repeatUnits).toBeGreaterThan(0);
      const figure = panel.locator(".analytics-figure").first();
      await expect
        .poll(() => figure.locator("dd").textContent(), { timeout: UI_TIMEOUT })
        .toContain(percent(expected.repeatRate));
      const counts = await columnNumbers(panel.locator("table.analytics-table--distribution"), 2);
      expect(counts).toEqual(expected.distribution.map((b) => b.units));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(expected.units);
      expect(await paintedPixels(chart, ACCENT)).toBeGreaterThan(50);
      const switches = expected.channelSwitches.pairs;
      if (switches.length > 0)
        expect(await columnNumbers(panel.locator("table.analytics-table--switches"), 2)).toEqual(
          switches.map((p) => p.count),
        );
      await page.screenshot({ path: join(OUT_DIR, "analytics-repeat.png"), fullPage: true });

      // With a journey: the steps that precede repeat contacts, as the API counts them.
      const journey = panel.getByLabel("Journey", { exact: true });
      const journeyId = await journey.locator("option").nth(1).getAttribute("value", { timeout: UI_TIMEOUT });
      expect(journeyId).toBeTruthy();
      await journey.selectOption(journeyId as string);
      await panel.getByRole("button", { name: "Bericht anzeigen" }).click();
      await panel.getByRole("heading", { name: "Journey-Schritte vor Wiederholkontakten" }).waitFor({
        timeout: UI_TIMEOUT,
      });
      const withJourney = await post<RepeatResult>(page, `${api}/repeat-contacts`, { journeyId });
      const preceding = withJourney.precedingSteps ?? [];
      if (preceding.length > 0)
        expect(await columnNumbers(panel.locator("table.analytics-table--preceding"), 2)).toEqual(
          preceding.map((s) => s.count),
        );
      else
        await panel.getByText("Vor keinem Wiederholkontakt lag ein zugeordneter Journey-Schritt.").waitFor();
      await page.screenshot({ path: join(OUT_DIR, "analytics-repeat-journey.png"), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    const axeContext = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await axeContext.newPage();
      const workspaceId = await logIn(page, e2e);
      await page.goto(`${e2e.server.url}/w/${workspaceId}/analytics?tab=repeat`);
      await page
        .getByRole("img", { name: /^Kunden nach Zahl der Kontakte/ })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page), "repeat").toEqual([]);
    } finally {
      await axeContext.close();
    }
  }, 300_000);

  it("shows the X+O report of the demo telecom journey by status and by contacts, with the well-rated steps, badly rated journeys", async () => {
    interface XoResult {
      total: { instances: number };
      groups: { group: string; instances: number; withFeedback: number; n: number; score: number | null }[];
      ratedWellJourneyBad: { count: number; examples: { customerId: string | null }[] };
    }
    const JOURNEY = "Umzug mit Festnetz und Internet";
    const NEGATIVE: [number, number, number] = [0xd9, 0x2d, 0x20];
    // Sentiment (−1 … 1, two decimals on the page): the demo asks NPS about whole journeys and CSAT about
    // steps, so only the texts' sentiment rates both and fills the check.
    const score = (s: number | null) =>
      s === null
        ? "–"
        : new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(s);
    /** Picks the journey and metric (first time) and the grouping, applies, and returns the body the page sent. */
    async function show(page: Page, panel: Locator, by: string, grouping: string): Promise<unknown> {
      if ((await panel.getByLabel("Journey", { exact: true }).inputValue()) === "") {
        await panel
          .getByLabel("Journey", { exact: true })
          .selectOption({ label: JOURNEY }, { timeout: UI_TIMEOUT });
        await panel.getByLabel("Kennzahl").selectOption({ label: "Stimmung" });
      }
      await panel.getByLabel("Gruppieren nach").selectOption({ label: grouping });
      const request = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/analytics/xo"), {
        timeout: UI_TIMEOUT,
      });
      await panel.getByRole("button", { name: "Bericht anzeigen" }).click();
      const body = (await request).postDataJSON() as { journeyId: string; metric: string; by: string };
      expect(body.metric).toBe("sentiment");
      expect(body.by).toBe(by);
      await panel
        .getByRole("img", {
          name: `Balkendiagramm: Stimmung je Gruppe (${grouping}), mit der Zahl der Bewertungen über jedem Balken`,
        })
        .waitFor({ timeout: UI_TIMEOUT });
      await panel.getByRole("table", { name: grouping }).waitFor({ timeout: UI_TIMEOUT });
      return body;
    }
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}/analytics`;
      await page.goto(`${e2e.server.url}/w/${workspaceId}/analytics`);
      await page.getByRole("tab", { name: "X+O" }).click();
      const panel = page.getByRole("tabpanel", { name: "X+O" });
      await panel.getByText("Wählen Sie eine Journey").waitFor({ timeout: UI_TIMEOUT });

      for (const [by, grouping, file] of [
        ["status", "Abgeschlossen / abgebrochen", "analytics-xo.png"],
        ["contacts", "Zahl der Kontakte", "analytics-xo-contacts.png"],
      ] as const) {
        const body = await show(page, panel, by, grouping);
        const expected = await post<XoResult>(page, `${api}/xo`, body);
        expect(expected.total.instances, by).toBeGreaterThan(0);
        expect(expected.groups.map((g) => g.group)).toEqual(
          by === "status" ? ["completed", "dropped", "in_progress"] : ["0", "1", "2", "3+"],
        );

        // The group table: one row per group, with the API's counts and scores.
        const table = panel.getByRole("table", { name: grouping });
        expect(await columnNumbers(table, 2), by).toEqual(expected.groups.map((g) => g.instances));
        expect(await columnNumbers(table, 3), by).toEqual(expected.groups.map((g) => g.withFeedback));
        const ns = await table.locator("tbody tr > :nth-child(4)").allTextContents();
        expect(
          ns.map((t) => Number(/^[\d.]+/.exec(t)?.[0].replace(/\./g, ""))),
          by,
        ).toEqual(expected.groups.map((g) => g.n));
        expect(await table.locator("tbody tr > :nth-child(5)").allTextContents(), by).toEqual(
          expected.groups.map((g) => score(g.score)),
        );

        // The score chart: a bar in the accent colour per positive score, red per negative one.
        const chart = panel.getByRole("img", { name: /^Balkendiagramm: Stimmung je Gruppe/ });
        const scores = expected.groups.map((g) => g.score ?? 0);
        expect(
          scores.some((s) => s !== 0),
          by,
        ).toBe(true);
        if (scores.some((s) => s > 0)) expect(await paintedPixels(chart, ACCENT), by).toBeGreaterThan(50);
        if (scores.some((s) => s < 0)) expect(await paintedPixels(chart, NEGATIVE), by).toBeGreaterThan(50);

        // The check: as many instances as the API counts, examples linking to their customers.
        const check = panel.getByRole("region", { name: "Alle Touchpoints gut bewertet, Journey schlecht" });
        const { count, examples } = expected.ratedWellJourneyBad;
        expect(count, by).toBeGreaterThan(0);
        const figure = check.locator(".analytics-figure dd");
        expect(Number((await figure.textContent())?.replace(/\s.*$/s, "").replace(/\./g, "")), by).toBe(
          count,
        );
        const linked = examples.flatMap((e) => (e.customerId ? [e.customerId] : []));
        expect(linked.length, by).toBeGreaterThan(0);
        // Each link names its whole customer id: distinct names for distinct pages.
        expect(await check.getByRole("link", { name: /^Kunde / }).allTextContents(), by).toEqual(
          linked.map((id) => `Kunde ${id}`),
        );
        const hrefs = await check
          .getByRole("link", { name: /^Kunde / })
          .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
        expect(hrefs, by).toEqual(
          linked.map((id) => `/w/${workspaceId}/customers/${encodeURIComponent(id)}`),
        );
        await page.screenshot({ path: join(OUT_DIR, file), fullPage: true });
      }

      // An example link opens that customer's page.
      const first = panel
        .getByRole("region")
        .getByRole("link", { name: /^Kunde / })
        .first();
      const href = await first.evaluate((a) => (a as HTMLAnchorElement).pathname);
      await first.click();
      await page.waitForURL((url) => url.pathname === href, { timeout: UI_TIMEOUT });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    const axeContext = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await axeContext.newPage();
      const workspaceId = await logIn(page, e2e);
      await page.goto(`${e2e.server.url}/w/${workspaceId}/analytics?tab=xo`);
      const panel = page.getByRole("tabpanel", { name: "X+O" });
      await show(page, panel, "status", "Abgeschlossen / abgebrochen");
      await panel.getByRole("region", { name: "Alle Touchpoints gut bewertet, Journey schlecht" }).waitFor();
      expect(await axeViolations(page), "xo").toEqual([]);
    } finally {
      await axeContext.close();
    }
  }, 300_000);
});

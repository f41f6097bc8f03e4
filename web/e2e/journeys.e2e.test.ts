// @vitest-environment node
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1600, height: 1000 };

interface JourneySummary {
  id: string;
  title: string;
}

describe("journey design end to end", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-journeys-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("creates a journey from scratch, saves it, finds it intact after a reload, and exports it under the strict CSP", async () => {
    // The strict CSP stays on here: the map (ECharts, drag and drop) and the PNG/PDF exports must work with it.
    const context = await e2e.browser.newContext({
      viewport: VIEWPORT,
      locale: "de-DE",
      acceptDownloads: true,
    });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await logIn(page, e2e);

      await page.getByRole("button", { name: "Neue Journey" }).first().click();
      const create = page.getByRole("dialog", { name: "Neue Customer Journey" });
      await create.getByLabel("Titel").fill("Kündigung des Mobilfunkvertrags");
      await create.getByLabel("Szenario").fill("cancellation");
      await create.getByRole("button", { name: "Journey anlegen" }).click();
      await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/, { timeout: UI_TIMEOUT });
      await page
        .getByRole("heading", { level: 1, name: "Kündigung des Mobilfunkvertrags" })
        .waitFor({ timeout: UI_TIMEOUT });

      await page.getByRole("button", { name: "Phase hinzufügen" }).click();
      const stageName = page.getByRole("textbox", { name: "Name von Phase 1" });
      await stageName.fill("Vertrag beenden");
      await stageName.press("Enter");

      await page.getByRole("button", { name: "Schritt hinzufügen", exact: true }).click();
      const first = page.getByRole("textbox", { name: "Titel von Schritt 1" });
      await first.fill("Kündigung angefragt");
      await first.press("Enter");
      await page.getByRole("button", { name: "Schritt zu Vertrag beenden hinzufügen" }).click();
      const second = page.getByRole("textbox", { name: "Titel von Schritt 2" });
      await second.fill("Rückgewinnungsangebot erhalten");
      await second.press("Enter");

      await page.getByRole("button", { name: /^Emotion in Schritt 1:/ }).click();
      await page.getByRole("button", { name: "−2 negativ", exact: true }).click();
      await page.getByRole("button", { name: /^Emotion in Schritt 2:/ }).click();
      await page.getByRole("button", { name: "+2 positiv", exact: true }).click();
      await page
        .getByRole("button", { name: "Signature Interaction: Rückgewinnungsangebot erhalten" })
        .click();
      await page.getByText("Ungespeicherte Änderungen").waitFor();

      const saved = page.waitForResponse(
        (r) => /\/journeys\/[0-9a-f-]+$/.test(r.url()) && r.request().method() === "PUT",
      );
      await page.keyboard.press("Control+s");
      expect((await saved).status()).toBe(200);
      await page.getByText("Als Version 2 gespeichert.").waitFor({ timeout: UI_TIMEOUT });
      await page.getByText("Alle Änderungen gespeichert").waitFor();

      await page.reload();
      const map = page.getByRole("table", { name: /Journey Map Kündigung des Mobilfunkvertrags/ });
      await map.waitFor({ timeout: UI_TIMEOUT });
      await expect(map.getByRole("columnheader", { name: /Vertrag beenden/ }).count()).resolves.toBe(1);
      const firstCard = map.getByRole("columnheader", { name: /Kündigung angefragt/ });
      const secondCard = map.getByRole("columnheader", { name: /Rückgewinnungsangebot erhalten/ });
      await expect(firstCard.count()).resolves.toBe(1);
      await expect(secondCard.count()).resolves.toBe(1);
      await expect(
        page.getByRole("button", { name: /^Emotion in Schritt 1:/ }).textContent(),
      ).resolves.toContain("−2");
      await expect(
        page.getByRole("button", { name: /^Emotion in Schritt 2:/ }).textContent(),
      ).resolves.toContain("+2");
      // The signature star: pressed on the card, the badge beside it, and a star on the emotion curve.
      await expect(
        page
          .getByRole("button", { name: "Signature Interaction: Rückgewinnungsangebot erhalten" })
          .getAttribute("aria-pressed"),
      ).resolves.toBe("true");
      await expect(secondCard.textContent()).resolves.toContain("Signature Interaction");
      await expect(firstCard.textContent()).resolves.not.toContain("Signature Interaction");
      await expect(page.locator(".emotion-curve").getAttribute("aria-label")).resolves.toContain(
        "Rückgewinnungsangebot erhalten: +2",
      );

      // Drag the second step in front of the first, then move it back with the step's menu: the draft
      // is dirty in between and equals the saved version again afterwards.
      const titles = () => map.locator(".jm-row--steps .step-card__title").allTextContents();
      const handle = await page
        .getByRole("button", { name: "Schritt Rückgewinnungsangebot erhalten verschieben" })
        .boundingBox();
      const target = await map.locator(".jm-row--steps th.jm-step").first().boundingBox();
      if (!handle || !target) throw new Error("the step cards are not laid out");
      await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
      await page.mouse.down();
      await page.mouse.move(handle.x - 20, handle.y + 10, { steps: 4 });
      await page.mouse.move(target.x + target.width / 3, target.y + target.height / 2, { steps: 12 });
      await page.mouse.up();
      await expect(titles()).resolves.toEqual([
        expect.stringContaining("Rückgewinnungsangebot erhalten"),
        expect.stringContaining("Kündigung angefragt"),
      ]);
      await page.getByText("Ungespeicherte Änderungen").waitFor();
      await page.getByRole("button", { name: "Aktionen für Schritt Rückgewinnungsangebot erhalten" }).click();
      await page.getByRole("button", { name: "Schritt nach rechts" }).click();
      await expect(titles()).resolves.toEqual([
        expect.stringContaining("Kündigung angefragt"),
        expect.stringContaining("Rückgewinnungsangebot erhalten"),
      ]);
      await page.getByText("Alle Änderungen gespeichert").waitFor();

      // Revisions: version 1 (empty) against version 2 shows the two added steps.
      await page.getByRole("button", { name: "Revisionen" }).click();
      const revisions = page.getByRole("dialog", { name: "Revisionen" });
      await revisions.getByRole("checkbox", { name: "Version 1 zum Vergleich auswählen" }).check();
      await revisions.getByRole("checkbox", { name: "Version 2 zum Vergleich auswählen" }).check();
      await revisions.getByRole("button", { name: "Vergleichen" }).click();
      const comparison = page.getByRole("dialog", { name: "Version 1 im Vergleich mit 2" });
      await comparison.getByText("hinzugefügt: 2").waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press("Escape");

      // Coverage: both steps are free moments; the link leads to the step on the map.
      await page.getByRole("button", { name: "Abdeckung" }).click();
      const coverage = page.getByRole("dialog", { name: "Abdeckung" });
      await coverage
        .getByText("Schritt „Kündigung angefragt“ hat keinen Touchpoint", { exact: false })
        .waitFor({
          timeout: UI_TIMEOUT,
        });
      await coverage.getByRole("button", { name: "Schritt zeigen" }).first().click();
      await coverage.waitFor({ state: "detached" });
      await expect(page.evaluate(() => document.activeElement?.id ?? "")).resolves.toMatch(/^step-/);

      for (const [item, signature, name] of [
        ["Bild (PNG)", [0x89, 0x50, 0x4e, 0x47], "journey-export.png"],
        ["PDF (Querformat)", [0x25, 0x50, 0x44, 0x46], "journey-export.pdf"],
      ] as const) {
        const download = page.waitForEvent("download", { timeout: 60_000 });
        await page.getByRole("button", { name: "Exportieren" }).click();
        await page.getByRole("button", { name: item }).click();
        const saved = await download;
        await saved.saveAs(join(OUT_DIR, name));
        const file = await saved.path();
        const bytes = await readFile(file);
        expect([...bytes.subarray(0, 4)]).toEqual([...signature]);
        expect(bytes.length).toBeGreaterThan(20_000);
      }

      // Restore version 1 (before any stage existed), with a confirmation: a new version 3 is saved.
      await page.getByRole("button", { name: "Revisionen" }).click();
      const panel = page.getByRole("dialog", { name: "Revisionen" });
      await panel.getByRole("button", { name: "Wiederherstellen" }).click();
      await panel.getByRole("button", { name: "Version 1 wiederherstellen" }).click();
      await page
        .getByText("Version 1 wurde als Version 3 wiederhergestellt.")
        .waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("heading", { name: "Diese Journey hat noch keine Phasen" }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it("shows a conflict dialog instead of overwriting when someone else saved in between", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const workspaceId = await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}/journeys`;
      const list = (await (await page.request.get(api)).json()) as { items: JourneySummary[] };
      const target = list.items.find((j) => j.title.startsWith("Geschäftsreise"));
      if (!target) throw new Error("the demo hotel journey is missing");
      await page.goto(`${e2e.server.url}/w/${workspaceId}/journeys/${target.id}`);
      await page.getByRole("table", { name: /Journey Map/ }).waitFor({ timeout: UI_TIMEOUT });

      const title = page.getByRole("button", { name: /^Titel von Schritt 1:/ });
      await title.click();
      await page
        .getByRole("textbox", { name: "Titel von Schritt 1" })
        .fill("Sucht ein Hotel (geändert im Browser)");
      await page.keyboard.press("Enter");

      // Behind the UI's back, another user saves the journey.
      const current = (await (await page.request.get(`${api}/${target.id}`)).json()) as {
        version: number;
        document: { title: string };
      };
      const theirs = await page.request.put(`${api}/${target.id}`, {
        data: {
          baseVersion: current.version,
          document: { ...current.document, title: `${current.document.title} (Team)` },
        },
      });
      expect(theirs.status()).toBe(200);
      const theirVersion = current.version + 1;

      const refused = page.waitForResponse(
        (r) => r.url().endsWith(target.id) && r.request().method() === "PUT",
      );
      await page.getByRole("button", { name: "Speichern" }).click();
      expect((await refused).status()).toBe(409);
      const dialog = page.getByRole("dialog", { name: "Jemand anderes hat diese Journey gespeichert" });
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      await expect(dialog.textContent()).resolves.toContain(`Version ${theirVersion}`);
      await expect(dialog.textContent()).resolves.toContain("Nichts wurde überschrieben");
      // Nothing was overwritten: the server still holds their version.
      const after = (await (await page.request.get(`${api}/${target.id}`)).json()) as {
        version: number;
        document: { title: string };
      };
      expect(after.version).toBe(theirVersion);
      expect(after.document.title).toMatch(/\(Team\)$/);

      await dialog.getByRole("button", { name: "Weiter bearbeiten" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByText(`Version ${theirVersion} wurde von jemand anderem gespeichert.`).waitFor();
      await expect(
        page.getByRole("button", { name: /^Titel von Schritt 1:/ }).textContent(),
      ).resolves.toContain("geändert im Browser");

      await page.getByRole("button", { name: "Speichern" }).click();
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByRole("button", { name: `Version ${theirVersion} laden` }).click();
      await page.getByText(`Version ${theirVersion} wurde geladen.`).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("heading", { level: 1, name: /\(Team\)$/ }).waitFor();
      await page.getByText("Alle Änderungen gespeichert").waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it("asks before in-app navigation discards unsaved edits: Stay keeps them, Discard leaves", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      await page.getByRole("link", { name: /^Umzug/ }).click();
      await page.getByRole("table", { name: /Journey Map Umzug/ }).waitFor({ timeout: UI_TIMEOUT });
      const mapUrl = page.url();

      await page.getByRole("button", { name: /^Titel von Schritt 1:/ }).click();
      await page
        .getByRole("textbox", { name: "Titel von Schritt 1" })
        .fill("Umzug geplant (nicht gespeichert)");
      await page.keyboard.press("Enter");
      await page.getByText("Ungespeicherte Änderungen").waitFor();

      const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
      const touchpoints = nav.getByRole("link", { name: "Touchpoints" });
      await touchpoints.click();
      const dialog = page.getByRole("dialog", { name: "Ungespeicherte Änderungen verwerfen?" });
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      // Staying is the safe default: it has the focus.
      const stay = dialog.getByRole("button", { name: "Bleiben" });
      await expect(stay.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await stay.click();
      await dialog.waitFor({ state: "detached" });
      expect(page.url()).toBe(mapUrl);
      await expect(
        page.getByRole("button", { name: /^Titel von Schritt 1:/ }).textContent(),
      ).resolves.toContain("nicht gespeichert");
      await page.getByText("Ungespeicherte Änderungen").waitFor();

      // Browser back asks too.
      await page.evaluate(() => history.back());
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      expect(page.url()).toBe(mapUrl);
      await page.getByText("Ungespeicherte Änderungen").waitFor();

      await touchpoints.click();
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByRole("button", { name: "Verwerfen" }).click();
      await page.waitForURL(`${e2e.server.url}/w/${workspaceId}/touchpoints`, { timeout: UI_TIMEOUT });
      await page.getByRole("table", { name: "Touchpoint-Register" }).waitFor({ timeout: UI_TIMEOUT });
      await expect(page.getByRole("dialog").count()).resolves.toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("imports touchpoints with a dry run first and shows row-numbered errors", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const workspaceId = await logIn(page, e2e);
      await page.goto(`${e2e.server.url}/w/${workspaceId}/touchpoints`);
      await page.getByRole("button", { name: "Importieren" }).click();
      const dialog = page.getByRole("dialog", { name: "Touchpoints importieren" });

      await dialog.getByLabel("Datei").setInputFiles({
        name: "touchpoints.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("name,channel,kind\nKündigungsbestätigung,Web!,direct\n"),
      });
      await dialog.getByRole("button", { name: "Datei prüfen" }).click();
      const errors = dialog.getByRole("alert");
      await errors.getByText("nichts wurde importiert", { exact: false }).waitFor({ timeout: UI_TIMEOUT });
      await expect(errors.getByRole("row").nth(1).textContent()).resolves.toMatch(/^2channel/);

      await dialog.getByLabel("Datei").setInputFiles({
        name: "touchpoints.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          'name,channel,kind,tags\nKündigungsbestätigung,email,direct,"telekom,kündigung"\n',
        ),
      });
      await dialog.getByRole("button", { name: "Datei prüfen" }).click();
      await dialog.getByText("Die Datei ist gültig.", { exact: false }).waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByRole("button", { name: "1 Änderung importieren" }).click();
      await page
        .getByText("Import abgeschlossen: 1 angelegt", { exact: false })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("button", { name: "Kündigungsbestätigung" }).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it("keeps the touchpoint board, personas and the journey map accessible, and saves screenshots", async () => {
    // axe-core is injected as a script tag, which the strict CSP would block (checked in the first test).
    const context: BrowserContext = await e2e.browser.newContext({
      viewport: VIEWPORT,
      bypassCSP: true,
      locale: "de-DE",
    });
    try {
      const page = await context.newPage();
      const workspaceId = await logIn(page, e2e);

      await page.goto(`${e2e.server.url}/w/${workspaceId}/touchpoints`);
      await page.getByRole("table", { name: "Touchpoint-Register" }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByText("versteckte Momente", { exact: false }).first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "touchpoint-board.png") });

      await page.getByRole("button", { name: /^Warten auf den Techniker$/ }).click();
      const editor = page.getByRole("dialog", { name: "Touchpoint bearbeiten" });
      await editor.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await editor.waitFor({ state: "detached" });

      await page.goto(`${e2e.server.url}/w/${workspaceId}/personas`);
      await page.getByRole("heading", { level: 2, name: "Sandra Kaya" }).waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "personas.png"), fullPage: true });

      await page.goto(`${e2e.server.url}/w/${workspaceId}/journeys`);
      await page.getByRole("link", { name: /^Umzug/ }).click();
      const map = page.getByRole("table", { name: /Journey Map Umzug/ });
      await map.waitFor({ timeout: UI_TIMEOUT });
      await page.locator(".emotion-curve canvas").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // Wide enough for the whole map, so the full-page screenshot shows every step.
      const width = await map.evaluate((el) => el.scrollWidth);
      await page.setViewportSize({ width: Math.max(VIEWPORT.width, width + 420), height: VIEWPORT.height });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUT_DIR, "journey-map.png"), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);
});

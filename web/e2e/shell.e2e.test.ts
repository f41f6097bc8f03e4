// @vitest-environment node
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/start.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WEB_DIR = join(ROOT, "dist/web");
const OUT_DIR = join(ROOT, "test-output/e2e");
const AXE_PATH = join(ROOT, "node_modules/axe-core/axe.min.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const UI_TIMEOUT = 20_000;

async function waitForFile(path: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > until) throw new Error(`${path} did not appear within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Serious and critical axe-core violations on the current page. */
async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const results = await runner.run(document, { resultTypes: ["violations"] });
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
  });
}

async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/login$/, { timeout: UI_TIMEOUT });
  await page.getByLabel("E-Mail").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL(/\/w\/[^/]+\/journeys$/, { timeout: UI_TIMEOUT });
}

describe("web shell end to end", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let demo: { email: string; password: string };

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, "index.html"))) {
      execFileSync("npx", ["vite", "build", "--config", "web/vite.config.ts"], {
        cwd: ROOT,
        // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
        env: { ...process.env, NODE_ENV: "production" },
        stdio: "inherit",
        timeout: 180_000,
      });
    }
    dataDir = await mkdtemp(join(tmpdir(), "jl-e2e-"));
    server = await startServer({ dataDir, port: 0, webDir: WEB_DIR, seedDemo: true });
    if (!server.demo) throw new Error("the demo login was not seeded");
    demo = server.demo;
    await waitForFile(CHROMIUM, 300_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    await mkdir(OUT_DIR, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("runs under the strict CSP without violations or script errors", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" && !/status of 401/.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      const response = await page.goto(`${server.url}/login`);
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
      await logIn(page, server.url, demo.email, demo.password);
      await page.getByRole("link", { name: "Einstellungen" }).click();
      await page.getByRole("heading", { level: 1, name: "Einstellungen" }).waitFor({ timeout: UI_TIMEOUT });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("logs in, is German and accessible, switches to English, and creates an API key shown once", async () => {
    // axe-core is injected as a script tag, which the strict CSP would block (checked in the test above).
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
      locale: "de-DE",
    });
    try {
      const page = await context.newPage();

      await page.goto(`${server.url}/`);
      await page.waitForURL(/\/login$/, { timeout: UI_TIMEOUT });
      await page
        .getByRole("heading", { level: 1, name: "Bei Journeylens anmelden" })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel("E-Mail").fill(demo.email);
      await page.getByLabel("Passwort").fill("wrong-password");
      await page.getByRole("button", { name: "Anmelden" }).click();
      await expect(page.getByRole("alert").textContent({ timeout: UI_TIMEOUT })).resolves.toContain(
        "E-Mail oder Passwort ist falsch.",
      );

      await page.getByLabel("Passwort").fill(demo.password);
      await page.getByRole("button", { name: "Anmelden" }).click();
      await page.waitForURL(/\/w\/[^/]+\/journeys$/, { timeout: UI_TIMEOUT });
      const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
      await nav.getByRole("link", { name: "Einstellungen" }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("heading", { level: 1, name: "Customer Journeys" }).waitFor();
      await page.getByRole("button", { name: /Arbeitsbereich\s*Demo/ }).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("de");
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "shell-de.png") });

      await nav.getByRole("link", { name: "Einstellungen" }).click();
      await page.getByRole("heading", { level: 1, name: "Einstellungen" }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("cell", { name: /demo@journeylens\.local/ }).waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);

      const saved = page.waitForResponse(
        (r) => r.url().endsWith("/api/v1/me") && r.request().method() === "PATCH",
      );
      await page.getByRole("button", { name: "English" }).click();
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Settings" })
        .waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      // The choice is saved to the profile: after a reload the UI is still English.
      expect((await saved).status()).toBe(200);
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor({ timeout: UI_TIMEOUT });

      await page.getByRole("tab", { name: "API keys" }).click();
      await page.getByText("No API keys yet.", { exact: false }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("button", { name: "Create API key" }).click();
      const dialog = page.getByRole("dialog", { name: "Create API key" });
      await dialog.waitFor();
      await dialog.getByLabel("Name").fill("E2E web shop");
      await dialog.getByRole("checkbox", { name: /Read/ }).check();
      await dialog.getByRole("button", { name: "Create API key" }).click();

      const secretDialog = page.getByRole("dialog", { name: "Your new API key" });
      await secretDialog.waitFor({ timeout: UI_TIMEOUT });
      await expect(secretDialog.textContent()).resolves.toContain("will not be shown again");
      const secret = await secretDialog.getByLabel("API key E2E web shop").inputValue();
      expect(secret).toMatch(/^jl_/);
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await secretDialog.waitFor({ state: "detached" });

      const row = page.getByRole("row", { name: /E2E web shop/ });
      await row.waitFor({ timeout: UI_TIMEOUT });
      const prefix = ((await row.locator("code").textContent()) ?? "").replace("…", "");
      expect(prefix.length).toBeGreaterThan(3);
      expect(secret.startsWith(prefix)).toBe(true);
      await expect(row.textContent()).resolves.toContain("Active");
      // Shown once: the secret is nowhere on the page any more.
      expect(await page.content()).not.toContain(secret);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "settings-en.png") });
    } finally {
      await context.close();
    }
  }, 180_000);
});

// @vitest-environment node
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

describe("web shell end to end", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("runs under the strict CSP without violations or script errors", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const response = await page.goto(`${e2e.server.url}/login`);
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
      await logIn(page, e2e);
      await page.getByRole("link", { name: "Einstellungen" }).click();
      await page.getByRole("heading", { level: 1, name: "Einstellungen" }).waitFor({ timeout: UI_TIMEOUT });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("logs in, is German and accessible, switches to English, creates an API key shown once and revokes it", async () => {
    // axe-core is injected as a script tag, which the strict CSP would block (checked in the test above).
    const context: BrowserContext = await e2e.browser.newContext({
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
      locale: "de-DE",
    });
    try {
      const page = await context.newPage();

      await page.goto(`${e2e.server.url}/`);
      await page.waitForURL(/\/login$/, { timeout: UI_TIMEOUT });
      await page
        .getByRole("heading", { level: 1, name: "Bei Journeylens anmelden" })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel("E-Mail").fill(e2e.demo.email);
      await page.getByLabel("Passwort").fill("wrong-password");
      await page.getByRole("button", { name: "Anmelden" }).click();
      await expect(page.getByRole("alert").textContent({ timeout: UI_TIMEOUT })).resolves.toContain(
        "E-Mail oder Passwort ist falsch.",
      );

      await page.getByLabel("Passwort").fill(e2e.demo.password);
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

      // Revoking goes through the shared confirm dialog and takes effect at once.
      await row.getByRole("button", { name: "Revoke E2E web shop" }).click();
      const confirm = page.getByRole("dialog", { name: "Revoke API key?" });
      await confirm.waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);
      await confirm.getByRole("button", { name: "Revoke" }).click();
      await confirm.waitFor({ state: "detached", timeout: UI_TIMEOUT });
      await expect(row.textContent()).resolves.toContain("Revoked");
      const revoked = await fetch(`${e2e.server.url}/api/v1/workspaces`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(revoked.status).toBe(401);
    } finally {
      await context.close();
    }
  }, 180_000);
});

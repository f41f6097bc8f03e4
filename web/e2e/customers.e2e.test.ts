// @vitest-environment node
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

describe("customer profile and timeline end to end", () => {
  let e2e: E2E;
  let profileUrl = "";

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-customers-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("finds a demo customer and shows their events and feedback in one timeline", async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: "de-DE",
    });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);

      await page.getByRole("link", { name: "Kunden" }).click();
      await page.waitForURL(/\/customers$/, { timeout: UI_TIMEOUT });
      await page.getByRole("searchbox", { name: "Kunden suchen" }).fill("K-10001");
      await page.getByRole("link", { name: "Kunde 10001" }).click();
      await page.waitForURL(new RegExp(`/w/${workspaceId}/customers/[0-9a-f-]{36}$`), {
        timeout: UI_TIMEOUT,
      });

      await expect
        .poll(() => page.getByRole("heading", { level: 1, name: "Kunde 10001" }).count(), {
          timeout: UI_TIMEOUT,
        })
        .toBe(1);
      const timeline = page.getByRole("region", { name: "Zeitleiste" });
      await timeline.getByText("Page Viewed").first().waitFor({ timeout: UI_TIMEOUT });
      expect(await timeline.getByText("Ereignis", { exact: true }).count()).toBeGreaterThan(2);
      expect(await timeline.getByText("Feedback", { exact: true }).count()).toBeGreaterThan(0);
      // The e-mail identity is shown as its kind only, never as the hash.
      expect(await page.getByText("gehasht").count()).toBeGreaterThan(0);

      expect(problems).toEqual([]);
      profileUrl = page.url();
    } finally {
      await context.close();
    }
  }, 180_000);

  it("keeps the profile accessible and saves a screenshot", async () => {
    // axe-core is injected as a script, which the strict CSP (kept on above) would block.
    const context = await e2e.browser.newContext({
      viewport: { width: 1400, height: 1000 },
      bypassCSP: true,
      locale: "de-DE",
    });
    try {
      const page = await context.newPage();
      await logIn(page, e2e);
      await page.goto(profileUrl);
      await page
        .getByRole("region", { name: "Zeitleiste" })
        .getByText("Page Viewed")
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "customer-timeline.png"), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);

  it("erases a customer after confirmation: the profile is gone and the list no longer finds them", async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: "de-DE",
    });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await logIn(page, e2e);
      await page.goto(profileUrl);
      await page.getByRole("heading", { level: 1, name: "Kunde 10001" }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("button", { name: "Kunden löschen" }).click();
      const dialog = page.getByRole("dialog", { name: "Diesen Kunden löschen?" });
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(OUT_DIR, "customer-erase-confirm.png") });
      await dialog.getByRole("button", { name: "Endgültig löschen" }).click();
      await page.waitForURL(/\/customers$/, { timeout: UI_TIMEOUT });
      await page.getByRole("searchbox", { name: "Kunden suchen" }).fill("K-10001");
      await expect
        .poll(() => page.getByRole("link", { name: "Kunde 10001" }).count(), { timeout: UI_TIMEOUT })
        .toBe(0);
      await page.goto(profileUrl);
      await page.getByRole("alert").first().waitFor({ timeout: UI_TIMEOUT });
      expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

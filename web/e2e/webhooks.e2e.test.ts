// @vitest-environment node
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

describe("webhook settings end to end", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-webhooks-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("creates an endpoint in German, shows its secret once, lists it and opens its delivery log", async () => {
    // axe-core is injected as a script tag, which the strict CSP would block.
    const context = await e2e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      locale: "de-DE",
    });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      await page.goto(`${e2e.server.url}/w/${workspaceId}/settings?tab=webhooks`);
      await page.getByRole("heading", { level: 2, name: "Webhooks" }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("button", { name: "Endpunkt hinzufügen" }).click();

      const form = page.getByRole("dialog", { name: "Webhook-Endpunkt hinzufügen" });
      await form.waitFor({ timeout: UI_TIMEOUT });
      await form.getByLabel("Endpunkt-URL").fill("http://127.0.0.1/intern");
      await form.getByRole("checkbox", { name: /case\.created/ }).check();
      await form.getByRole("button", { name: "Endpunkt hinzufügen" }).click();
      await expect(form.textContent({ timeout: UI_TIMEOUT })).resolves.toContain("https");
      expect(await axeViolations(page)).toEqual([]);

      await form.getByLabel("Endpunkt-URL").fill("https://hooks.example.com/journeylens");
      await form.getByRole("checkbox", { name: /response\.finished/ }).check();
      await form.getByRole("button", { name: "Endpunkt hinzufügen" }).click();
      const secretDialog = page.getByRole("dialog", { name: "Signaturschlüssel" });
      await secretDialog.waitFor({ timeout: UI_TIMEOUT });
      const secret = await secretDialog.getByLabel("Signaturschlüssel (whsec_…)").inputValue();
      expect(secret).toMatch(/^whsec_/);
      expect(await axeViolations(page)).toEqual([]);
      await secretDialog.getByRole("button", { name: "Fertig" }).click();
      await secretDialog.waitFor({ state: "detached", timeout: UI_TIMEOUT });

      const card = page.locator(".webhook-card", { hasText: "hooks.example.com/journeylens" });
      await card.waitFor({ timeout: UI_TIMEOUT });
      await expect(card.textContent()).resolves.toMatch(/case\.created.*response\.finished.*Aktiv/s);
      expect(await page.content()).not.toContain(secret);
      await card.getByRole("button", { name: "Zustellprotokoll" }).click();
      await card.getByText("Noch keine Zustellungen.").waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "webhooks-de.png"), fullPage: true });
      expect(problems.filter((p) => !p.includes("400"))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

// @vitest-environment node
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1400, height: 1000 };
const RULE = "E2E: Marken-NPS unter 101";

describe("alert rules end to end", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-alert-rules-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("lists the demo rules, creates a threshold rule that must fire, checks it now and shows its alert", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}`;

      // The demo feedback reaches the facts store through the outbox: wait until the brand NPS has it.
      await expect
        .poll(
          async () => {
            const res = await page.request.post(`${api}/kpis/values`, { data: { days: 90 } });
            const body = (await res.json()) as { items: { kpi: { key: string }; current: { n: number } }[] };
            return body.items.find((i) => i.kpi.key === "marke-nps")?.current.n ?? 0;
          },
          { timeout: 180_000, intervals: [3000] },
        )
        .toBeGreaterThan(100);

      await page.goto(`${e2e.server.url}/w/${workspaceId}/alert-rules`);
      await page.getByRole("heading", { name: "Alarmregeln", level: 1 }).waitFor({ timeout: UI_TIMEOUT });
      // The three demo rules.
      for (const name of [
        "Marken-NPS unter Ziel",
        "Marken-NPS fällt um 10 Punkte",
        "App-Login: aufkommendes Thema",
      ])
        await page.locator(`tr[data-rule="${name}"]`).waitFor({ timeout: UI_TIMEOUT });

      // A threshold on the brand NPS that must fire: an NPS is never above 100, so always below 101.
      await page.getByRole("button", { name: "Neue Alarmregel" }).click();
      const dialog = page.getByRole("dialog", { name: "Neue Alarmregel" });
      await dialog.getByLabel("Name").fill(RULE);
      await dialog.getByLabel("Art").selectOption("threshold");
      await dialog.getByLabel("KPI", { exact: true }).selectOption({ label: "NPS Gesamtmarke (NPS)" });
      await dialog.getByLabel("Löst aus, wenn der Wert").selectOption("below");
      await dialog.getByLabel("Grenze").fill("101");
      await dialog.getByLabel("Zeitraum (Tage)").fill("90");
      await dialog.getByLabel("Analyst").check();
      await dialog.getByRole("button", { name: "Vorschau" }).click();
      await expect
        .poll(() => dialog.getByRole("status").textContent(), { timeout: UI_TIMEOUT })
        .toMatch(/^Ausgelöst · -?\d/);
      await page.screenshot({ path: join(OUT_DIR, "alert-rules-dialog.png") });
      await dialog.getByRole("button", { name: "Speichern" }).click();
      await dialog.waitFor({ state: "detached", timeout: UI_TIMEOUT });

      const row = page.locator(`tr[data-rule="${RULE}"]`);
      await row.waitFor({ timeout: UI_TIMEOUT });
      await row.getByRole("button", { name: "Jetzt prüfen" }).click();
      await expect
        .poll(() => row.locator(".status").textContent(), { timeout: UI_TIMEOUT })
        .toBe("Ausgelöst");
      await expect.poll(() => row.textContent(), { timeout: UI_TIMEOUT }).toContain("n = ");
      const fired = page.locator(".alert-rules__alert", { hasText: RULE });
      await fired.first().waitFor({ timeout: UI_TIMEOUT });

      // Checked again while still firing: no second alert (one per episode).
      await row.getByRole("button", { name: "Jetzt prüfen" }).click();
      await expect.poll(() => row.getByRole("button", { name: "Jetzt prüfen" }).isEnabled()).toBe(true);
      const rules = (await (await page.request.get(`${api}/alert-rules`)).json()) as {
        items: { id: string; name: string; state: string; recipients: { roles: string[] } }[];
      };
      const rule = rules.items.find((r) => r.name === RULE);
      expect(rule).toMatchObject({ state: "firing", recipients: { roles: ["analyst"] } });
      const alerts = (await (await page.request.get(`${api}/alert-rules/${rule?.id}/alerts`)).json()) as {
        items: { kind: string; details: { recipients: { roles: string[] } } }[];
      };
      expect(alerts.items).toHaveLength(1);
      expect(alerts.items[0]).toMatchObject({
        kind: "metric.threshold",
        details: { recipients: { roles: ["analyst"] } },
      });
      expect(await fired.count()).toBe(1);

      // A demo rule on demo data: the brand NPS of the last 90 days is under its target of 25.
      const demoRow = page.locator('tr[data-rule="Marken-NPS unter Ziel"]');
      await demoRow.getByRole("button", { name: "Jetzt prüfen" }).click();
      await expect
        .poll(() => demoRow.locator(".status").textContent(), { timeout: UI_TIMEOUT })
        .toBe("Ausgelöst");
      await expect.poll(() => demoRow.textContent(), { timeout: UI_TIMEOUT }).toMatch(/Grenze 25/);
      await page
        .locator(".alert-rules__alert", { hasText: "Marken-NPS unter Ziel" })
        .waitFor({ timeout: UI_TIMEOUT });

      await page.screenshot({ path: join(OUT_DIR, "alert-rules.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 600_000);
});

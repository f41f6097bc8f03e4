// @vitest-environment node
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

/** Calls the API from the page (the session cookie, or a bearer key instead). */
async function callApi(page: Page, method: string, path: string, body?: unknown, bearer?: string) {
  return page.evaluate(
    async ({ method, path, body, bearer }) => {
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          "content-type": "application/json",
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: bearer ? "omit" : "same-origin",
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
    },
    { method, path, body, bearer },
  );
}

describe("notifications end to end", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-notifications-");
  }, 600_000);

  afterAll(() => stopE2E(e2e), 60_000);

  it("shows a case assignment in the bell as inert text, marks all read and offers the settings", async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      locale: "de-DE",
    });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const workspaceId = await logIn(page, e2e);
      const ws = `/workspaces/${workspaceId}`;
      const me = await callApi(page, "GET", "/me");
      const myId = (me.body.user as { id: string } | undefined)?.id ?? (me.body.id as string);
      // An integration (API key) opens a case and assigns it to the demo user: a notification for them.
      const key = await callApi(page, "POST", `${ws}/api-keys`, { name: "e2e", scopes: ["read", "write"] });
      expect(key.status).toBe(201);
      const secret = key.body.secret as string;
      const title = '<img src=x onerror="window.__pwned=1">Paket beschädigt';
      const created = await callApi(page, "POST", `${ws}/cases`, { title }, secret);
      expect(created.status).toBe(201);
      const caseId = (created.body.case as { id: string }).id;
      const assigned = await callApi(page, "POST", `${ws}/cases/${caseId}/assign`, { userId: myId }, secret);
      expect(assigned.status).toBe(200);

      await page.reload();
      const bell = page.getByRole("button", { name: /^Benachrichtigungen, [1-9]\d* ungelesen$/ });
      await bell.waitFor({ timeout: UI_TIMEOUT });
      await bell.click();
      const item = page.locator(".notification-item", { hasText: "Paket beschädigt" });
      await item.waitFor({ timeout: UI_TIMEOUT });
      // The customer's markup is shown as text and never runs.
      await expect(item.textContent()).resolves.toContain('<img src=x onerror="window.__pwned=1">');
      await expect(item.textContent()).resolves.toContain("Ihnen zugewiesener Fall");
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "notifications-bell-de.png") });

      await page.getByRole("button", { name: "Alle als gelesen markieren" }).click();
      await page
        .getByRole("button", { name: "Benachrichtigungen, 0 ungelesen" })
        .waitFor({ timeout: UI_TIMEOUT });
      await page
        .locator(".notification-item--unread")
        .first()
        .waitFor({ state: "detached", timeout: UI_TIMEOUT });

      // The link opens the case.
      await item.getByRole("link").click();
      await page.waitForURL(new RegExp(`/cases/${caseId}$`), { timeout: UI_TIMEOUT });

      await page.goto(`${e2e.server.url}/w/${workspaceId}/settings?tab=notifications`);
      await page
        .getByRole("heading", { level: 2, name: "Meine Benachrichtigungen" })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("heading", { level: 2, name: "E-Mail (SMTP)" }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByLabel("Zusammenfassung per E-Mail").selectOption("daily");
      await page.getByText(/Nächste Zusammenfassung:/).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("button", { name: "Vorschau der Zusammenfassung" }).click();
      await page.locator(".digest-preview").waitFor({ timeout: UI_TIMEOUT });
      await expect(page.locator(".digest-preview").textContent()).resolves.toContain("Paket beschädigt");
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, "notifications-settings-de.png"), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

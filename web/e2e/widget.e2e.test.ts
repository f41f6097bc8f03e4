// @vitest-environment node
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { E2E } from "./helpers.js";
import { axeViolations, collectProblems, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1280, height: 800 };

const choice = (id: string, de: string, en: string) => ({ id, label: { de, en } });

const DEFINITION = {
  schemaVersion: 1,
  title: { de: "Ihre Bestellung", en: "Your order" },
  thankYou: { de: "Danke für Ihr Feedback!", en: "Thank you for your feedback!" },
  questions: [
    {
      id: "nps",
      type: "nps",
      required: true,
      text: {
        de: "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
        en: "How likely are you to recommend us to a friend?",
      },
    },
    {
      id: "reason",
      type: "single_choice",
      required: true,
      text: { de: "Was hat Sie am meisten enttäuscht?", en: "What disappointed you most?" },
      options: [
        choice("price", "Preis", "Price"),
        choice("delivery", "Lieferung", "Delivery"),
        choice("service", "Service", "Service"),
      ],
      showIf: { questionId: "nps", op: "lte", value: 6 },
    },
    {
      id: "praise",
      type: "text",
      required: false,
      text: { de: "Was hat Ihnen am besten gefallen?", en: "What did you like most?" },
      showIf: { questionId: "nps", op: "gte", value: 9 },
    },
    { id: "ces", type: "ces", required: true, text: {} },
    {
      id: "channels",
      type: "multiple_choice",
      required: false,
      text: { de: "Welche Kanäle haben Sie genutzt?", en: "Which channels did you use?" },
      options: [
        choice("web", "Website", "Website"),
        choice("app", "App", "App"),
        choice("phone", "Telefon", "Phone"),
      ],
    },
    { id: "comment", type: "text", required: false, text: { de: "Noch etwas?", en: "Anything else?" } },
  ],
};

/** A customer's site on another origin: its own content, a strict CSP, and the one embed tag. */
function hostPage(productUrl: string, surveyId: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Beispiel Shop</title></head>
  <body>
    <header><a href="/">Beispiel Shop</a> <a href="/account">My account</a></header>
    <main><h1>Thank you for your order</h1><p>Your parcel is on its way.</p></main>
    <script src="${productUrl}/widget.js" data-survey="${surveyId}" data-lang="en"
      data-customer-id="C-1001" data-hidden-order-id="A-77" async></script>
  </body>
</html>`;
}

async function startHost(productUrl: string, surveyId: string): Promise<{ server: Server; url: string }> {
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${productUrl}`,
    `connect-src ${productUrl}`,
    "style-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const server = createServer((req, res) => {
    if (req.url !== "/") {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": csp });
    res.end(hostPage(productUrl, surveyId));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** What has focus inside the widget's shadow root (the document only sees the host element). */
function focused(
  page: Page,
): Promise<{ tag: string; type: string; value: string; checked: boolean; text: string }> {
  return page.evaluate(() => {
    const active = document.querySelector("journeylens-survey")?.shadowRoot?.activeElement;
    if (!(active instanceof HTMLElement)) return { tag: "", type: "", value: "", checked: false, text: "" };
    const input = active instanceof HTMLInputElement ? active : null;
    return {
      tag: active.tagName.toLowerCase(),
      type: input?.type ?? "",
      value: input?.value ?? "",
      checked: input?.checked ?? false,
      text: active.getAttribute("aria-label") ?? active.textContent?.trim() ?? "",
    };
  });
}

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
}

const LINK_DEFINITION = {
  schemaVersion: 1,
  title: { de: "Ihr Serviceeinsatz", en: "Your service visit" },
  thankYou: { de: "Danke für Ihr Feedback!", en: "Thank you for your feedback!" },
  questions: [DEFINITION.questions[0], { ...DEFINITION.questions[5], required: true }],
};

describe("survey widget embedded on another origin", () => {
  let e2e: E2E;
  let host: { server: Server; url: string };
  let workspaceId: string;
  let cookie: string;
  let surveyId: string;

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${e2e.server.url}${path}`, {
      method,
      headers: { cookie, ...(body !== undefined && { "content-type": "application/json" }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    e2e = await startE2E("jl-e2e-widget-");
    const login = await fetch(`${e2e.server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(e2e.demo),
    });
    expect(login.status).toBe(200);
    cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const profile = (await login.json()) as { workspaces: { id: string }[] };
    workspaceId = profile.workspaces[0]?.id ?? "";
    const created = await api("POST", `/api/v1/workspaces/${workspaceId}/surveys`, {
      name: "Widget after checkout",
      defaultLanguage: "de",
      status: "active",
      definition: DEFINITION,
      settings: { widget: { position: "bottom-right", delaySeconds: 0 } },
    });
    expect(created.status).toBe(201);
    surveyId = String(created.body.id);
    host = await startHost(e2e.server.url, surveyId);
  }, 600_000);

  afterAll(async () => {
    await new Promise((resolve) => host?.server.close(resolve));
    await stopE2E(e2e);
  }, 60_000);

  it("is answered with the keyboard alone under the host's strict CSP and saves a finished widget response", async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await page.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = violations;
        document.addEventListener("securitypolicyviolation", (e) =>
          violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(host.url);
      const dialog = page.getByRole("dialog", { name: "Your order" });
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      // Nobody was typing on the host page, so the opening card takes focus; the page says English.
      await dialog.getByText("Question 1 of 4").waitFor();

      await press(page, "Tab");
      expect(await focused(page)).toMatchObject({ tag: "button", text: "Close survey" });
      await press(page, "Tab");
      expect(await focused(page)).toMatchObject({ type: "radio", value: "0", checked: false });
      await press(page, "ArrowRight", 9);
      expect(await focused(page)).toMatchObject({ type: "radio", value: "9", checked: true });
      // A promoter gets the praise question: one more question than before.
      await dialog.getByText("Question 1 of 5").waitFor();
      await page.screenshot({ path: join(OUT_DIR, "widget.png") });
      await press(page, "Enter");

      await dialog.getByText("Question 2 of 5").waitFor({ timeout: UI_TIMEOUT });
      expect(await focused(page)).toMatchObject({ tag: "textarea" });
      await page.keyboard.type("Friendly driver");
      await press(page, "Tab", 2);
      expect(await focused(page)).toMatchObject({ tag: "button", text: "Next" });
      await press(page, "Enter");
      await dialog.getByText("Question 3 of 5").waitFor({ timeout: UI_TIMEOUT });

      // A reload continues where the respondent was, with the saved response (edit token in sessionStorage).
      await page.reload();
      await dialog.getByText("Question 3 of 5").waitFor({ timeout: UI_TIMEOUT });
      await press(page, "Tab", 2);
      expect(await focused(page)).toMatchObject({ type: "radio", value: "1" });

      // Back to the first question: as a detractor, the praise question (already saved) disappears.
      await press(page, "Tab");
      expect(await focused(page)).toMatchObject({ tag: "button", text: "Back" });
      await press(page, "Enter");
      await dialog.getByText("Question 2 of 5").waitFor();
      await press(page, "Tab");
      await press(page, "Enter");
      await dialog.getByText("Question 1 of 5").waitFor();
      expect(await focused(page)).toMatchObject({ type: "radio", value: "9", checked: true });
      await press(page, "ArrowLeft", 6);
      expect(await focused(page)).toMatchObject({ type: "radio", value: "3", checked: true });
      await press(page, "Enter");

      await dialog
        .getByRole("radiogroup", { name: /What disappointed you most/ })
        .waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByText("Question 2 of 5").waitFor();
      // Required: continuing without a choice shows the error and keeps the question.
      await press(page, "Enter");
      await dialog.getByRole("alert").filter({ hasText: "Please answer this question." }).waitFor();
      expect(await focused(page)).toMatchObject({ type: "radio", value: "price", checked: false });
      await press(page, "ArrowDown");
      expect(await focused(page)).toMatchObject({ type: "radio", value: "delivery", checked: true });
      await press(page, "Enter");

      await dialog.getByRole("radiogroup", { name: /made it easy for me/ }).waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByText("Question 3 of 5").waitFor();
      await press(page, "ArrowRight", 5);
      expect(await focused(page)).toMatchObject({ type: "radio", value: "6", checked: true });
      await press(page, "Enter");

      await dialog.getByText("Question 4 of 5").waitFor({ timeout: UI_TIMEOUT });
      expect(await focused(page)).toMatchObject({ type: "checkbox", value: "web" });
      await press(page, "Space");
      await press(page, "Tab", 2);
      expect(await focused(page)).toMatchObject({ type: "checkbox", value: "phone" });
      await press(page, "Space");
      await press(page, "Enter");

      await dialog.getByText("Question 5 of 5").waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.type("The parcel arrived two days late.");
      await press(page, "Tab", 2);
      expect(await focused(page)).toMatchObject({ tag: "button", text: "Submit" });
      await press(page, "Enter");
      await dialog.getByText("Thank you for your feedback!").waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(OUT_DIR, "widget-thanks.png") });

      const list = await api("GET", `/api/v1/workspaces/${workspaceId}/feedback?surveyId=${surveyId}`);
      expect(list.status).toBe(200);
      const items = list.body.items as Record<string, unknown>[];
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        kind: "survey_response",
        channel: "widget",
        surveyId,
        finished: true,
        flagged: false,
        language: "en",
        answers: {
          nps: 3,
          reason: "delivery",
          ces: 6,
          channels: ["web", "phone"],
          comment: "The parcel arrived two days late.",
        },
        metadata: {
          context: { customerId: "C-1001", "order-id": "A-77" },
          pageUrl: `${host.url}/`,
        },
      });
      expect(items[0]?.answers).not.toHaveProperty("praise");

      expect(
        await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
      ).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it("is accessible, closes with Escape and stays closed after a reload", async () => {
    // axe-core is injected as a script tag, which the host's strict CSP would block.
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await page.goto(host.url);
      const dialog = page.getByRole("dialog", { name: "Your order" });
      await dialog.getByRole("radiogroup", { name: /How likely/ }).waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);

      await press(page, "Escape");
      await dialog.waitFor({ state: "detached" });
      await page.reload();
      await page.getByRole("heading", { name: "Thank you for your order" }).waitFor();
      // Give a would-be delayed opening its chance before asserting it stays away.
      await page.waitForTimeout(1500);
      expect(await dialog.count()).toBe(0);
      expect(
        await page.evaluate((id) => localStorage.getItem(`journeylens:closed:${id}`), surveyId),
      ).toContain("dismissed");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("runs as the hosted page in German under the product's CSP, accessibly", async () => {
    const strict = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await strict.newPage();
      const problems = collectProblems(page);
      const response = await page.goto(`${e2e.server.url}/s/${surveyId}?lang=de`);
      expect(response?.headers()["content-security-policy"]).toContain("style-src 'self'");
      await page
        .getByRole("radiogroup", { name: /Wie wahrscheinlich ist es/ })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await page.title()).toBe("Ihre Bestellung");
      expect(await page.locator("html").getAttribute("lang")).toBe("de");
      await page.getByText("Frage 1 von 4").waitFor();
      await page.getByRole("radio", { name: /^0 überhaupt nicht wahrscheinlich/ }).waitFor();
      await page.screenshot({ path: join(OUT_DIR, "survey-page.png") });
      expect(problems).toEqual([]);
    } finally {
      await strict.close();
    }
    const context = await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true, locale: "de-DE" });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/s/${surveyId}?lang=de`);
      await page
        .getByRole("radiogroup", { name: /Wie wahrscheinlich ist es/ })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${e2e.server.url}/s/0193a1c2-7d4e-7f00-8a00-00000000dead?lang=de`);
      await page.getByRole("alert").filter({ hasText: "Diese Umfrage ist nicht verfügbar." }).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it("answers a personal single-use link once: resumes after a reload, then refuses another browser", async () => {
    const survey = await api("POST", `/api/v1/workspaces/${workspaceId}/surveys`, {
      name: "Hosted link",
      status: "active",
      definition: LINK_DEFINITION,
    });
    expect(survey.status).toBe(201);
    const linkSurveyId = String(survey.body.id);
    const link = await api("POST", `/api/v1/workspaces/${workspaceId}/surveys/${linkSurveyId}/links`, {
      customerId: "C-2002",
      hidden: { contract: "V-9" },
    });
    expect(link.status).toBe(201);
    const url = `${e2e.server.url}/s/${linkSurveyId}?t=${encodeURIComponent(String(link.body.token))}`;

    const context = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await page.goto(url);
      await page
        .getByRole("heading", { level: 1, name: "Ihr Serviceeinsatz" })
        .waitFor({ timeout: UI_TIMEOUT });
      // The radio itself is visually hidden; people click its face.
      await page.locator("label.point", { hasText: /^10/ }).click();
      expect(await page.getByRole("radio", { name: /^10 äußerst wahrscheinlich/ }).isChecked()).toBe(true);
      await page.getByRole("button", { name: "Weiter" }).click();
      const comment = page.getByRole("textbox", { name: /Noch etwas\?/ });
      await comment.waitFor({ timeout: UI_TIMEOUT });
      // The link is used by now; the reload continues this tab's own response instead of refusing it.
      await page.reload();
      await comment.waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole("button", { name: "Absenden" }).click();
      await page.getByRole("alert").filter({ hasText: "Bitte beantworten Sie diese Frage." }).waitFor();
      await comment.fill("Der Techniker war pünktlich <b>und</b> freundlich.");
      await page.getByRole("button", { name: "Absenden" }).click();
      await page.getByText("Danke für Ihr Feedback!").waitFor({ timeout: UI_TIMEOUT });
      await page.reload();
      await page.getByText("Danke für Ihr Feedback!").waitFor({ timeout: UI_TIMEOUT });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    const other = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    try {
      const page = await other.newPage();
      await page.goto(url);
      await page
        .getByRole("alert")
        .filter({ hasText: "Dieser Umfragelink wurde bereits verwendet." })
        .waitFor({ timeout: UI_TIMEOUT });
    } finally {
      await other.close();
    }

    const list = await api("GET", `/api/v1/workspaces/${workspaceId}/feedback?surveyId=${linkSurveyId}`);
    const items = list.body.items as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      channel: "survey_link",
      customerId: "C-2002",
      finished: true,
      language: "de",
      answers: { nps: 10, comment: "Der Techniker war pünktlich <b>und</b> freundlich." },
      metadata: { hidden: { contract: "V-9" } },
    });
  }, 120_000);
});

// @vitest-environment node
import { join } from "node:path";
import type { APIRequestContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../../src/testing/smtp-sink.js";
import type { E2E } from "./helpers.js";
import { collectProblems, logIn, OUT_DIR, startE2E, stopE2E, UI_TIMEOUT } from "./helpers.js";

const VIEWPORT = { width: 1400, height: 1000 };
const SURVEY = "Umfrage nach dem Techniker-Besuch";
const JOURNEY = "Umzug mit Festnetz und Internet";
const CUSTOMER = "email:petra.e2e@example.com";
const COMMENT = "Der Techniker kam drei Stunden zu spät <script>alert(1)</script> und niemand hat angerufen.";
const AGENT = { email: "tom.berger@journeylens.local", password: "journeylens-demo" };

interface CaseItem {
  id: string;
  title: string;
  status: string;
  customerId: string | null;
  assigneeUserId: string | null;
  touchpointId: string | null;
  watchers: { userId: string; reason: string }[];
}

async function json<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

/**
 * The case the customer's response opened, once the outbox has run it through enrichment and the
 * case rules: the response's feedback record is the case's signal.
 */
async function waitForCase(page: Page, api: string): Promise<CaseItem> {
  const until = Date.now() + 120_000;
  let feedbackId: string | undefined;
  for (;;) {
    if (!feedbackId) {
      const feedback = await json<{ items: { id: string; customerId: string | null }[] }>(
        await page.request.get(`${api}/feedback?limit=20`),
      );
      feedbackId = feedback.items.find((f) => f.customerId === CUSTOMER)?.id;
    }
    if (feedbackId) {
      const list = await json<{ items: CaseItem[] }>(
        await page.request.get(`${api}/cases?signalRef=${feedbackId}&limit=10`),
      );
      if (list.items[0]) return list.items[0];
    }
    if (Date.now() > until) throw new Error(`no case was opened for the detractor response ${feedbackId}`);
    await page.waitForTimeout(500);
  }
}

/** The first e-mail to `to` whose HTML contains `about` (a link, a name). */
async function waitForMail(sink: SmtpSink, to: string, about = "") {
  const until = Date.now() + 60_000;
  for (;;) {
    const mail = sink.mails.find((m) => m.to.includes(to) && String(m.parsed.html ?? "").includes(about));
    if (mail) return mail;
    if (Date.now() > until) throw new Error(`no e-mail about "${about}" reached ${to}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Answers the hosted survey page by page: NPS 2, CES 2, the first problem, the comment. */
async function answerAsDetractor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole("radiogroup", { name: /weiterempfehlen/ }).waitFor({ timeout: UI_TIMEOUT });
  await page.getByRole("radio", { name: /^2\b/ }).first().check({ force: true });
  for (let i = 0; i < 6; i++) {
    const comment = page.getByRole("textbox").first();
    if (await comment.isVisible()) {
      await comment.fill(COMMENT);
      break;
    }
    const ces = page.getByRole("radiogroup", { name: /leicht gemacht/ });
    if (await ces.isVisible()) await ces.getByRole("radio", { name: /^2\b/ }).first().check({ force: true });
    const problem = page.getByRole("radio", { name: "Terminverschiebungen" });
    if (await problem.isVisible()) await problem.check({ force: true });
    await page.getByRole("button", { name: "Weiter" }).click();
  }
  await page.getByRole("button", { name: "Absenden" }).click();
  await page
    .getByText(/Vielen Dank/)
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
}

describe("closed loop end to end: detractor → case → agent → journey owner → follow-up", () => {
  let e2e: E2E;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    e2e = await startE2E("jl-e2e-closed-loop-");
  }, 600_000);

  afterAll(async () => {
    await stopE2E(e2e);
    await sink?.stop();
  }, 60_000);

  it("routes a demo detractor's case to the field-service agent, who resolves it, and the journey owner sees it", async () => {
    const owner = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    const agent = await e2e.browser.newContext({ viewport: VIEWPORT, locale: "de-DE" });
    const customer = await e2e.browser.newContext({ viewport: { width: 800, height: 900 }, locale: "de-DE" });
    try {
      const page = await owner.newPage();
      const problems = collectProblems(page);
      page.on("response", (r) => {
        if (r.status() === 404) problems.push(`404 ${r.url()}`);
      });
      const workspaceId = await logIn(page, e2e);
      const api = `${e2e.server.url}/api/v1/workspaces/${workspaceId}`;

      // The workspace sends e-mail through a local SMTP server (loopback: the owner allows private targets).
      await json(await page.request.put(`${api}/webhooks/settings`, { data: { allowPrivateTargets: true } }));
      await json(
        await page.request.put(`${api}/mail-settings`, {
          data: {
            enabled: true,
            host: "127.0.0.1",
            port: sink.port,
            security: "none",
            fromAddress: "service@journeylens.local",
          },
        }),
      );

      // A personal invitation link of the demo's technician-visit survey, as a survey trigger would send it.
      const surveys = await json<{ items: { id: string; name: string }[] }>(
        await page.request.get(`${api}/surveys?limit=100`),
      );
      const survey = surveys.items.find((s) => s.name === SURVEY);
      expect(survey).toBeTruthy();
      const link = await json<{ url: string }>(
        await page.request.post(`${api}/surveys/${survey?.id}/links`, { data: { customerId: CUSTOMER } }),
      );

      // The customer answers as a detractor on the hosted page.
      const hosted = await customer.newPage();
      const hostedProblems = collectProblems(hosted);
      await answerAsDetractor(hosted, link.url.replace(/^https?:\/\/[^/]+/, e2e.server.url));
      expect(hostedProblems).toEqual([]);

      // The demo rule "Detraktor in der Umzugsumfrage" opens one case, routed by the touchpoint's owner
      // team (Team Außendienst) to its one agent; the journey owner (the demo owner) watches it.
      const opened = await waitForCase(page, api);
      const members = await json<{ items: { userId: string; email: string }[] }>(
        await page.request.get(`${api}/members?limit=100`),
      );
      const userId = (email: string) => members.items.find((m) => m.email === email)?.userId;
      const touchpoints = await json<{ items: { id: string; name: string }[] }>(
        await page.request.get(`${api}/touchpoints?limit=100`),
      );
      expect(touchpoints.items.find((t) => t.id === opened.touchpointId)?.name).toBe("Techniker-Besuch");
      expect(opened.assigneeUserId).toBe(userId(AGENT.email));
      expect(opened.status).toBe("new");
      expect(opened.watchers).toContainEqual({ userId: userId(e2e.demo.email), reason: "journey_owner" });

      // The agent is told by e-mail; the customer's words arrive as inert text.
      const assignedMail = await waitForMail(sink, AGENT.email, `/cases/${opened.id}`);
      expect(assignedMail.parsed.html).not.toContain("<script>");
      expect(assignedMail.parsed.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(assignedMail.parsed.text).toContain(COMMENT);

      // The agent finds it in "Meine Fälle", sees the customer's words as text, and resolves it.
      const agentPage = await agent.newPage();
      const agentProblems = collectProblems(agentPage);
      await logIn(agentPage, e2e, AGENT);
      await agentPage.goto(`${e2e.server.url}/w/${workspaceId}/cases`);
      await agentPage.getByRole("heading", { level: 1, name: "Fälle" }).waitFor({ timeout: UI_TIMEOUT });
      await agentPage.getByRole("tab", { name: "Meine Fälle" }).click();
      const row = agentPage.locator("table.cases-table tbody tr", {
        has: agentPage.locator(`a[href$="/cases/${opened.id}"]`),
      });
      await row.waitFor({ timeout: UI_TIMEOUT });
      expect(await row.textContent()).toContain("Techniker-Besuch");
      await agentPage.screenshot({ path: join(OUT_DIR, "closed-loop-agent-queue.png"), fullPage: true });

      await row.getByRole("link").first().click();
      await agentPage.waitForURL(new RegExp(`/cases/${opened.id}$`), { timeout: UI_TIMEOUT });
      const timeline = agentPage.locator(".cases-timeline");
      await timeline
        .getByText(/drei Stunden zu spät/)
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await agentPage.locator("script", { hasText: "alert(1)" }).count()).toBe(0);
      await agentPage.getByLabel("Ursache").selectOption("process");
      await agentPage
        .getByLabel("Lösungsnotiz")
        .fill("Termin mit Zeitfenster neu vereinbart, Gutschrift erteilt.");
      await agentPage.getByRole("button", { name: "Als gelöst markieren" }).click();
      await timeline.getByText(/Gutschrift erteilt/).waitFor({ timeout: UI_TIMEOUT });
      await agentPage.screenshot({ path: join(OUT_DIR, "closed-loop-resolved.png"), fullPage: true });
      expect(agentProblems).toEqual([]);

      // Resolving sent the follow-up CSAT survey to the customer, through the survey engine and SMTP.
      const followUp = await waitForMail(sink, "petra.e2e@example.com");
      expect(followUp.parsed.subject).toBe("Ist Ihr Anliegen gelöst? Eine Frage an Sie");
      const surveyUrl = /https?:\/\/\S+\/s\/[0-9a-f-]{36}\?t=[\w-]+/.exec(followUp.parsed.text ?? "")?.[0];
      expect(surveyUrl).toBeTruthy();
      const followUpPage = await customer.newPage();
      await followUpPage.goto((surveyUrl as string).replace(/^https?:\/\/[^/]+/, e2e.server.url));
      await followUpPage.getByText("Wie zufrieden sind Sie mit der Lösung Ihres Anliegens?").waitFor({
        timeout: UI_TIMEOUT,
      });
      await followUpPage.screenshot({ path: join(OUT_DIR, "closed-loop-follow-up.png"), fullPage: true });
      const timelineKinds = await json<{ kind: string }[]>(
        await page.request.get(`${api}/cases/${opened.id}/timeline`),
      );
      expect(timelineKinds.map((e) => e.kind)).toContain("follow_up");

      // The journey owner's cockpit counts it as resolved on the technician step.
      const journeys = await json<{ items: { id: string; title: string }[] }>(
        await page.request.get(`${api}/journeys?limit=100`),
      );
      const journey = journeys.items.find((j) => j.title === JOURNEY);
      await page.goto(`${e2e.server.url}/w/${workspaceId}/cases`);
      await page.getByRole("tab", { name: "Journey-Cockpit" }).click();
      await page.getByLabel("Customer Journey").selectOption(journey?.id ?? "");
      const step = page.locator("table.cases-matrix tbody tr", {
        hasText: "Techniker schaltet den Anschluss",
      });
      await step.waitFor({ timeout: UI_TIMEOUT });
      const cells = await step.locator("td").allTextContents();
      expect(Number(cells[4])).toBeGreaterThanOrEqual(1);
      // Inner loop → outer loop: the resolved case counts as a pain point of the technician visit
      // (root cause "Prozess"), which the journey owner proposes as an initiative.
      const pain = page.locator("table.cases-pain-points tbody tr", { hasText: "Techniker-Besuch" }).filter({
        hasText: "Prozess",
      });
      await pain.first().waitFor({ timeout: UI_TIMEOUT });
      await pain.first().getByRole("button", { name: "Initiative vorschlagen" }).click();
      await pain.first().getByText("Initiative vorgeschlagen").waitFor({ timeout: UI_TIMEOUT });
      await page
        .getByRole("table", { name: "KPIs dieser Journey" })
        .locator("tbody tr")
        .first()
        .waitFor({ timeout: 60_000 });
      await page.screenshot({ path: join(OUT_DIR, "closed-loop-cockpit.png"), fullPage: true });
      const points = await json<
        { rootCause: string | null; initiativeId: string | null; touchpointId: string }[]
      >(await page.request.get(`${api}/journeys/${journey?.id}/pain-points`));
      expect(
        points.find((p) => p.touchpointId === opened.touchpointId && p.rootCause === "process")?.initiativeId,
      ).toEqual(expect.any(String));

      // The team lead's view: the field-service team's load per member.
      await page.getByRole("tab", { name: "Team" }).click();
      await page
        .getByRole("combobox", { name: "Team", exact: true })
        .selectOption({ label: "Team Außendienst" });
      await page
        .locator("table tbody tr", { hasText: "Tom Berger" })
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(OUT_DIR, "closed-loop-team.png"), fullPage: true });
      const resolved = await json<CaseItem>(await page.request.get(`${api}/cases/${opened.id}`));
      expect(resolved.status).toBe("resolved");
      expect(problems).toEqual([]);
    } finally {
      await customer.close();
      await agent.close();
      await owner.close();
    }
  }, 600_000);
});

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type axe from "axe-core";
import { type Browser, chromium, type Page } from "playwright-core";
import { type RunningServer, startServer } from "../../src/server/start.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WEB_DIR = join(ROOT, "dist/web");
const AXE_PATH = join(ROOT, "node_modules/axe-core/axe.min.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OUT_DIR = join(ROOT, "test-output/e2e");
export const UI_TIMEOUT = 20_000;

/** A server seeded with the demo workspace, and Chromium to drive it. */
export interface E2E {
  dataDir: string;
  server: RunningServer;
  browser: Browser;
  demo: { email: string; password: string };
}

async function waitForFile(path: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > until) throw new Error(`${path} did not appear within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function viteBuild(config: string): void {
  execFileSync("npx", ["vite", "build", "--config", config], {
    cwd: ROOT,
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "inherit",
    timeout: 180_000,
  });
}

/** Builds the web app and the widget if missing, starts a seeded server in a fresh data folder and launches Chromium. */
export async function startE2E(tmpPrefix: string): Promise<E2E> {
  if (!existsSync(join(WEB_DIR, "index.html"))) viteBuild("web/vite.config.ts");
  // Second: the app build empties dist/web, the widget build adds to it.
  if (!existsSync(join(WEB_DIR, "widget.js"))) viteBuild("web/widget.vite.config.ts");
  const dataDir = await mkdtemp(join(tmpdir(), tmpPrefix));
  let server: RunningServer | undefined;
  try {
    server = await startServer({ dataDir, port: 0, webDir: WEB_DIR, seedDemo: true });
    const demo = server.demo;
    if (!demo) throw new Error("the demo login was not seeded");
    await mkdir(OUT_DIR, { recursive: true });
    await waitForFile(CHROMIUM, 300_000);
    const browser = await chromium.launch({
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
    return { dataDir, server, browser, demo };
  } catch (error) {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Undefined when `startE2E` failed, which has cleaned up after itself. */
export async function stopE2E(e2e: E2E | undefined): Promise<void> {
  if (!e2e) return;
  await e2e.browser.close();
  await e2e.server.close();
  await rm(e2e.dataDir, { recursive: true, force: true });
}

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Serious and critical axe-core violations on the current page. */
export async function axeViolations(page: Page): Promise<Violation[]> {
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

/** Logs in (as the demo user unless `as` names another account) and returns the workspace the app opens. */
export async function logIn(page: Page, e2e: E2E, as?: { email: string; password: string }): Promise<string> {
  const login = as ?? e2e.demo;
  await page.goto(`${e2e.server.url}/`);
  await page.waitForURL(/\/login$/, { timeout: UI_TIMEOUT });
  await page.getByLabel("E-Mail").fill(login.email);
  await page.getByLabel("Passwort").fill(login.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL(/\/w\/[^/]+\/journeys$/, { timeout: UI_TIMEOUT });
  const match = /\/w\/([^/]+)\//.exec(page.url());
  if (!match?.[1]) throw new Error(`no workspace in ${page.url()}`);
  return match[1];
}

/** Console errors and CSP violations; the 401 of the session probe before login is expected. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 401/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return problems;
}

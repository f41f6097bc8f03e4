import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";
import { CSP } from "./web.js";

type PageLanguage = "de" | "en";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TEXT = {
  de: {
    title: "Umfrage",
    noscript: "Bitte aktivieren Sie JavaScript, um an dieser Umfrage teilzunehmen.",
    notFound: "Diese Umfrage gibt es nicht.",
  },
  en: {
    title: "Survey",
    noscript: "Please enable JavaScript to take part in this survey.",
    notFound: "This survey does not exist.",
  },
} as const;

/** `?lang=` first, then the best de/en match of Accept-Language; German when neither says. */
export function pageLanguage(lang: string | undefined, acceptLanguage: string | undefined): PageLanguage {
  const wanted = lang?.toLowerCase().slice(0, 2);
  if (wanted === "de" || wanted === "en") return wanted;
  let best: { language: PageLanguage; q: number } | null = null;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const [tag = "", ...params] = part.trim().split(";");
    const primary = tag.trim().toLowerCase().slice(0, 2);
    if (primary !== "de" && primary !== "en") continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { language: primary, q };
  }
  return best?.language ?? "de";
}

function page(language: PageLanguage, head: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${TEXT[language].title}</title>
${head}
  </head>
  <body>
${body}
  </body>
</html>
`;
}

function sendPage(c: Context<AppEnv>, html: string, status: 200 | 404) {
  c.header("Content-Security-Policy", CSP);
  // The URL may carry a personal link token; nothing about the page may be cached.
  c.header("Cache-Control", "no-store");
  return c.html(html, status);
}

/**
 * The hosted survey page `/s/<surveyId>` (docs/api/listen.md §6) and the widget files that customers'
 * sites load cross-origin. Registered before the web app, so these paths never fall through to it.
 */
export function serveSurveyPage(app: OpenAPIHono<AppEnv>, webDir: string): void {
  const hasCss = existsSync(join(webDir, "widget.css"));
  const hasIcon = existsSync(join(webDir, "favicon.svg"));

  for (const file of ["widget.js", "widget.css"]) {
    app.get(`/${file}`, async (c, next) => {
      await next();
      if (c.res.status !== 200) return;
      c.header("Access-Control-Allow-Origin", "*");
      c.header("Cross-Origin-Resource-Policy", "cross-origin");
      // Stable names without a hash: a short cache lets a release reach every site within minutes.
      c.header("Cache-Control", "public, max-age=300");
    });
    app.get(`/${file}`, serveStatic({ path: join(webDir, file) }));
    // Not built: a 404, rather than the web app's index.html under a script's name.
    app.get(`/${file}`, (c) => c.notFound());
  }

  app.get("/s/:surveyId", (c) => {
    const language = pageLanguage(c.req.query("lang"), c.req.header("accept-language"));
    const surveyId = c.req.param("surveyId");
    const icon = hasIcon ? `    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />\n` : "";
    const stylesheet = hasCss ? `    <link rel="stylesheet" href="/widget.css" />\n` : "";
    if (!UUID.test(surveyId)) {
      const body = `    <main class="noscript"><h1>${TEXT[language].notFound}</h1></main>`;
      return sendPage(c, page(language, icon + stylesheet, body), 404);
    }
    const id = surveyId.toLowerCase();
    const head = `${icon}${stylesheet}    <script src="/widget.js" data-survey="${id}" data-mode="page" defer></script>`;
    const body = `    <main id="journeylens-survey"></main>
    <noscript><p class="noscript">${TEXT[language].noscript}</p></noscript>`;
    return sendPage(c, page(language, head, body), 200);
  });
}

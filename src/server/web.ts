import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";

/** Strict CSP: the app loads nothing inline and talks only to its own origin. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

/** Serves the built web app, with index.html for client-side routes. */
export function serveWeb(app: OpenAPIHono<AppEnv>, webDir: string): void {
  const indexPath = join(webDir, "index.html");
  if (!existsSync(indexPath)) return;
  const index = readFileSync(indexPath, "utf8");
  app.use("*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CSP);
  });
  app.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  app.use("*", serveStatic({ root: webDir }));
  app.get("*", async (c, next) => {
    // API paths fall through to their routes, or to the app's problem+json 404.
    if (c.req.path.startsWith("/api/") || c.req.path.startsWith("/health/")) return next();
    c.header("Cache-Control", "no-cache");
    return c.html(index);
  });
}

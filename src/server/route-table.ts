import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";

export interface RouteEntry {
  method: string;
  /** OpenAPI-style path: `/api/v1/workspaces/{workspaceId}`. */
  path: string;
  params: string[];
}

/** The API routes the app really answers (from Hono's router, not from the docs). */
export function routeTable(app: OpenAPIHono<AppEnv>): RouteEntry[] {
  const seen = new Set<string>();
  const routes: RouteEntry[] = [];
  for (const r of app.routes) {
    const api = ["/api/v1/", "/api/public/", "/health/", "/v1/"].some((prefix) => r.path.startsWith(prefix));
    if (r.method === "ALL" || !api) continue;
    const path = r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const key = `${r.method} ${path}`;
    if (seen.has(key)) continue; // route middleware registers the same path once per handler
    seen.add(key);
    routes.push({
      method: r.method,
      path,
      params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? ""),
    });
  }
  return routes;
}

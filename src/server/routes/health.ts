import { createRoute, z } from "@hono/zod-openapi";
import { json, router } from "../openapi.js";

const ZHealth = z.object({
  status: z.enum(["ok", "unavailable"]),
  systemOfRecord: z.boolean(),
  facts: z.boolean(),
});

export function healthRoutes() {
  const app = router();
  app.openapi(
    createRoute({
      method: "get",
      path: "/health/live",
      tags: ["health"],
      summary: "The process is up",
      responses: { 200: { description: "Alive", ...json(z.object({ status: z.literal("ok") })) } },
    }),
    (c) => c.json({ status: "ok" as const }, 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/health/ready",
      tags: ["health"],
      summary: "Both stores are reachable",
      responses: {
        200: { description: "Ready", ...json(ZHealth) },
        503: { description: "A store is unreachable; see Retry-After", ...json(ZHealth) },
      },
    }),
    async (c) => {
      const h = await c.get("stores").health();
      if (h.systemOfRecord && h.facts) return c.json({ status: "ok" as const, ...h }, 200);
      c.header("Retry-After", "5");
      return c.json({ status: "unavailable" as const, ...h }, 503);
    },
  );
  return app;
}

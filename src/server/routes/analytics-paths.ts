import { createRoute } from "@hono/zod-openapi";
import { ZPaths, ZPathsRequest } from "../../core/analytics/paths.schema.js";
import { paths } from "../../core/analytics/reports/paths.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { WorkspaceParams } from "./shared.js";

/** Journey analytics: paths (docs/api/journey-analytics.md §5). */
export function analyticsPathsRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/workspaces/{workspaceId}/analytics/paths",
      tags: ["analytics"],
      summary: "What units do after (or before) an anchor step: top paths and sankey links",
      description:
        "Per unit its first anchor event in `[from, to)`; the next (or previous) `depth` event names within " +
        "`window`, consecutive repeats of a name collapsed (the anchor's own name included), `(end)` when " +
        "there are fewer. `paths` are the top `limit` by units (ties by path text); `links` cover all units.",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZPathsRequest, {
          from: "2026-10-01T00:00:00Z",
          to: "2026-11-01T00:00:00Z",
          anchor: { event: "Product Viewed" },
          direction: "after",
          depth: 3,
          limit: 10,
          window: { value: 1, unit: "days" },
        }),
      },
      responses: {
        200: { description: "The paths", ...json(named(ZPaths, "Paths")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await paths(reportCtx(c), c.req.valid("json")), 200),
  );

  return app;
}

import { createRoute, z } from "@hono/zod-openapi";
import { ZFailedEvent, ZFailedEventListQuery } from "../../core/events/event.schema.js";
import { listFailedEvents } from "../../core/events/failed-events/list-failed-events.js";
import { replayFailedEvent } from "../../core/events/failed-events/replay-failed-event.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/failed-events";
const FailedEventParams = WorkspaceParams.extend({
  failedEventId: z.string().openapi({ param: { name: "failedEventId", in: "path" } }),
});

/** Rejected ingestion items, for admins: list them and replay one after fixing the cause. */
export function failedEventRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: ["events"],
      summary: "Events the ingestion API rejected, newest first (filter by code)",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: WorkspaceParams, query: ZFailedEventListQuery },
      responses: {
        200: { description: "Page of failed events", ...json(page(ZFailedEvent)) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listFailedEvents(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{failedEventId}/replay`,
      tags: ["events"],
      summary: "Re-validate a kept event and store it; 422 with the reason when it still fails",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: FailedEventParams },
      responses: {
        200: { description: "Stored; the row is marked replayed", ...json(ZFailedEvent) },
        ...conflictResponse,
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await replayFailedEvent(
          ctx(c),
          c.get("stores"),
          c.get("config").ingest,
          c.req.valid("param").failedEventId,
        ),
        200,
      ),
  );

  return app;
}

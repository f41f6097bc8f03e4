import { createRoute, z } from "@hono/zod-openapi";
import { recordAudit } from "../../core/audit/record-audit.js";
import { listParked } from "../../core/outbox/list-parked.js";
import { retryParked } from "../../core/outbox/retry-parked.js";
import { ZPageQuery } from "../../core/pagination.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, router, security } from "../openapi.js";
import { page, WorkspaceParams } from "./shared.js";

const ZOutboxMessage = z
  .object({
    id: z.string(),
    topic: z.string(),
    status: z.enum(["pending", "processing", "done", "parked"]),
    attempts: z.number().int(),
    payload: z.unknown(),
    lastError: z.string().nullable(),
    availableAt: z.string(),
    createdAt: z.string(),
  })
  .openapi("OutboxMessage");
const MessageParams = WorkspaceParams.extend({
  messageId: z.string().openapi({ param: { name: "messageId", in: "path" } }),
});

/** Admin view of asynchronous work that failed for good: see why, fix the cause, retry. */
export function outboxRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/workspaces/{workspaceId}/outbox/parked",
      tags: ["operations"],
      summary: "Parked (poison) outbox messages with the error that parked them",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: WorkspaceParams, query: ZPageQuery },
      responses: {
        200: { description: "Page of parked messages", ...json(page(ZOutboxMessage)) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await listParked(c.get("stores").sor.db, c.get("access").workspaceId, c.req.valid("query")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/workspaces/{workspaceId}/outbox/{messageId}/retry",
      tags: ["operations"],
      summary: "Queue a parked message again, with its attempts reset",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: MessageParams },
      responses: {
        200: { description: "Queued again", ...json(ZOutboxMessage) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { db } = c.get("stores").sor;
      const access = c.get("access");
      const message = await retryParked(db, access.workspaceId, c.req.valid("param").messageId);
      await recordAudit(db, {
        workspaceId: access.workspaceId,
        actor: access.actor,
        action: "outbox.retry",
        targetType: "outbox_message",
        targetId: message.id,
        outcome: "success",
        details: { topic: message.topic },
        requestId: c.get("requestId"),
      });
      return c.json(message, 200);
    },
  );

  return app;
}

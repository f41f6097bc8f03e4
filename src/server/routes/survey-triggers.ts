import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { ZPageQuery } from "../../core/pagination.js";
import { createTrigger } from "../../core/surveys/create-trigger.js";
import { deleteTrigger } from "../../core/surveys/delete-trigger.js";
import { evaluateTriggers } from "../../core/surveys/evaluate-triggers.js";
import { listInvitations } from "../../core/surveys/list-invitations.js";
import { listTriggers } from "../../core/surveys/list-triggers.js";
import {
  ZCreateTrigger,
  ZFiredInvitation,
  ZFireEvents,
  ZInvitation,
  ZInvitationListQuery,
  ZTrigger,
  ZUpdateTrigger,
} from "../../core/surveys/triggers.schema.js";
import { updateTrigger } from "../../core/surveys/update-trigger.js";
import type { AppEnv } from "../env.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";
import { SurveyParams, surveysBase, TriggerParams, triggersBase } from "./survey-params.js";

const ZTriggerSchema = named(ZTrigger, "SurveyTrigger");

/** Invitation triggers: events that invite a customer to a survey, and the invitations they made. */
export function surveyTriggerRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get",
      path: `${surveysBase}/{surveyId}/triggers`,
      tags: ["surveys"],
      summary: "The survey's invitation triggers (secrets masked)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: SurveyParams, query: ZPageQuery },
      responses: {
        200: { description: "Page of triggers", ...json(page(ZTriggerSchema)) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listTriggers(ctx(c), c.req.valid("param").surveyId, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${surveysBase}/{surveyId}/triggers`,
      tags: ["surveys"],
      summary: "Create a trigger; the response holds its whsec_ signing secret, shown only here",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: SurveyParams,
        ...jsonBody(ZCreateTrigger, {
          name: "Nach Zustellung",
          matcher: { event: "Order Delivered", where: 'properties.country = "DE"' },
          delaySeconds: 3600,
          channel: "webhook",
          target: { url: "https://crm.example.com/hooks/journeylens" },
          sampleRate: 0.5,
          enabled: true,
        }),
      },
      responses: { 201: { description: "Created", ...json(ZTriggerSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await createTrigger(ctx(c), c.req.valid("param").surveyId, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${triggersBase}/fire`,
      tags: ["surveys"],
      summary: "Evaluate the enabled triggers of active surveys against events (replays add nothing)",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZFireEvents, {
          events: [
            {
              messageId: "evt-2025-000123",
              event: "Order Delivered",
              userId: "kunde-4711",
              properties: { orderId: "A-100234", country: "DE", email: "kunde@example.com" },
              timestamp: "2025-03-01T10:00:00Z",
            },
          ],
        }),
      },
      responses: {
        200: {
          description: "One entry per matching trigger and event",
          ...json(z.object({ invitations: z.array(ZFiredInvitation) })),
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { db, access } = ctx(c);
      const invitations = await evaluateTriggers(db, access.workspaceId, c.req.valid("json").events);
      return c.json({ invitations }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${triggersBase}/{triggerId}`,
      tags: ["surveys"],
      summary: "Change a trigger (the signing secret stays)",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: TriggerParams, ...jsonBody(ZUpdateTrigger, { enabled: false }) },
      responses: { 200: { description: "Updated", ...json(ZTriggerSchema) }, ...errorResponses },
    }),
    async (c) =>
      c.json(await updateTrigger(ctx(c), c.req.valid("param").triggerId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${triggersBase}/{triggerId}`,
      tags: ["surveys"],
      summary: "Delete a trigger; its invitations stay listed",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: TriggerParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deleteTrigger(ctx(c), c.req.valid("param").triggerId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${surveysBase}/{surveyId}/invitations`,
      tags: ["surveys"],
      summary: "The survey's invitations, newest first, with their delivery status",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: SurveyParams, query: ZInvitationListQuery },
      responses: {
        200: { description: "Page of invitations", ...json(page(named(ZInvitation, "SurveyInvitation"))) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await listInvitations(ctx(c), c.req.valid("param").surveyId, c.req.valid("query")), 200),
  );
}

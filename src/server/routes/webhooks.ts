import { createRoute, z } from "@hono/zod-openapi";
import { createWebhookEndpoint } from "../../core/webhooks/create-endpoint.js";
import { getWebhookDelivery, listWebhookDeliveries } from "../../core/webhooks/list-deliveries.js";
import { getWebhookEndpoint, listWebhookEndpoints } from "../../core/webhooks/list-endpoints.js";
import { replayWebhookDelivery } from "../../core/webhooks/replay-delivery.js";
import { rotateWebhookSecret } from "../../core/webhooks/rotate-secret.js";
import { testWebhookEndpoint } from "../../core/webhooks/test-endpoint.js";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "../../core/webhooks/update-endpoint.js";
import { getWebhookSettings, updateWebhookSettings } from "../../core/webhooks/webhook-settings.js";
import {
  ZCreateWebhookEndpoint,
  ZUpdateWebhookEndpoint,
  ZWebhookDelivery,
  ZWebhookDeliveryQuery,
  ZWebhookEndpoint,
  ZWebhookEndpointWithSecret,
  ZWebhookSettings,
  ZWebhookTest,
} from "../../core/webhooks/webhooks.schema.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/webhooks";
const tags = ["webhooks"];
// Endpoints send workspace data out of the system: every route needs the admin scope.
const admin = [requireWorkspace("admin")];
const ZEndpointSchema = named(ZWebhookEndpoint, "WebhookEndpoint");
const ZEndpointWithSecretSchema = named(ZWebhookEndpointWithSecret, "WebhookEndpointWithSecret");
const ZDeliverySchema = named(ZWebhookDelivery, "WebhookDelivery");
const ZSettingsSchema = named(ZWebhookSettings, "WebhookSettings");
const EndpointParams = WorkspaceParams.extend({
  endpointId: z.string().openapi({ param: { name: "endpointId", in: "path" } }),
});
const DeliveryParams = EndpointParams.extend({
  deliveryId: z.string().openapi({ param: { name: "deliveryId", in: "path" } }),
});

const example: z.input<typeof ZCreateWebhookEndpoint> = {
  url: "https://hooks.example.com/journeylens",
  description: "Ticketsystem",
  eventTypes: ["case.created", "case.resolved", "response.finished"],
};

/** Outbound webhooks (docs/api/webhooks.md): endpoints, secrets, delivery log, replay, test sends. */
export function webhookRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary: "Webhook endpoints of the workspace (secrets masked)",
      security,
      middleware: admin,
      request: { params: WorkspaceParams },
      responses: {
        200: { description: "The endpoints", ...json(z.object({ items: z.array(ZEndpointSchema) })) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listWebhookEndpoints(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      summary: "Create an endpoint; the answer shows its whsec_ secret once",
      security,
      middleware: admin,
      request: { params: WorkspaceParams, ...jsonBody(ZCreateWebhookEndpoint, example) },
      responses: { 201: { description: "Created", ...json(ZEndpointWithSecretSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await createWebhookEndpoint(ctx(c), c.req.valid("json")), 201),
  );

  // Static paths before `{endpointId}`, which would otherwise match them.
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/settings`,
      tags,
      summary: "Webhook settings of the workspace (whether private targets are allowed)",
      security,
      middleware: admin,
      request: { params: WorkspaceParams },
      responses: { 200: { description: "The settings", ...json(ZSettingsSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getWebhookSettings(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: `${base}/settings`,
      tags,
      summary: "Allow or refuse private and loopback targets (workspace owner or operator only)",
      security,
      middleware: admin,
      request: { params: WorkspaceParams, ...jsonBody(ZWebhookSettings, { allowPrivateTargets: false }) },
      responses: { 200: { description: "The settings", ...json(ZSettingsSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await updateWebhookSettings(ctx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{endpointId}`,
      tags,
      summary: "One endpoint",
      security,
      middleware: admin,
      request: { params: EndpointParams },
      responses: { 200: { description: "The endpoint", ...json(ZEndpointSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getWebhookEndpoint(ctx(c), c.req.valid("param").endpointId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{endpointId}`,
      tags,
      summary: "Change an endpoint; enabling it again clears the disabled reason",
      security,
      middleware: admin,
      request: { params: EndpointParams, ...jsonBody(ZUpdateWebhookEndpoint, { enabled: true }) },
      responses: { 200: { description: "Updated", ...json(ZEndpointSchema) }, ...errorResponses },
    }),
    async (c) =>
      c.json(await updateWebhookEndpoint(ctx(c), c.req.valid("param").endpointId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{endpointId}`,
      tags,
      summary: "Delete an endpoint with its delivery log",
      security,
      middleware: admin,
      request: { params: EndpointParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deleteWebhookEndpoint(ctx(c), c.req.valid("param").endpointId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{endpointId}/rotate-secret`,
      tags,
      summary: "New secret (shown once); the previous one keeps signing alongside it for 24 h",
      security,
      middleware: admin,
      request: { params: EndpointParams },
      responses: { 200: { description: "Rotated", ...json(ZEndpointWithSecretSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await rotateWebhookSecret(ctx(c), c.req.valid("param").endpointId), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{endpointId}/test`,
      tags,
      summary: "Send an example event now (not retried); answers the delivery with its attempt",
      security,
      middleware: admin,
      request: { params: EndpointParams, ...jsonBody(ZWebhookTest, { eventType: "case.created" }) },
      responses: {
        200: { description: "The test delivery", ...json(ZDeliverySchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await testWebhookEndpoint(
          ctx(c),
          c.get("config").webhooks,
          c.req.valid("param").endpointId,
          c.req.valid("json"),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{endpointId}/deliveries`,
      tags,
      summary: "Delivery log of an endpoint, newest first (cursor pages), with each attempt",
      security,
      middleware: admin,
      request: { params: EndpointParams, query: ZWebhookDeliveryQuery },
      responses: {
        200: { description: "Page of deliveries", ...json(page(ZDeliverySchema)) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await listWebhookDeliveries(ctx(c), c.req.valid("param").endpointId, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{endpointId}/deliveries/{deliveryId}`,
      tags,
      summary: "One delivery with its attempts",
      security,
      middleware: admin,
      request: { params: DeliveryParams },
      responses: { 200: { description: "The delivery", ...json(ZDeliverySchema) }, ...errorResponses },
    }),
    async (c) => {
      const { endpointId, deliveryId } = c.req.valid("param");
      const { db, access } = ctx(c);
      return c.json(await getWebhookDelivery(db, access.workspaceId, endpointId, deliveryId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{endpointId}/deliveries/{deliveryId}/replay`,
      tags,
      summary: "Queue one more attempt of a finished delivery (same webhook-id and body)",
      security,
      middleware: admin,
      request: { params: DeliveryParams },
      responses: {
        202: { description: "Queued", ...json(ZDeliverySchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { endpointId, deliveryId } = c.req.valid("param");
      return c.json(await replayWebhookDelivery(ctx(c), endpointId, deliveryId), 202);
    },
  );

  return app;
}

import { createRoute, z } from "@hono/zod-openapi";
import { ZApiKey, ZCreateApiKey } from "../../core/auth/api-keys.schema.js";
import { createApiKey } from "../../core/auth/create-api-key.js";
import { listApiKeys } from "../../core/auth/list-api-keys.js";
import { revokeApiKey } from "../../core/auth/revoke-api-key.js";
import { ZPageQuery } from "../../core/pagination.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const ZApiKeySchema = named(ZApiKey, "ApiKey");
const KeyParams = WorkspaceParams.extend({
  keyId: z.string().openapi({ param: { name: "keyId", in: "path" } }),
});

export function apiKeyRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/workspaces/{workspaceId}/api-keys",
      tags: ["api-keys"],
      summary: "API keys of the workspace (never their secrets)",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: WorkspaceParams, query: ZPageQuery },
      responses: { 200: { description: "Page of keys", ...json(page(ZApiKeySchema)) }, ...errorResponses },
    }),
    async (c) => c.json(await listApiKeys(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/workspaces/{workspaceId}/api-keys",
      tags: ["api-keys"],
      summary: "Create an API key; the secret is in this response only",
      security,
      middleware: [requireWorkspace("admin")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZCreateApiKey, { name: "Web shop events", scopes: ["ingest"] }),
      },
      responses: {
        201: { description: "Created", ...json(z.object({ apiKey: ZApiKeySchema, secret: z.string() })) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await createApiKey(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/workspaces/{workspaceId}/api-keys/{keyId}",
      tags: ["api-keys"],
      summary: "Revoke an API key, effective immediately",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: KeyParams },
      responses: { 200: { description: "Revoked", ...json(ZApiKeySchema) }, ...errorResponses },
    }),
    async (c) => c.json(await revokeApiKey(ctx(c), c.req.valid("param").keyId), 200),
  );

  return app;
}

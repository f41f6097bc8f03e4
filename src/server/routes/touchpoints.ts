import { createRoute, z } from "@hono/zod-openapi";
import { bulkEditTouchpoints } from "../../core/touchpoints/bulk-edit-touchpoints.js";
import { createTouchpoint } from "../../core/touchpoints/create-touchpoint.js";
import { deleteTouchpoint } from "../../core/touchpoints/delete-touchpoint.js";
import { getTouchpoint } from "../../core/touchpoints/get-touchpoint.js";
import { listTouchpoints } from "../../core/touchpoints/list-touchpoints.js";
import {
  ZBulkEditTouchpoints,
  ZCreateTouchpoint,
  ZTouchpoint,
  ZTouchpointListQuery,
  ZUpdateTouchpoint,
} from "../../core/touchpoints/touchpoints.schema.js";
import { updateTouchpoint } from "../../core/touchpoints/update-touchpoint.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";
import { touchpointFileRoutes } from "./touchpoint-files.js";

const ZTouchpointSchema = named(ZTouchpoint, "Touchpoint");
const TouchpointParams = WorkspaceParams.extend({
  touchpointId: z.string().openapi({ param: { name: "touchpointId", in: "path" } }),
});
const base = "/api/v1/workspaces/{workspaceId}/touchpoints";

const example: z.input<typeof ZCreateTouchpoint> = {
  name: "Techniker-Termin",
  description: "Der Techniker kommt zum vereinbarten Termin und schließt den Anschluss an.",
  channel: "field_service",
  kind: "direct",
  department: "Service",
  owner: { type: "team", name: "Außendienst Süd" },
  tags: ["Installation", "Vor Ort"],
  signature: true,
  internalRating: 4.5,
  eventMatchers: [{ event: "Appointment Completed", where: 'properties.type = "installation"' }],
};

export function touchpointRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: ["touchpoints"],
      summary: "Touchpoints of the workspace, filtered and sorted (cursor pages)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZTouchpointListQuery },
      responses: {
        200: { description: "Page of touchpoints", ...json(page(ZTouchpointSchema)) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listTouchpoints(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags: ["touchpoints"],
      summary: "Create a touchpoint (the key is derived from the name when omitted)",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams, ...jsonBody(ZCreateTouchpoint, example) },
      responses: {
        201: { description: "Created", ...json(ZTouchpointSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await createTouchpoint(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/bulk`,
      tags: ["touchpoints"],
      summary: "Apply one change to many touchpoints, all or nothing (any unknown id: 404)",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZBulkEditTouchpoints, {
          ids: ["0193a1c2-7d4e-7f00-8a00-00000000a001", "0193a1c2-7d4e-7f00-8a00-00000000a002"],
          set: { department: "Kundenservice", addTags: ["Wartezeit"], removeTags: ["alt"] },
        }),
      },
      responses: {
        200: { description: "Updated", ...json(z.object({ updated: z.number().int() })) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await bulkEditTouchpoints(ctx(c), c.req.valid("json")), 200),
  );

  // Static paths (import, export) before `{touchpointId}`, which would otherwise match them.
  touchpointFileRoutes(app, base);

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{touchpointId}`,
      tags: ["touchpoints"],
      summary: "One touchpoint",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: TouchpointParams },
      responses: { 200: { description: "The touchpoint", ...json(ZTouchpointSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getTouchpoint(ctx(c), c.req.valid("param").touchpointId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{touchpointId}`,
      tags: ["touchpoints"],
      summary: "Change some fields; setting internalRating records who assessed it and when",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: TouchpointParams,
        ...jsonBody(ZUpdateTouchpoint, { internalRating: 3.5, tags: ["Installation"] }),
      },
      responses: {
        200: { description: "Updated", ...json(ZTouchpointSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(await updateTouchpoint(ctx(c), c.req.valid("param").touchpointId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{touchpointId}`,
      tags: ["touchpoints"],
      summary: "Delete a touchpoint; 409 naming the journeys that use it, unless detach=true",
      description:
        "With `detach=true` the steps that reference it become free moments, each journey getting a new version.",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: TouchpointParams,
        query: z.object({ detach: z.enum(["true", "false"]).default("false") }),
      },
      responses: { 204: { description: "Deleted" }, ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      await deleteTouchpoint(ctx(c), c.req.valid("param").touchpointId, {
        detach: c.req.valid("query").detach === "true",
      });
      return c.body(null, 204);
    },
  );

  return app;
}

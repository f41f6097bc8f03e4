import { createRoute, z } from "@hono/zod-openapi";
import { createPersona } from "../../core/personas/create-persona.js";
import { deletePersona } from "../../core/personas/delete-persona.js";
import { exportPersonas } from "../../core/personas/export-personas.js";
import { getPersona } from "../../core/personas/get-persona.js";
import { importPersonas } from "../../core/personas/import-personas.js";
import { listPersonas } from "../../core/personas/list-personas.js";
import {
  ZCreatePersona,
  ZPersona,
  ZPersonaImport,
  ZPersonaImportQuery,
  ZPersonaListQuery,
  ZUpdatePersona,
} from "../../core/personas/personas.schema.js";
import { updatePersona } from "../../core/personas/update-persona.js";
import { ZImportResult } from "../../core/touchpoints/touchpoints.schema.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const ZPersonaSchema = named(ZPersona, "Persona");
const PersonaParams = WorkspaceParams.extend({
  personaId: z.string().openapi({ param: { name: "personaId", in: "path" } }),
});
const base = "/api/v1/workspaces/{workspaceId}/personas";

const example: z.input<typeof ZCreatePersona> = {
  name: "Sparfuchs Sabine",
  quote: "Ich will nicht mehr zahlen als nötig – und keine Überraschungen auf der Rechnung.",
  description: "Vergleicht Tarife online, entscheidet nach Preis und Transparenz.",
  avatarColor: "#0f766e",
  goals: ["Günstigen Tarif finden"],
  needs: ["Klare Preise", "Schneller Wechsel"],
  frustrations: ["Warten auf Rückruf", "Versteckte Kosten"],
  channels: ["web", "app"],
  segmentRule: 'plan = "basic" and tenure_months >= 24',
};

export function personaRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: ["personas"],
      summary: "Personas of the workspace by name, optionally searched with q",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZPersonaListQuery },
      responses: {
        200: { description: "Page of personas", ...json(page(ZPersonaSchema)) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listPersonas(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags: ["personas"],
      summary: "Create a persona (segmentRule is a validated expression over customer traits)",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams, ...jsonBody(ZCreatePersona, example) },
      responses: {
        201: { description: "Created", ...json(ZPersonaSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await createPersona(ctx(c), c.req.valid("json")), 201),
  );

  // Static paths before `{personaId}`, which would otherwise match them.
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/export`,
      tags: ["personas"],
      summary: "All personas as JSON, re-importable",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: {
        200: { description: "The personas", ...json(z.array(ZPersonaSchema)) },
        ...errorResponses,
      },
    }),
    async (c) => {
      c.header("Content-Disposition", 'attachment; filename="personas.json"');
      return c.json(await exportPersonas(ctx(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/import`,
      tags: ["personas"],
      summary: "Import personas from JSON (upsert by key, all or nothing)",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        query: ZPersonaImportQuery,
        ...jsonBody(ZPersonaImport, [{ key: "sparfuchs-sabine", ...example }]),
      },
      responses: { 200: { description: "Imported", ...json(ZImportResult) }, ...errorResponses },
    }),
    async (c) =>
      c.json(
        await importPersonas(ctx(c), c.req.valid("json"), { dryRun: c.req.valid("query").dryRun === "true" }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{personaId}`,
      tags: ["personas"],
      summary: "One persona",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: PersonaParams },
      responses: { 200: { description: "The persona", ...json(ZPersonaSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getPersona(ctx(c), c.req.valid("param").personaId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{personaId}`,
      tags: ["personas"],
      summary: "Change some fields of a persona",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: PersonaParams,
        ...jsonBody(ZUpdatePersona, { frustrations: ["Warten auf Rückruf"], segmentRule: null }),
      },
      responses: {
        200: { description: "Updated", ...json(ZPersonaSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(await updatePersona(ctx(c), c.req.valid("param").personaId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{personaId}`,
      tags: ["personas"],
      summary: "Delete a persona; journeys that reference it keep working without one",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: PersonaParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deletePersona(ctx(c), c.req.valid("param").personaId);
      return c.body(null, 204);
    },
  );

  return app;
}

import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { insertJourney } from "./create-journey.js";
import { parseJourneyDocument, toStoredDocument } from "./document.js";
import { journeyDocuments } from "./document-migrations.js";
import type { TJourney } from "./journeys.schema.js";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Creates a journey from an export (`{ id, version, document, … }`) or a bare document. The journey
 * gets a new id and starts at version 1; stage and step ids are kept, so exports stay comparable.
 * Older schema versions are migrated first; references must resolve in this workspace.
 */
export async function importJourney(ctx: WorkspaceContext, raw: unknown): Promise<TJourney> {
  if (!isObject(raw))
    throw new AppError(
      "validation_failed",
      "Send an exported journey or a journey document (a JSON object)",
      {
        errors: [{ pointer: "/body", code: "invalid_type", message: "expected an object" }],
      },
    );
  const exported = isObject(raw.document);
  const base = exported ? "/body/document" : "/body";
  const doc = exported ? raw.document : raw;
  const current =
    isObject(doc) && doc.schemaVersion !== undefined ? journeyDocuments.upgrade(doc, base) : doc;
  const document = toStoredDocument(parseJourneyDocument(current, base));
  return insertJourney(ctx, document, {
    action: "journey.import",
    details: exported && typeof raw.id === "string" ? { sourceId: raw.id } : {},
    pointer: base,
  });
}

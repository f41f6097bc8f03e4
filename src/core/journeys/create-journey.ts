import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { uuidv7 } from "../ids.js";
import { checkDocument } from "./check-document.js";
import { diffDocuments, EMPTY_DOCUMENT, summarizeDiff } from "./diff.js";
import { toStoredDocument } from "./document.js";
import type { TJourneyDocument, TJourneyDocumentInput } from "./document.schema.js";
import type { TJourney } from "./journeys.schema.js";
import { authorOf, loadJourney } from "./load-journey.js";
import { mirrorColumns } from "./write-version.js";

/** Stores a checked document as version 1 of a new journey, with its first revision and an audit entry. */
export async function insertJourney(
  ctx: WorkspaceContext,
  document: TJourneyDocument,
  audit: { action: string; details: Record<string, unknown>; pointer: string },
): Promise<TJourney> {
  const { access } = ctx;
  const id = uuidv7();
  return ctx.db.transaction().execute(async (tx) => {
    await checkDocument(tx, access.workspaceId, document, audit.pointer);
    const json = JSON.stringify(document);
    await tx
      .insertInto("journeys")
      .values({
        id,
        workspace_id: access.workspaceId,
        ...mirrorColumns(document),
        version: 1,
        document: json,
        updated_by: access.actor.kind === "user" ? access.actor.userId : null,
      })
      .execute();
    await tx
      .insertInto("journey_revisions")
      .values({
        journey_id: id,
        workspace_id: access.workspaceId,
        version: 1,
        document: json,
        ...authorOf(access.actor),
        summary: JSON.stringify(summarizeDiff(diffDocuments(EMPTY_DOCUMENT, document))),
      })
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: audit.action,
      targetType: "journey",
      targetId: id,
      outcome: "success",
      details: { title: document.title, ...audit.details },
      requestId: ctx.requestId,
    });
    return loadJourney(tx, access.workspaceId, id);
  });
}

/**
 * Creates a journey at version 1. `document` is parsed input (the route's schema, or
 * `parseJourneyDocument` for callers outside HTTP such as the demo seed).
 */
export function createJourney(
  ctx: WorkspaceContext,
  input: { document: TJourneyDocumentInput },
): Promise<TJourney> {
  return insertJourney(ctx, toStoredDocument(input.document), {
    action: "journey.create",
    details: {},
    pointer: "/body/document",
  });
}

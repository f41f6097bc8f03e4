import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import { AppError, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { checkDocument } from "./check-document.js";
import { diffDocuments, summarizeDiff } from "./diff.js";
import type { TJourneyDocument } from "./document.schema.js";
import { readStoredDocument } from "./document-migrations.js";
import type { TJourney } from "./journeys.schema.js";
import { authorOf, loadJourney } from "./load-journey.js";

/** The columns that mirror the document for filtering. */
export const mirrorColumns = (doc: TJourneyDocument) => ({
  title: doc.title,
  scenario: doc.scenario,
  persona_id: doc.personaId,
  owner_user_id: doc.ownerId,
  status: doc.status,
});

async function conflict(db: Db, workspaceId: string, journeyId: string, baseVersion: number): Promise<never> {
  const journey = await loadJourney(db, workspaceId, journeyId);
  throw new AppError(
    "conflict",
    `The journey is at version ${journey.version}, not ${baseVersion}: reload it and apply your changes again`,
    {
      errors: [
        {
          pointer: "/body/baseVersion",
          code: "stale_version",
          message: `the current version is ${journey.version}`,
        },
      ],
      extra: { currentVersion: journey.version, journey },
    },
  );
}

/**
 * Writes `document` as version `baseVersion + 1`, with its revision, in one transaction. The
 * update matches on the base version, so of two saves from the same base exactly one wins and the
 * other gets 409 with the current journey, on a Postgres server as on PGlite.
 */
export async function writeVersion(
  ctx: WorkspaceContext,
  journeyId: string,
  baseVersion: number,
  document: TJourneyDocument,
  options: { audit?: { action: string; details: Record<string, unknown> }; pointer?: string } = {},
): Promise<TJourney> {
  if (!isUuid(journeyId)) throw notFound("Journey");
  const { access } = ctx;
  return ctx.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom("journeys")
      .select(["version", "document"])
      .where("id", "=", journeyId)
      .where("workspace_id", "=", access.workspaceId)
      .executeTakeFirst();
    if (!current) throw notFound("Journey");
    if (current.version !== baseVersion) await conflict(tx, access.workspaceId, journeyId, baseVersion);
    await checkDocument(tx, access.workspaceId, document, options.pointer);
    const version = baseVersion + 1;
    const updated = await tx
      .updateTable("journeys")
      .set({
        ...mirrorColumns(document),
        version,
        document: JSON.stringify(document),
        updated_at: sql<Date>`now()`,
        updated_by: access.actor.kind === "user" ? access.actor.userId : null,
      })
      .where("id", "=", journeyId)
      .where("workspace_id", "=", access.workspaceId)
      .where("version", "=", baseVersion)
      .returning("id")
      .executeTakeFirst();
    // A concurrent save committed between the read above and this update.
    if (!updated) await conflict(tx, access.workspaceId, journeyId, baseVersion);
    const previous = readStoredDocument(current.document, journeyId);
    await tx
      .insertInto("journey_revisions")
      .values({
        journey_id: journeyId,
        workspace_id: access.workspaceId,
        version,
        document: JSON.stringify(document),
        ...authorOf(access.actor),
        summary: JSON.stringify(summarizeDiff(diffDocuments(previous, document))),
      })
      .execute();
    if (options.audit)
      await recordAudit(tx, {
        workspaceId: access.workspaceId,
        actor: access.actor,
        action: options.audit.action,
        targetType: "journey",
        targetId: journeyId,
        outcome: "success",
        details: { ...options.audit.details, version },
        requestId: ctx.requestId,
      });
    return loadJourney(tx, access.workspaceId, journeyId);
  });
}

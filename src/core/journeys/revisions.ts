import type { Db } from "../db/connect.js";
import { invalid, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { readStoredDocument } from "./document-migrations.js";
import type { TRevision } from "./journeys.schema.js";
import { authorNames } from "./load-journey.js";

/** The journey's current version, or 404 when the workspace has no such journey. */
export async function currentVersion(db: Db, workspaceId: string, journeyId: string): Promise<number> {
  if (!isUuid(journeyId)) throw notFound("Journey");
  const row = await db
    .selectFrom("journeys")
    .select("version")
    .where("id", "=", journeyId)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound("Journey");
  return row.version;
}

/** One stored version of a journey of the workspace, its document migrated to the current schema. */
export async function loadRevision(
  db: Db,
  workspaceId: string,
  journeyId: string,
  version: number,
): Promise<TRevision> {
  await currentVersion(db, workspaceId, journeyId);
  const row = await db
    .selectFrom("journey_revisions")
    .select(["version", "document", "author_type", "author_id", "created_at"])
    .where("journey_id", "=", journeyId)
    .where("workspace_id", "=", workspaceId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) throw notFound(`Version ${version} of the journey`);
  const ref = { type: row.author_type, id: row.author_id };
  const name = await authorNames(db, workspaceId, [ref]);
  return {
    version: row.version,
    document: readStoredDocument(row.document, journeyId),
    author: name(ref),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Revision pages run newest first, so the cursor is the last version seen rather than an id. */
export const encodeVersionCursor = (version: number): string =>
  Buffer.from(`v${version}`).toString("base64url");

export function decodeVersionCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const match = /^v([1-9][0-9]{0,9})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) throw invalid("/query/cursor", "cursor is not a cursor returned by this API", "invalid_cursor");
  return Number(match[1]);
}

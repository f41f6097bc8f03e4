import type { Db } from "../db/connect.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { type Actor, actorId } from "../permissions/index.js";
import { readStoredDocument } from "./document-migrations.js";
import type { TAuthor, TJourney } from "./journeys.schema.js";

type AuthorType = TAuthor["type"];
interface AuthorRef {
  type: AuthorType;
  id: string | null;
}

export const authorOf = (actor: Actor): { author_type: AuthorType; author_id: string | null } => ({
  author_type: actor.kind,
  author_id: actorId(actor),
});

/** Display names for revision authors, looked up in one query per kind. */
export async function authorNames(
  db: Db,
  workspaceId: string,
  refs: AuthorRef[],
): Promise<(ref: AuthorRef) => TAuthor> {
  const ids = (type: AuthorType) => [
    ...new Set(refs.filter((r) => r.type === type && r.id && isUuid(r.id)).map((r) => r.id as string)),
  ];
  const userIds = ids("user");
  const keyIds = ids("api_key");
  const names = new Map<string, string>();
  if (userIds.length > 0)
    for (const u of await db.selectFrom("users").select(["id", "name"]).where("id", "in", userIds).execute())
      names.set(`user:${u.id}`, u.name);
  if (keyIds.length > 0)
    for (const k of await db
      .selectFrom("api_keys")
      .select(["id", "name"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", keyIds)
      .execute())
      names.set(`api_key:${k.id}`, k.name);
  return (ref) => ({
    type: ref.type,
    id: ref.id,
    name: ref.type === "system" ? "System" : (names.get(`${ref.type}:${ref.id}`) ?? "unknown"),
  });
}

/** A journey of the workspace with its current document (migrated) and the author of that version. */
export async function loadJourney(db: Db, workspaceId: string, journeyId: string): Promise<TJourney> {
  if (!isUuid(journeyId)) throw notFound("Journey");
  const row = await db
    .selectFrom("journeys")
    .leftJoin("journey_revisions", (j) =>
      j
        .onRef("journey_revisions.journey_id", "=", "journeys.id")
        .onRef("journey_revisions.version", "=", "journeys.version"),
    )
    .select([
      "journeys.id",
      "journeys.version",
      "journeys.document",
      "journeys.persona_id",
      "journeys.owner_user_id",
      "journeys.created_at",
      "journeys.updated_at",
      "journey_revisions.author_type",
      "journey_revisions.author_id",
    ])
    .where("journeys.id", "=", journeyId)
    .where("journeys.workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound("Journey");
  const ref = { type: row.author_type ?? "system", id: row.author_id ?? null };
  const name = await authorNames(db, workspaceId, [ref]);
  const document = readStoredDocument(row.document, row.id);
  return {
    id: row.id,
    version: row.version,
    // The columns follow deletions (on delete set null): a deleted persona or account reads as none.
    document: { ...document, personaId: row.persona_id, ownerId: row.owner_user_id },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: name(ref),
  };
}

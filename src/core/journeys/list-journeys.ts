import type { WorkspaceContext } from "../context.js";
import { decodeCursor, type Page, toPage } from "../pagination.js";
import { signatureCount, stepCount } from "./document.js";
import { readStoredDocument } from "./document-migrations.js";
import type { TJourneySummary, TListJourneysQuery } from "./journeys.schema.js";

/** `%` and `_` in a search term match themselves, not any text. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listJourneys(
  ctx: WorkspaceContext,
  query: TListJourneysQuery,
): Promise<Page<TJourneySummary>> {
  const after = decodeCursor(query.cursor);
  let q = ctx.db
    .selectFrom("journeys")
    .select([
      "id",
      "title",
      "scenario",
      "status",
      "persona_id",
      "owner_user_id",
      "version",
      "document",
      "updated_at",
    ])
    .where("workspace_id", "=", ctx.access.workspaceId);
  if (query.status) q = q.where("status", "=", query.status);
  if (query.personaId) q = q.where("persona_id", "=", query.personaId);
  if (query.ownerId) q = q.where("owner_user_id", "=", query.ownerId);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) => eb.or([eb("title", "ilike", pattern), eb("scenario", "ilike", pattern)]));
  }
  if (after) q = q.where("id", ">", after);
  const rows = await q
    .orderBy("id")
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => {
      // Counts come from the migrated document, so they hold for every stored schemaVersion.
      const doc = readStoredDocument(r.document, r.id);
      return {
        id: r.id,
        title: r.title,
        scenario: r.scenario,
        status: r.status,
        personaId: r.persona_id,
        ownerId: r.owner_user_id,
        version: r.version,
        stageCount: doc.stages.length,
        stepCount: stepCount(doc),
        signatureCount: signatureCount(doc),
        updatedAt: new Date(r.updated_at).toISOString(),
      };
    },
  );
}

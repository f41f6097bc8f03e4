import { sql } from "kysely";
import { recordAudit } from "../../audit/record-audit.js";
import type { WorkspaceContext } from "../../context.js";
import type { Db } from "../../db/connect.js";
import { AppError } from "../../errors.js";
import { loadTaxonomy } from "./get-taxonomy.js";
import type { TPutTaxonomy, TTaxonomyState } from "./taxonomy.schema.js";

const stale = (current: number) =>
  new AppError("conflict", `The taxonomy changed meanwhile; it is at version ${current}`, {
    errors: [{ pointer: "/body/version", code: "stale", message: `the current version is ${current}` }],
    extra: { currentVersion: current },
  });

/**
 * PUT /text/taxonomy: saves the workspace's own taxonomy when `version` is the current one, and
 * bumps the version (part of every enrichment's input hash, so changed texts are re-analysed).
 * The guarded upsert makes two concurrent saves of the same version end in one save and one 409.
 */
export async function updateTaxonomy(ctx: WorkspaceContext, input: TPutTaxonomy): Promise<TTaxonomyState> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const taxonomy = { aspects: input.aspects };
  const version = await db.transaction().execute(async (tx) => {
    const next = await saveGuarded(tx, workspaceId, input.version, JSON.stringify(taxonomy));
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "text.taxonomy.update",
      targetType: "text_settings",
      targetId: workspaceId,
      outcome: "success",
      details: { version: next, aspects: input.aspects.map((a) => a.key) },
      requestId: ctx.requestId,
    });
    return next;
  });
  return { version, custom: true, aspects: input.aspects };
}

/** Writes `taxonomy` (JSON, or null for the default) when the stored version is `expected`; returns the new version. */
export async function saveGuarded(
  db: Db,
  workspaceId: string,
  expected: number,
  taxonomy: string | null,
): Promise<number> {
  const current = (await loadTaxonomy(db, workspaceId)).version;
  if (current !== expected) throw stale(current);
  const row = await db
    .insertInto("text_settings")
    .values({ workspace_id: workspaceId, taxonomy, version: expected + 1, updated_at: new Date() })
    .onConflict((oc) =>
      oc
        .column("workspace_id")
        .doUpdateSet({ taxonomy, version: sql`text_settings.version + 1`, updated_at: new Date() })
        .where("text_settings.version", "=", expected),
    )
    .returning("version")
    .executeTakeFirst();
  if (!row) throw stale((await loadTaxonomy(db, workspaceId)).version);
  return row.version;
}

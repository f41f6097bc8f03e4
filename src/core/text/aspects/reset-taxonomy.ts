import { recordAudit } from "../../audit/record-audit.js";
import type { WorkspaceContext } from "../../context.js";
import { DEFAULT_TAXONOMY } from "./default-taxonomy.js";
import { loadTaxonomy } from "./get-taxonomy.js";
import type { TTaxonomyState } from "./taxonomy.schema.js";
import { saveGuarded } from "./update-taxonomy.js";

/** DELETE /text/taxonomy: back to the built-in default. A workspace already on it stays unchanged (no new version). */
export async function resetTaxonomy(ctx: WorkspaceContext): Promise<TTaxonomyState> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  return db.transaction().execute(async (tx) => {
    const current = await loadTaxonomy(tx, workspaceId);
    if (!current.custom)
      return { version: current.version, custom: false, aspects: DEFAULT_TAXONOMY.aspects };
    const version = await saveGuarded(tx, workspaceId, current.version, null);
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "text.taxonomy.reset",
      targetType: "text_settings",
      targetId: workspaceId,
      outcome: "success",
      details: { version },
      requestId: ctx.requestId,
    });
    return { version, custom: false, aspects: DEFAULT_TAXONOMY.aspects };
  });
}

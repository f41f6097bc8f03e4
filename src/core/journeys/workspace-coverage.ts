import type { WorkspaceContext } from "../context.js";
import { coverageTouchpoints, journeyFindings, referencedTouchpoints, registerFindings } from "./coverage.js";
import { readStoredDocument } from "./document-migrations.js";
import type { TCoverage, TFinding } from "./journeys.schema.js";

/**
 * Coverage of the whole workspace: the register's findings, then each journey's. A hidden
 * touchpoint without a matcher is reported once for the register, not again per journey step.
 * Archived journeys count as users of touchpoints but report no findings of their own.
 */
export async function workspaceCoverage(ctx: WorkspaceContext): Promise<TCoverage> {
  const { workspaceId } = ctx.access;
  const touchpoints = await coverageTouchpoints(ctx.db, workspaceId);
  const journeys = await ctx.db
    .selectFrom("journeys")
    .select(["id", "status", "document", "persona_id", "owner_user_id"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("id")
    .execute();
  const used = new Set<string>();
  const perJourney: TFinding[] = [];
  for (const j of journeys) {
    const stored = readStoredDocument(j.document, j.id);
    const doc = { ...stored, personaId: j.persona_id, ownerId: j.owner_user_id };
    for (const id of referencedTouchpoints(doc)) used.add(id);
    if (j.status === "archived") continue;
    perJourney.push(
      ...journeyFindings(j.id, doc, touchpoints).filter((f) => f.code !== "hidden_without_matcher"),
    );
  }
  return { findings: [...registerFindings(touchpoints, used), ...perJourney] };
}

import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { type Actor, actorId } from "../permissions/index.js";

/** The journeys of a workspace whose steps reference a touchpoint, by containment (see usedBySql). */
export const journeysUsing = (db: Db, workspaceId: string, touchpointId: string) =>
  db
    .selectFrom("journeys")
    .select(["id", "title", "version", "document"])
    .where("workspace_id", "=", workspaceId)
    .where(sql<boolean>`document @> ${JSON.stringify({ stages: [{ steps: [{ touchpointId }] }] })}::jsonb`)
    .orderBy("title")
    .orderBy("id");

interface StepLike {
  touchpointId?: unknown;
}
interface DocumentLike {
  stages?: { steps?: StepLike[] }[];
}

/**
 * Turns every step that references `touchpointId` into a free moment (`touchpointId: null`), in
 * each journey of the workspace, as a new journey version with a revision row, so the journey's
 * history stays complete. Everything else in the document is left exactly as stored: this is the
 * only place outside src/core/journeys that writes journeys, and it must not know their schema
 * beyond stages[].steps[].touchpointId. Run it in the transaction that deletes the touchpoint;
 * rows are locked so a concurrent journey save sees the new version and answers 409.
 */
export async function detachTouchpoint(
  tx: Db,
  opts: { workspaceId: string; touchpointId: string; actor: Actor },
): Promise<{ id: string; title: string; version: number }[]> {
  const journeys = await journeysUsing(tx, opts.workspaceId, opts.touchpointId).forUpdate().execute();
  const now = new Date();
  const detached: { id: string; title: string; version: number }[] = [];
  for (const j of journeys) {
    const doc = j.document as DocumentLike;
    const document = {
      ...doc,
      stages: (doc.stages ?? []).map((stage) => ({
        ...stage,
        ...(Array.isArray(stage.steps) && {
          steps: stage.steps.map((step) =>
            step.touchpointId === opts.touchpointId ? { ...step, touchpointId: null } : step,
          ),
        }),
      })),
    };
    const version = j.version + 1;
    const json = JSON.stringify(document);
    await tx
      .updateTable("journeys")
      .set({
        document: json,
        version,
        updated_at: now,
        // updated_by references users: keys and the system actor leave it empty.
        updated_by: opts.actor.kind === "user" ? opts.actor.userId : null,
      })
      .where("workspace_id", "=", opts.workspaceId)
      .where("id", "=", j.id)
      .execute();
    await tx
      .insertInto("journey_revisions")
      .values({
        journey_id: j.id,
        workspace_id: opts.workspaceId,
        version,
        document: json,
        author_type: opts.actor.kind,
        author_id: actorId(opts.actor),
        summary: JSON.stringify({ detachedTouchpoint: opts.touchpointId }),
        created_at: now,
      })
      .execute();
    detached.push({ id: j.id, title: j.title, version });
  }
  return detached;
}

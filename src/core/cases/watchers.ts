import type { Db } from "../db/connect.js";

/** Adds a watcher once (a second add keeps the first reason). */
export async function addWatcher(
  db: Db,
  workspaceId: string,
  caseId: string,
  userId: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .insertInto("case_watchers")
    .values({ workspace_id: workspaceId, case_id: caseId, user_id: userId, reason, created_at: now })
    .onConflict((oc) => oc.columns(["case_id", "user_id"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function journeyOwner(db: Db, workspaceId: string, journeyId: string): Promise<string | null> {
  const j = await db
    .selectFrom("journeys")
    .select("owner_user_id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", journeyId)
    .executeTakeFirst();
  return j?.owner_user_id ?? null;
}

/** The journey owner watches every case of the journey. */
export async function watchJourneyOwner(
  db: Db,
  workspaceId: string,
  caseId: string,
  journeyId: string,
  now: Date,
): Promise<void> {
  const owner = await journeyOwner(db, workspaceId, journeyId);
  if (owner) await addWatcher(db, workspaceId, caseId, owner, "journey_owner", now);
}

interface StoredStage {
  steps?: { id?: string; touchpointId?: string | null }[];
}

/** The first step of the journey's map that references the touchpoint (for the pain-point roll-up). */
export async function stepOfTouchpoint(
  db: Db,
  workspaceId: string,
  journeyId: string,
  touchpointId: string,
): Promise<string | null> {
  const j = await db
    .selectFrom("journeys")
    .select("document")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", journeyId)
    .executeTakeFirst();
  const stages = ((j?.document as { stages?: StoredStage[] } | undefined)?.stages ?? []) as StoredStage[];
  for (const stage of stages)
    for (const step of stage.steps ?? []) if (step.touchpointId === touchpointId && step.id) return step.id;
  return null;
}

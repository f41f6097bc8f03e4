import type { Db } from "../db/connect.js";
import { uuidv7 } from "../ids.js";
import type { WorkspaceAccess } from "../permissions/index.js";
import { actorId } from "../permissions/index.js";
import type { TTimelineEntry } from "./cases.schema.js";

export interface TimelineInput {
  workspaceId: string;
  caseId: string;
  at: Date;
  actorType: "user" | "api_key" | "system";
  actorId: string | null;
  kind: string;
  data?: Record<string, unknown>;
}

/** Appends one entry to a case's timeline; every state change goes through here. */
export async function addTimeline(db: Db, e: TimelineInput): Promise<void> {
  await db
    .insertInto("case_timeline")
    .values({
      id: uuidv7(e.at.getTime()),
      workspace_id: e.workspaceId,
      case_id: e.caseId,
      at: e.at,
      actor_type: e.actorType,
      actor_id: e.actorId,
      kind: e.kind,
      data: JSON.stringify(e.data ?? {}),
    })
    .execute();
}

/** The timeline actor of a person or key acting through the API. */
export const timelineActor = (access: WorkspaceAccess) => ({
  actorType: access.actor.kind,
  actorId: actorId(access.actor),
});

export async function listTimeline(db: Db, workspaceId: string, caseId: string): Promise<TTimelineEntry[]> {
  const rows = await db
    .selectFrom("case_timeline")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("case_id", "=", caseId)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorType: r.actor_type,
    actorId: r.actor_id,
    kind: r.kind,
    data: r.data,
  }));
}

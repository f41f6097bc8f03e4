import type { Db } from "../db/connect.js";
import type { AuditOutcome } from "../db/schema.js";
import { uuidv7 } from "../ids.js";
import { type Actor, actorId } from "../permissions/index.js";

export interface AuditEntry {
  workspaceId: string | null;
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string | null;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
  requestId?: string | undefined;
}

/** Appends to the audit log (append-only: the table refuses updates and deletes). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: uuidv7(),
      workspace_id: entry.workspaceId,
      actor_type: entry.actor.kind,
      actor_id: actorId(entry.actor),
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      outcome: entry.outcome,
      details: JSON.stringify(entry.details ?? {}),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

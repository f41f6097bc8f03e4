import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { toAlert } from "./alert-row.js";
import type { TAlert } from "./alerts.schema.js";

/**
 * POST /alerts/{id}/acknowledge: marks the alert seen. Acknowledging again keeps the first time and
 * person (and writes no second audit entry); an id of another workspace is not found.
 */
export async function acknowledgeAlert(ctx: WorkspaceContext, id: string): Promise<TAlert> {
  const { db, access } = ctx;
  if (!isUuid(id)) throw notFound("Alert");
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable("alerts")
      // acknowledged_by names a person; an API key's acknowledgement is in the audit log.
      .set({
        acknowledged_at: new Date(),
        acknowledged_by: access.actor.kind === "user" ? access.actor.userId : null,
      })
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", id)
      .where("acknowledged_at", "is", null)
      .returningAll()
      .executeTakeFirst();
    if (updated) {
      await recordAudit(tx, {
        workspaceId: access.workspaceId,
        actor: access.actor,
        action: "alert.acknowledge",
        targetType: "alert",
        targetId: id,
        outcome: "success",
        details: { kind: updated.kind, dedupeKey: updated.dedupe_key },
        requestId: ctx.requestId,
      });
      return toAlert(updated);
    }
    const existing = await tx
      .selectFrom("alerts")
      .selectAll()
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!existing) throw notFound("Alert");
    return toAlert(existing);
  });
}

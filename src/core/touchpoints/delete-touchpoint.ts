import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { detachTouchpoint, journeysUsing } from "./detach-touchpoint.js";
import { findTouchpointRow } from "./touchpoint-row.js";

/**
 * Deletes a touchpoint. One used by journeys is a 409 naming them, unless `detach` is set: then
 * those steps become free moments (new journey versions) in the same transaction.
 */
export async function deleteTouchpoint(
  ctx: WorkspaceContext,
  id: string,
  options: { detach?: boolean } = {},
): Promise<void> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const row = await findTouchpointRow(db, workspaceId, id);
  await db.transaction().execute(async (tx) => {
    let detached: { id: string; title: string }[] = [];
    if (options.detach) {
      detached = await detachTouchpoint(tx, { workspaceId, touchpointId: id, actor: access.actor });
    } else {
      const using = await journeysUsing(tx, workspaceId, id).execute();
      if (using.length > 0) {
        const names = using.map((j) => `"${j.title}"`).join(", ");
        throw new AppError(
          "conflict",
          `The touchpoint "${row.name}" is used by ${using.length} journey(s): ${names}; delete with detach=true to turn those steps into free moments`,
          {
            errors: using.map((j) => ({
              pointer: "/path/touchpointId",
              code: "used_by_journey",
              message: `used by journey "${j.title}" (${j.id})`,
            })),
            extra: { journeys: using.map((j) => ({ id: j.id, title: j.title })) },
          },
        );
      }
    }
    await tx.deleteFrom("touchpoints").where("workspace_id", "=", workspaceId).where("id", "=", id).execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "touchpoint.delete",
      targetType: "touchpoint",
      targetId: id,
      outcome: "success",
      details: { key: row.key, name: row.name, detachedFrom: detached.map((j) => j.id) },
      requestId: ctx.requestId,
    });
  });
}

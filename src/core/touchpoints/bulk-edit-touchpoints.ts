import type { Updateable } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { TouchpointsTable } from "../db/schema.js";
import { notFound } from "../errors.js";
import { cleanDepartment, cleanTags, ownerColumns } from "./touchpoint-fields.js";
import type { TBulkEditTouchpoints } from "./touchpoints.schema.js";

/** One change applied to many touchpoints, all or nothing: any id not in the workspace is a 404. */
export async function bulkEditTouchpoints(
  ctx: WorkspaceContext,
  input: TBulkEditTouchpoints,
): Promise<{ updated: number }> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const ids = [...new Set(input.ids)];
  const { set } = input;
  const common: Updateable<TouchpointsTable> = { updated_at: new Date() };
  if (set.channel !== undefined) common.channel = set.channel;
  if (set.kind !== undefined) common.kind = set.kind;
  if (set.department !== undefined) common.department = cleanDepartment(set.department);
  if (set.signature !== undefined) common.signature = set.signature;
  if (set.owner !== undefined)
    Object.assign(common, await ownerColumns(db, workspaceId, set.owner, "/body/set/owner"));
  const remove = new Set(cleanTags(set.removeTags ?? []));
  const add = cleanTags(set.addTags ?? []);

  return db.transaction().execute(async (tx) => {
    // Locked, so tags merged below are not lost to a concurrent edit.
    const rows = await tx
      .selectFrom("touchpoints")
      .select(["id", "tags"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", ids)
      .forUpdate()
      .execute();
    if (rows.length !== ids.length) throw notFound("Touchpoint");
    for (const row of rows) {
      const tags =
        add.length > 0 || remove.size > 0
          ? { tags: JSON.stringify(cleanTags([...row.tags.filter((t) => !remove.has(t)), ...add])) }
          : {};
      await tx
        .updateTable("touchpoints")
        .set({ ...common, ...tags })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", row.id)
        .execute();
    }
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "touchpoint.bulk_edit",
      targetType: "touchpoint",
      targetId: null,
      outcome: "success",
      details: { ids, set },
      requestId: ctx.requestId,
    });
    return { updated: rows.length };
  });
}

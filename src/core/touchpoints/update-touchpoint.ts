import type { Updateable } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { TouchpointsTable } from "../db/schema.js";
import { isUniqueViolation } from "../keys.js";
import { keyTaken } from "./create-touchpoint.js";
import {
  cleanDepartment,
  cleanTags,
  matcherColumn,
  ownerColumns,
  ratingColumns,
} from "./touchpoint-fields.js";
import { findTouchpointRow, toTouchpoint } from "./touchpoint-row.js";
import type { TTouchpoint, TUpdateTouchpoint } from "./touchpoints.schema.js";

/** PATCH semantics: only the fields present change. Setting `internalRating` re-stamps who and when. */
export async function updateTouchpoint(
  ctx: WorkspaceContext,
  id: string,
  input: TUpdateTouchpoint,
): Promise<TTouchpoint> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  await findTouchpointRow(db, workspaceId, id);
  const now = new Date();
  const set: Updateable<TouchpointsTable> = { updated_at: now };
  if (input.key !== undefined) set.key = input.key;
  if (input.name !== undefined) set.name = input.name;
  if (input.description !== undefined) set.description = input.description;
  if (input.channel !== undefined) set.channel = input.channel;
  if (input.kind !== undefined) set.kind = input.kind;
  if (input.department !== undefined) set.department = cleanDepartment(input.department);
  if (input.owner !== undefined)
    Object.assign(set, await ownerColumns(db, workspaceId, input.owner, "/body/owner"));
  if (input.tags !== undefined) set.tags = JSON.stringify(cleanTags(input.tags));
  if (input.signature !== undefined) set.signature = input.signature;
  if (input.internalRating !== undefined)
    Object.assign(set, ratingColumns(access.actor, input.internalRating, now));
  if (input.eventMatchers !== undefined)
    set.event_matchers = matcherColumn(input.eventMatchers, "/body/eventMatchers");
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable("touchpoints")
        .set(set)
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .execute();
      await recordAudit(tx, {
        workspaceId,
        actor: access.actor,
        action: "touchpoint.update",
        targetType: "touchpoint",
        targetId: id,
        outcome: "success",
        details: {
          fields: Object.keys(input).filter((k) => input[k as keyof TUpdateTouchpoint] !== undefined),
        },
        requestId: ctx.requestId,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e) && input.key !== undefined) throw keyTaken(input.key);
    throw e;
  }
  return toTouchpoint(await findTouchpointRow(db, workspaceId, id));
}

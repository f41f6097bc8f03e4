import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { deriveKey, isUniqueViolation, uniqueKey } from "../keys.js";
import {
  cleanDepartment,
  cleanTags,
  matcherColumn,
  ownerColumns,
  ratingColumns,
} from "./touchpoint-fields.js";
import { findTouchpointRow, toTouchpoint } from "./touchpoint-row.js";
import type { TCreateTouchpoint, TTouchpoint } from "./touchpoints.schema.js";

export const keyTaken = (key: string, pointer = "/body/key") =>
  new AppError("conflict", `A touchpoint with the key "${key}" exists`, {
    errors: [{ pointer, code: "taken", message: "choose another key" }],
  });

/**
 * Creates a touchpoint. Without a key one is derived from the name (with a numeric suffix when
 * taken); an explicit key that is taken is a conflict, since imports rely on keys being stable.
 */
export async function createTouchpoint(
  ctx: WorkspaceContext,
  input: TCreateTouchpoint,
): Promise<TTouchpoint> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const eventMatchers = matcherColumn(input.eventMatchers ?? [], "/body/eventMatchers");
  const owner = await ownerColumns(db, workspaceId, input.owner ?? null, "/body/owner");
  const id = uuidv7();
  const now = new Date();
  try {
    await db.transaction().execute(async (tx) => {
      const key =
        input.key ?? (await uniqueKey(tx, "touchpoints", workspaceId, deriveKey(input.name, "touchpoint")));
      await tx
        .insertInto("touchpoints")
        .values({
          id,
          workspace_id: workspaceId,
          key,
          name: input.name,
          description: input.description ?? "",
          channel: input.channel ?? "other",
          kind: input.kind ?? "direct",
          department: cleanDepartment(input.department),
          ...owner,
          tags: JSON.stringify(cleanTags(input.tags ?? [])),
          signature: input.signature ?? false,
          ...ratingColumns(access.actor, input.internalRating ?? null, now),
          event_matchers: eventMatchers,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(tx, {
        workspaceId,
        actor: access.actor,
        action: "touchpoint.create",
        targetType: "touchpoint",
        targetId: id,
        outcome: "success",
        details: { key, name: input.name },
        requestId: ctx.requestId,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw keyTaken(input.key ?? deriveKey(input.name, "touchpoint"));
    throw e;
  }
  return toTouchpoint(await findTouchpointRow(db, workspaceId, id));
}

import type { Selectable, Updateable } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { TouchpointsTable } from "../db/schema.js";
import { AppError, type FieldError } from "../errors.js";
import { normalizeMatchers, type TEventMatcher } from "../expressions/validate.js";
import { uuidv7 } from "../ids.js";
import { isUniqueViolation } from "../keys.js";
import { type DesiredTouchpoint, desiredFromRow, type Members } from "./import-row.js";
import { readTouchpointFile } from "./read-touchpoint-file.js";
import { ratingColumns } from "./touchpoint-fields.js";
import type { FileFormat, TImportResult } from "./touchpoints.schema.js";

const MAX_REPORTED_ERRORS = 200;

/**
 * Imports a CSV, XLSX or JSON file, upserting by key. All or nothing: every row is validated
 * first and any error is a 400 listing `/rows/<n>/<column>` with nothing stored. Only what
 * differs is written, so re-importing an export reports every row `unchanged`.
 */
export async function importTouchpoints(
  ctx: WorkspaceContext,
  input: { format: FileFormat; data: Uint8Array; dryRun: boolean },
): Promise<TImportResult> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const rows = await readTouchpointFile(input.format, input.data);

  const memberRows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.email"])
    .where("memberships.workspace_id", "=", workspaceId)
    .execute();
  const members: Members = {
    byEmail: new Map(memberRows.map((m) => [m.email.toLowerCase(), m.id])),
    ids: new Set(memberRows.map((m) => m.id)),
  };

  const errors: FieldError[] = [];
  const desired: DesiredTouchpoint[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const raw of rows) {
    const d = desiredFromRow(raw, members, errors);
    if (!d) continue;
    const first = firstRowOfKey.get(d.key);
    if (first !== undefined) {
      errors.push({
        pointer: `/rows/${d.row}/key`,
        code: "duplicate_key",
        message: `row ${d.row}, key: "${d.key}" is also in row ${first}`,
      });
      continue;
    }
    firstRowOfKey.set(d.key, d.row);
    desired.push(d);
  }
  if (errors.length > 0) {
    throw new AppError("validation_failed", `${errors.length} error(s) in the file; nothing was imported`, {
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
    });
  }

  const now = new Date();
  const existing = new Map(
    (await db.selectFrom("touchpoints").selectAll().where("workspace_id", "=", workspaceId).execute()).map(
      (r) => [r.key, r],
    ),
  );
  const creates: DesiredTouchpoint[] = [];
  const updates: { id: string; set: Updateable<TouchpointsTable> }[] = [];
  for (const d of desired) {
    const current = existing.get(d.key);
    if (!current) creates.push(d);
    else {
      const set = changes(d, current, ctx, now);
      if (set) updates.push({ id: current.id, set });
    }
  }
  const result = {
    dryRun: input.dryRun,
    created: creates.length,
    updated: updates.length,
    unchanged: desired.length - creates.length - updates.length,
  };
  if (input.dryRun) return result;

  try {
    await db.transaction().execute(async (tx) => {
      for (const d of creates) {
        await tx
          .insertInto("touchpoints")
          .values({
            id: uuidv7(),
            workspace_id: workspaceId,
            key: d.key,
            name: d.name,
            description: d.description ?? "",
            channel: d.channel ?? "other",
            kind: d.kind ?? "direct",
            department: d.department ?? null,
            ...(d.owner ?? { owner_user_id: null, owner_team: null }),
            tags: JSON.stringify(d.tags ?? []),
            signature: d.signature ?? false,
            ...ratingColumns(access.actor, d.rating ?? null, now),
            event_matchers: JSON.stringify(d.matchers ?? []),
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      for (const u of updates)
        await tx
          .updateTable("touchpoints")
          .set(u.set)
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", u.id)
          .execute();
      await recordAudit(tx, {
        workspaceId,
        actor: access.actor,
        action: "touchpoint.import",
        targetType: "touchpoint",
        targetId: null,
        outcome: "success",
        details: { format: input.format, ...result },
        requestId: ctx.requestId,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError(
        "conflict",
        "Touchpoints were created concurrently with the same keys; import again",
      );
    throw e;
  }
  return result;
}

/** The columns a row changes, or undefined when the touchpoint already looks like the row. */
function changes(
  d: DesiredTouchpoint,
  cur: Selectable<TouchpointsTable>,
  ctx: WorkspaceContext,
  now: Date,
): Updateable<TouchpointsTable> | undefined {
  const set: Updateable<TouchpointsTable> = {};
  if (d.name !== cur.name) set.name = d.name;
  if (d.description !== undefined && d.description !== cur.description) set.description = d.description;
  if (d.channel !== undefined && d.channel !== cur.channel) set.channel = d.channel;
  if (d.kind !== undefined && d.kind !== cur.kind) set.kind = d.kind;
  if (d.department !== undefined && d.department !== cur.department) set.department = d.department;
  if (d.owner && (d.owner.owner_user_id !== cur.owner_user_id || d.owner.owner_team !== cur.owner_team))
    Object.assign(set, d.owner);
  if (d.tags && JSON.stringify(d.tags) !== JSON.stringify(cur.tags)) set.tags = JSON.stringify(d.tags);
  if (d.signature !== undefined && d.signature !== cur.signature) set.signature = d.signature;
  const currentRating = cur.internal_rating === null ? null : Number(cur.internal_rating);
  if (d.rating !== undefined && d.rating !== currentRating)
    Object.assign(set, ratingColumns(ctx.access.actor, d.rating, now));
  if (
    d.matchers &&
    JSON.stringify(d.matchers) !== JSON.stringify(normalizeMatchers(cur.event_matchers as TEventMatcher[]))
  )
    set.event_matchers = JSON.stringify(d.matchers);
  return Object.keys(set).length > 0 ? { ...set, updated_at: now } : undefined;
}

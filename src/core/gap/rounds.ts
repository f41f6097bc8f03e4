import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError, invalid } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { loadJourney } from "../journeys/load-journey.js";
import type { TCreateRound, TRound, TRoundDetail, TUpdateRound } from "./gap.schema.js";
import { assessmentQuery, findRoundRow, roundProgress, toAssessment, toRound } from "./round-row.js";

const userOf = (ctx: WorkspaceContext): string | null =>
  ctx.access.actor.kind === "user" ? ctx.access.actor.userId : null;

/** The ids of the touchpoints a journey's steps reference, in journey order, once each. */
export function journeyTouchpointIds(document: {
  stages: { steps: { touchpointId: string | null }[] }[];
}): string[] {
  const ids = document.stages
    .flatMap((s) => s.steps.map((st) => st.touchpointId))
    .filter((id) => id !== null);
  return [...new Set(ids)];
}

/**
 * Opens a round and creates one open assessment per touchpoint in scope, owned by the touchpoint's
 * owner (a user), else by the round's creator.
 */
export async function createRound(ctx: WorkspaceContext, input: TCreateRound): Promise<TRoundDetail> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  let touchpointIds: string[] | null = null;
  if (input.journeyId !== null) {
    const journey = await loadJourney(db, workspaceId, input.journeyId);
    touchpointIds = journeyTouchpointIds(journey.document);
  }
  let q = db
    .selectFrom("touchpoints")
    .select(["id", "owner_user_id"])
    .where("workspace_id", "=", workspaceId);
  if (touchpointIds !== null)
    q = touchpointIds.length === 0 ? q.where(sql<boolean>`false`) : q.where("id", "in", touchpointIds);
  const touchpoints = await q.orderBy("name").orderBy("id").execute();
  if (touchpoints.length === 0)
    throw invalid(
      input.journeyId === null ? "/body" : "/body/journeyId",
      input.journeyId === null
        ? "the touchpoint register is empty: there is nothing to assess"
        : "no step of this journey references a touchpoint: there is nothing to assess",
      "nothing_to_assess",
    );
  const creator = userOf(ctx);
  const id = uuidv7();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("assessment_rounds")
      .values({
        id,
        workspace_id: workspaceId,
        title: input.title,
        scope: input.journeyId === null ? "register" : "journey",
        journey_id: input.journeyId,
        status: "open",
        created_by: creator,
        due_at: input.dueAt,
        reminder_relay: input.reminderRelay ? JSON.stringify(input.reminderRelay) : null,
      })
      .execute();
    await tx
      .insertInto("assessments")
      .values(
        touchpoints.map((t) => ({
          id: uuidv7(),
          workspace_id: workspaceId,
          round_id: id,
          touchpoint_id: t.id,
          owner_user_id: t.owner_user_id ?? creator,
          answered_at: null,
          answered_by: null,
        })),
      )
      .execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "assessment_round.create",
      targetType: "assessment_round",
      targetId: id,
      outcome: "success",
      details: { title: input.title, journeyId: input.journeyId, assessments: touchpoints.length },
      requestId: ctx.requestId,
    });
  });
  return getRound(ctx, id);
}

/** Every round of the workspace, newest first, with its progress. */
export async function listRounds(
  ctx: WorkspaceContext,
  opts: { journeyId?: string } = {},
): Promise<TRound[]> {
  const workspaceId = ctx.access.workspaceId;
  let q = ctx.db.selectFrom("assessment_rounds").selectAll().where("workspace_id", "=", workspaceId);
  if (opts.journeyId !== undefined) q = q.where("journey_id", "=", opts.journeyId);
  const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(500).execute();
  const progress = await roundProgress(
    ctx.db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRound(r, progress.get(r.id)));
}

export async function getRound(ctx: WorkspaceContext, id: string): Promise<TRoundDetail> {
  const workspaceId = ctx.access.workspaceId;
  const row = await findRoundRow(ctx.db, workspaceId, id);
  const progress = await roundProgress(ctx.db, workspaceId, [id]);
  const assessments = await assessmentQuery(ctx.db, workspaceId).where("a.round_id", "=", id).execute();
  return { ...toRound(row, progress.get(id)), assessments: assessments.map(toAssessment) };
}

export async function updateRound(
  ctx: WorkspaceContext,
  id: string,
  input: TUpdateRound,
): Promise<TRoundDetail> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  await findRoundRow(db, workspaceId, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("assessment_rounds")
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.dueAt !== undefined && { due_at: input.dueAt }),
        ...(input.reminderRelay !== undefined && {
          reminder_relay: input.reminderRelay === null ? null : JSON.stringify(input.reminderRelay),
        }),
      })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "assessment_round.update",
      targetType: "assessment_round",
      targetId: id,
      outcome: "success",
      details: { fields: Object.keys(input).filter((k) => input[k as keyof TUpdateRound] !== undefined) },
      requestId: ctx.requestId,
    });
  });
  return getRound(ctx, id);
}

/** Deletes a round with its assessments and reminders (rounds are normally kept: closing is the end). */
export async function deleteRound(ctx: WorkspaceContext, id: string): Promise<void> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const row = await findRoundRow(db, workspaceId, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("assessment_rounds")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "assessment_round.delete",
      targetType: "assessment_round",
      targetId: id,
      outcome: "success",
      details: { title: row.title, status: row.status },
      requestId: ctx.requestId,
    });
  });
}

/**
 * Closes an open round. Each touchpoint with answered assessments in it takes the mean of their
 * ratings as its `internal_rating` (one decimal), stamped with the last answer's author and time.
 */
export async function closeRound(ctx: WorkspaceContext, id: string, now = new Date()): Promise<TRoundDetail> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const row = await findRoundRow(db, workspaceId, id);
  if (row.status !== "open")
    throw new AppError("conflict", "the round is already closed", { extra: { status: row.status } });
  const closer = userOf(ctx);
  await db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable("assessment_rounds")
      .set({ status: "closed", closed_at: now, closed_by: closer })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError("conflict", "the round is already closed");
    const means = await tx
      .selectFrom("assessments")
      .select((eb) => [
        "touchpoint_id",
        eb.fn.avg<string>("rating").as("mean"),
        eb.fn.max("answered_at").as("last_at"),
        sql<string | null>`(array_agg(answered_by order by answered_at desc))[1]`.as("last_by"),
      ])
      .where("workspace_id", "=", workspaceId)
      .where("round_id", "=", id)
      .where("rating", "is not", null)
      .groupBy("touchpoint_id")
      .execute();
    for (const m of means)
      await tx
        .updateTable("touchpoints")
        .set({
          internal_rating: Math.round(Number(m.mean) * 10) / 10,
          internal_rating_by: m.last_by,
          internal_rating_at: m.last_at ?? now,
          updated_at: now,
        })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", m.touchpoint_id)
        .execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "assessment_round.close",
      targetType: "assessment_round",
      targetId: id,
      outcome: "success",
      details: { ratedTouchpoints: means.length },
      requestId: ctx.requestId,
    });
  });
  return getRound(ctx, id);
}

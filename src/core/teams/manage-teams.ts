import { recordAudit } from "../audit/record-audit.js";
import { requireMember } from "../cases/refs.js";
import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { loadTeams, requireTeam } from "./team-row.js";
import type { TCreateTeam, TTeam, TUpdateTeam } from "./teams.schema.js";

const one = async (db: Db, ws: string, id: string): Promise<TTeam> => {
  const [team] = await loadTeams(db, ws, id);
  if (!team) throw new Error("team vanished");
  return team;
};

const audit = (
  ctx: WorkspaceContext,
  action: string,
  targetId: string,
  details: Record<string, unknown>,
) => ({
  workspaceId: ctx.access.workspaceId,
  actor: ctx.access.actor,
  action,
  targetType: "team",
  targetId,
  outcome: "success" as const,
  details,
  requestId: ctx.requestId,
});

async function uniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if ((e as { code?: string }).code === "23505")
      throw new AppError("conflict", "A team of that name exists", {
        errors: [{ pointer: "/body/name", code: "taken", message: "a team of that name exists" }],
      });
    throw e;
  }
}

export const listTeams = (ctx: WorkspaceContext) => loadTeams(ctx.db, ctx.access.workspaceId);

export async function getTeam(ctx: WorkspaceContext, teamId: string): Promise<TTeam> {
  await requireTeam(ctx.db, ctx.access.workspaceId, teamId);
  return one(ctx.db, ctx.access.workspaceId, teamId);
}

/** POST /teams: name (touchpoints whose owner team has this name route to it), lead, members. */
export async function createTeam(ctx: WorkspaceContext, input: TCreateTeam): Promise<TTeam> {
  const ws = ctx.access.workspaceId;
  const id = uuidv7();
  await uniqueName(() =>
    ctx.db.transaction().execute(async (tx) => {
      if (input.leadUserId) await requireMember(tx, ws, input.leadUserId, "/body/leadUserId");
      const memberIds = [...new Set(input.memberIds ?? [])];
      for (const [i, userId] of memberIds.entries())
        await requireMember(tx, ws, userId, `/body/memberIds/${i}`);
      const now = new Date();
      await tx
        .insertInto("teams")
        .values({
          id,
          workspace_id: ws,
          name: input.name,
          lead_user_id: input.leadUserId ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const [i, userId] of memberIds.entries())
        await tx
          .insertInto("team_members")
          .values({ workspace_id: ws, team_id: id, user_id: userId, created_at: new Date(now.getTime() + i) })
          .execute();
      await recordAudit(tx, audit(ctx, "team.create", id, { name: input.name }));
    }),
  );
  return one(ctx.db, ws, id);
}

export async function updateTeam(ctx: WorkspaceContext, teamId: string, input: TUpdateTeam): Promise<TTeam> {
  const ws = ctx.access.workspaceId;
  await requireTeam(ctx.db, ws, teamId);
  if (input.leadUserId) await requireMember(ctx.db, ws, input.leadUserId, "/body/leadUserId");
  await uniqueName(() =>
    ctx.db
      .updateTable("teams")
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.leadUserId !== undefined && { lead_user_id: input.leadUserId }),
        updated_at: new Date(),
      })
      .where("workspace_id", "=", ws)
      .where("id", "=", teamId)
      .execute(),
  );
  return one(ctx.db, ws, teamId);
}

/** DELETE /teams/{id}: its cases keep their assignee and lose the team; routing rules to it go. */
export async function deleteTeam(ctx: WorkspaceContext, teamId: string): Promise<void> {
  const ws = ctx.access.workspaceId;
  await requireTeam(ctx.db, ws, teamId);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom("teams").where("workspace_id", "=", ws).where("id", "=", teamId).execute();
    await recordAudit(tx, audit(ctx, "team.delete", teamId, {}));
  });
}

/** PUT /teams/{id}/members/{userId}: adds a member (again: unchanged); they join the rotation. */
export async function addTeamMember(ctx: WorkspaceContext, teamId: string, userId: string): Promise<TTeam> {
  const ws = ctx.access.workspaceId;
  await requireTeam(ctx.db, ws, teamId);
  await requireMember(ctx.db, ws, userId, "/path/userId").catch(() => {
    throw new AppError("not_found", "member not found");
  });
  await ctx.db
    .insertInto("team_members")
    .values({ workspace_id: ws, team_id: teamId, user_id: userId, created_at: new Date() })
    .onConflict((oc) => oc.columns(["team_id", "user_id"]).doNothing())
    .execute();
  return one(ctx.db, ws, teamId);
}

export async function removeTeamMember(
  ctx: WorkspaceContext,
  teamId: string,
  userId: string,
): Promise<TTeam> {
  const ws = ctx.access.workspaceId;
  await requireTeam(ctx.db, ws, teamId);
  await ctx.db
    .deleteFrom("team_members")
    .where("workspace_id", "=", ws)
    .where("team_id", "=", teamId)
    .where("user_id", "=", userId)
    .execute();
  return one(ctx.db, ws, teamId);
}

import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import type { Role } from "../db/schema.js";
import { AppError } from "../errors.js";
import { canAssignRole, canManageMember } from "../permissions/index.js";
import { getMember } from "./list-members.js";
import type { TMember } from "./workspaces.schema.js";

async function otherOwners(db: Db, workspaceId: string, userId: string): Promise<number> {
  const r = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .where("user_id", "!=", userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function guard(ctx: WorkspaceContext, member: TMember, action: string, newRole?: Role): Promise<void> {
  const { access } = ctx;
  const allowed =
    canManageMember(access, member.role) && (newRole === undefined || canAssignRole(access, newRole));
  if (!allowed) {
    await recordAudit(ctx.db, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action,
      targetType: "user",
      targetId: member.userId,
      outcome: "denied",
      details: { role: member.role, ...(newRole && { newRole }) },
      requestId: ctx.requestId,
    });
    throw new AppError(
      "forbidden",
      "You cannot change a member whose role, or the role asked for, is above your own",
    );
  }
  if (
    member.role === "owner" &&
    newRole !== "owner" &&
    (await otherOwners(ctx.db, access.workspaceId, member.userId)) === 0
  ) {
    throw new AppError("conflict", "A workspace keeps at least one owner; make someone else owner first");
  }
}

export async function changeMemberRole(ctx: WorkspaceContext, userId: string, role: Role): Promise<TMember> {
  const member = await getMember(ctx.db, ctx.access.workspaceId, userId);
  await guard(ctx, member, "member.change_role", role);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("memberships")
      .set({ role })
      .where("workspace_id", "=", ctx.access.workspaceId)
      .where("user_id", "=", userId)
      .execute();
    await recordAudit(tx, {
      workspaceId: ctx.access.workspaceId,
      actor: ctx.access.actor,
      action: "member.change_role",
      targetType: "user",
      targetId: userId,
      outcome: "success",
      details: { from: member.role, to: role },
      requestId: ctx.requestId,
    });
  });
  return getMember(ctx.db, ctx.access.workspaceId, userId);
}

export async function removeMember(ctx: WorkspaceContext, userId: string): Promise<void> {
  const member = await getMember(ctx.db, ctx.access.workspaceId, userId);
  await guard(ctx, member, "member.remove");
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("memberships")
      .where("workspace_id", "=", ctx.access.workspaceId)
      .where("user_id", "=", userId)
      .execute();
    await recordAudit(tx, {
      workspaceId: ctx.access.workspaceId,
      actor: ctx.access.actor,
      action: "member.remove",
      targetType: "user",
      targetId: userId,
      outcome: "success",
      details: { email: member.email, role: member.role },
      requestId: ctx.requestId,
    });
  });
}

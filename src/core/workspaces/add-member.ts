import { recordAudit } from "../audit/record-audit.js";
import { hashPassword } from "../auth/passwords.js";
import type { WorkspaceContext } from "../context.js";
import { AppError, invalid } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { canAssignRole } from "../permissions/index.js";
import { getMember } from "./list-members.js";
import type { TAddMember, TMember } from "./workspaces.schema.js";

/** Adds an existing account, or creates one (name and initial password required) and adds it. */
export async function addMember(ctx: WorkspaceContext, input: TAddMember): Promise<TMember> {
  const { db, access } = ctx;
  if (!canAssignRole(access, input.role)) {
    await recordAudit(db, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "member.add",
      targetType: "user",
      targetId: null,
      outcome: "denied",
      details: { email: input.email, role: input.role },
      requestId: ctx.requestId,
    });
    throw new AppError("forbidden", `You cannot grant the role "${input.role}"`, {
      errors: [
        { pointer: "/body/role", code: "role_above_own", message: "You can only grant roles up to your own" },
      ],
    });
  }
  const email = input.email.toLowerCase();
  const existing = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (!existing) {
    if (!input.name) throw invalid("/body/name", "name is required for a new account", "required");
    if (!input.password)
      throw invalid(
        "/body/password",
        "an initial password (8+ characters) is required for a new account",
        "required",
      );
  }
  const passwordHash = existing || !input.password ? undefined : await hashPassword(input.password);
  const userId = existing?.id ?? uuidv7();
  await db.transaction().execute(async (tx) => {
    if (!existing) {
      await tx
        .insertInto("users")
        .values({
          id: userId,
          email,
          name: input.name ?? email,
          password_hash: passwordHash ?? "",
          locale: "de",
        })
        .execute();
    }
    const already = await tx
      .selectFrom("memberships")
      .select("role")
      .where("workspace_id", "=", access.workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (already) {
      throw new AppError("conflict", `${email} is already a member`, {
        errors: [
          { pointer: "/body/email", code: "already_member", message: "already a member of this workspace" },
        ],
      });
    }
    await tx
      .insertInto("memberships")
      .values({ workspace_id: access.workspaceId, user_id: userId, role: input.role })
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "member.add",
      targetType: "user",
      targetId: userId,
      outcome: "success",
      details: { email, role: input.role, newAccount: !existing },
      requestId: ctx.requestId,
    });
  });
  return getMember(db, access.workspaceId, userId);
}

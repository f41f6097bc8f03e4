import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { decodeCursor, type Page, type TPageQuery, toPage } from "../pagination.js";
import type { TMember } from "./workspaces.schema.js";

const memberQuery = (db: Db, workspaceId: string) =>
  db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id as userId", "users.email", "users.name", "memberships.role", "memberships.created_at"])
    .where("memberships.workspace_id", "=", workspaceId);

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberQuery>["executeTakeFirstOrThrow"]>>;
const toMember = (r: MemberRow): TMember => ({
  userId: r.userId,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listMembers(ctx: WorkspaceContext, page: TPageQuery): Promise<Page<TMember>> {
  const after = decodeCursor(page.cursor);
  let q = memberQuery(ctx.db, ctx.access.workspaceId);
  if (after) q = q.where("users.id", ">", after);
  const rows = await q
    .orderBy("users.id")
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit, (r) => r.userId, toMember);
}

export async function getMember(db: Db, workspaceId: string, userId: string): Promise<TMember> {
  if (!isUuid(userId)) throw notFound("Member");
  const row = await memberQuery(db, workspaceId).where("users.id", "=", userId).executeTakeFirst();
  if (!row) throw notFound("Member");
  return toMember(row);
}

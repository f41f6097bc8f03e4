import type { Db } from "../db/connect.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import type { TTeam } from "./teams.schema.js";

/** The team of the workspace; a foreign or unknown id is 404. */
export async function requireTeam(db: Db, workspaceId: string, teamId: string) {
  if (!isUuid(teamId)) throw notFound("team");
  const row = await db
    .selectFrom("teams")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", teamId)
    .executeTakeFirst();
  if (!row) throw notFound("team");
  return row;
}

/** Teams of the workspace with their members, by name; one team when `teamId` is given. */
export async function loadTeams(db: Db, workspaceId: string, teamId?: string): Promise<TTeam[]> {
  let q = db.selectFrom("teams").selectAll().where("workspace_id", "=", workspaceId);
  if (teamId) q = q.where("id", "=", teamId);
  const teams = await q.orderBy("name").execute();
  if (teams.length === 0) return [];
  const members = await db
    .selectFrom("team_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.team_id", "m.user_id", "u.name", "u.email"])
    .where("m.workspace_id", "=", workspaceId)
    .where(
      "m.team_id",
      "in",
      teams.map((t) => t.id),
    )
    .orderBy("m.created_at")
    .orderBy("m.user_id")
    .execute();
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    leadUserId: t.lead_user_id,
    members: members
      .filter((m) => m.team_id === t.id)
      .map((m) => ({ userId: m.user_id, name: m.name, email: m.email })),
    createdAt: new Date(t.created_at).toISOString(),
    updatedAt: new Date(t.updated_at).toISOString(),
  }));
}

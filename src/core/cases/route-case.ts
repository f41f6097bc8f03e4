import { sql } from "kysely";
import type { Db } from "../db/connect.js";

export interface RoutingInput {
  workspaceId: string;
  touchpointId: string | null;
  channel: string | null;
  aspect: string | null;
  segment: string | null;
}

export interface Routed {
  userId: string | null;
  teamId: string | null;
  /** `rule:<id>`, `touchpoint_user`, `touchpoint_team` or `unrouted`. */
  reason: string;
}

/**
 * Picks the case's owner: the first matching routing rule (channel, aspect, segment, touchpoint;
 * empty fields match anything), else the touchpoint's owner (a user, or a team by name), else nobody.
 * A team hands the case to its members in turn.
 */
export async function routeCase(db: Db, input: RoutingInput): Promise<Routed> {
  const ws = input.workspaceId;
  const rules = await db
    .selectFrom("case_routing_rules")
    .selectAll()
    .where("workspace_id", "=", ws)
    .orderBy("position")
    .orderBy("id")
    .execute();
  const fits = (want: string | null, have: string | null) => want === null || want === have;
  for (const r of rules) {
    if (!fits(r.channel, input.channel) || !fits(r.aspect, input.aspect) || !fits(r.segment, input.segment))
      continue;
    if (!fits(r.touchpoint_id, input.touchpointId)) continue;
    if (r.target_user_id) return { userId: r.target_user_id, teamId: null, reason: `rule:${r.id}` };
    if (r.target_team_id)
      return {
        userId: await nextTeamMember(db, ws, r.target_team_id),
        teamId: r.target_team_id,
        reason: `rule:${r.id}`,
      };
  }
  if (input.touchpointId) {
    const tp = await db
      .selectFrom("touchpoints")
      .select(["owner_user_id", "owner_team"])
      .where("workspace_id", "=", ws)
      .where("id", "=", input.touchpointId)
      .executeTakeFirst();
    if (tp?.owner_user_id) return { userId: tp.owner_user_id, teamId: null, reason: "touchpoint_user" };
    if (tp?.owner_team) {
      const team = await teamByName(db, ws, tp.owner_team);
      if (team)
        return { userId: await nextTeamMember(db, ws, team), teamId: team, reason: "touchpoint_team" };
    }
  }
  return { userId: null, teamId: null, reason: "unrouted" };
}

/** A touchpoint's free-text `owner_team` resolves to the team of that name (case-insensitive). */
export async function teamByName(db: Db, workspaceId: string, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("teams")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where(sql<string>`lower(name)`, "=", name.trim().toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

/**
 * Round-robin: bumps the team's counter (the row lock orders concurrent callers) and takes the
 * member at that position, skipping `exclude` when another member exists. A team without members
 * falls back to its lead, else stays unassigned (the team queue).
 */
export async function nextTeamMember(
  db: Db,
  workspaceId: string,
  teamId: string,
  exclude: string | null = null,
): Promise<string | null> {
  const members = await db
    .selectFrom("team_members")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("team_id", "=", teamId)
    .orderBy("created_at")
    .orderBy("user_id")
    .execute();
  const candidates = members.map((m) => m.user_id).filter((u) => u !== exclude || members.length === 1);
  if (candidates.length === 0) {
    const team = await db
      .selectFrom("teams")
      .select("lead_user_id")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", teamId)
      .executeTakeFirst();
    return team?.lead_user_id ?? null;
  }
  const bumped = await db
    .updateTable("teams")
    .set((eb) => ({ rr_position: eb("rr_position", "+", 1) }))
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", teamId)
    .returning("rr_position")
    .executeTakeFirstOrThrow();
  return candidates[(bumped.rr_position - 1) % candidates.length] ?? null;
}

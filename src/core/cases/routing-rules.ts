import type { Selectable } from "kysely";
import type { WorkspaceContext } from "../context.js";
import type { CaseRoutingRulesTable } from "../db/schema.js";
import { notFound } from "../errors.js";
import { isUuid, uuidv7 } from "../ids.js";
import { requireMember, requireRef } from "./refs.js";
import type { TCreateRoutingRule, TRoutingRule } from "./routing.schema.js";

const toRule = (r: Selectable<CaseRoutingRulesTable>): TRoutingRule => ({
  id: r.id,
  position: r.position,
  channel: r.channel,
  aspect: r.aspect,
  segment: r.segment,
  touchpointId: r.touchpoint_id,
  targetUserId: r.target_user_id,
  targetTeamId: r.target_team_id,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listRoutingRules(ctx: WorkspaceContext): Promise<TRoutingRule[]> {
  const rows = await ctx.db
    .selectFrom("case_routing_rules")
    .selectAll()
    .where("workspace_id", "=", ctx.access.workspaceId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map(toRule);
}

/** POST /case-routing-rules: a rule that sends matching signals to a member or a team. */
export async function createRoutingRule(
  ctx: WorkspaceContext,
  input: TCreateRoutingRule,
): Promise<TRoutingRule> {
  const ws = ctx.access.workspaceId;
  if (input.touchpointId)
    await requireRef(ctx.db, ws, "touchpoints", input.touchpointId, "/body/touchpointId");
  if (input.targetUserId) await requireMember(ctx.db, ws, input.targetUserId, "/body/targetUserId");
  if (input.targetTeamId) await requireRef(ctx.db, ws, "teams", input.targetTeamId, "/body/targetTeamId");
  const last = await ctx.db
    .selectFrom("case_routing_rules")
    .select((eb) => eb.fn.max("position").as("p"))
    .where("workspace_id", "=", ws)
    .executeTakeFirst();
  const row = await ctx.db
    .insertInto("case_routing_rules")
    .values({
      id: uuidv7(),
      workspace_id: ws,
      position: input.position ?? (last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 10),
      channel: input.channel ?? null,
      aspect: input.aspect ?? null,
      segment: input.segment ?? null,
      touchpoint_id: input.touchpointId ?? null,
      target_user_id: input.targetUserId ?? null,
      target_team_id: input.targetTeamId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRule(row);
}

export async function deleteRoutingRule(ctx: WorkspaceContext, ruleId: string): Promise<void> {
  if (!isUuid(ruleId)) throw notFound("routing rule");
  const gone = await ctx.db
    .deleteFrom("case_routing_rules")
    .where("workspace_id", "=", ctx.access.workspaceId)
    .where("id", "=", ruleId)
    .returning("id")
    .executeTakeFirst();
  if (!gone) throw notFound("routing rule");
}

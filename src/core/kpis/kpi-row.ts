import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import { invalid, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { loadJourney } from "../journeys/load-journey.js";
import { type TKpi, ZKpiMeasure } from "./kpis.schema.js";

const iso = (d: Date | string): string => new Date(d).toISOString();

/** The catalogue's rows with the owner's name, in catalogue order (kind, key). */
export function kpiQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom("kpis as k")
    .leftJoin("users as u", "u.id", "k.owner_user_id")
    .selectAll("k")
    .select("u.name as owner_name")
    .where("k.workspace_id", "=", workspaceId)
    .orderBy("k.kind", "desc")
    .orderBy("k.key");
}

type KpiRow = Awaited<ReturnType<ReturnType<typeof kpiQuery>["executeTakeFirstOrThrow"]>>;

export function toKpi(r: KpiRow): TKpi {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    name: r.name,
    definition: r.definition,
    measure: ZKpiMeasure.parse(r.measure),
    journeyId: r.journey_id,
    unit: r.unit,
    direction: r.direction,
    target: r.target === null ? null : Number(r.target),
    owner: r.owner_user_id ? { id: r.owner_user_id, name: r.owner_name ?? "" } : null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** One KPI of this workspace; another workspace's (or a malformed) id answers 404. */
export async function getKpi(ctx: WorkspaceContext, id: string): Promise<TKpi> {
  if (!isUuid(id)) throw notFound("KPI");
  const row = await kpiQuery(ctx.db, ctx.access.workspaceId).where("k.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("KPI");
  return toKpi(row);
}

/** An owner must be a member of the workspace; a journey must belong to it (else 404). */
export async function checkReferences(
  ctx: WorkspaceContext,
  refs: { ownerUserId?: string | null | undefined; journeyId?: string | null | undefined },
): Promise<void> {
  const workspaceId = ctx.access.workspaceId;
  if (refs.journeyId) await loadJourney(ctx.db, workspaceId, refs.journeyId);
  if (refs.ownerUserId) {
    const member = await ctx.db
      .selectFrom("memberships")
      .select("user_id")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", refs.ownerUserId)
      .executeTakeFirst();
    if (!member)
      throw invalid("/body/ownerUserId", "the owner must be a member of this workspace", "not_member");
  }
}

import { sql } from "kysely";
import type { WorkspaceContext } from "../context.js";
import { uuidv7 } from "../ids.js";
import { actorId } from "../permissions/index.js";
import type { TCockpitQuery, TInitiative, TPainPoint, TPromotePainPoint } from "./cockpit.schema.js";
import { requireJourney } from "./journey-cockpit.js";
import { requireRef } from "./refs.js";

type SourceKey = { touchpointId: string | null; stepId: string | null; rootCause: string | null };
const keyOf = (s: SourceKey) => JSON.stringify([s.touchpointId, s.stepId, s.rootCause]);

/**
 * GET /journeys/{id}/pain-points: cases opened in the last `days`, rolled up by touchpoint, step and
 * root cause (the outer loop): counts, open, trend (later half minus earlier half of the window),
 * median time to resolve, and the initiative a pain point was promoted to. Most cases first.
 */
export async function journeyPainPoints(
  ctx: WorkspaceContext,
  journeyId: string,
  query: TCockpitQuery,
  now: Date = new Date(),
): Promise<TPainPoint[]> {
  const ws = ctx.access.workspaceId;
  await requireJourney(ctx.db, ws, journeyId);
  const since = new Date(now.getTime() - query.days * 86_400_000);
  const middle = new Date(now.getTime() - (query.days * 86_400_000) / 2);
  const rows = await ctx.db
    .selectFrom("cases")
    .select([
      "touchpoint_id",
      "step_id",
      "root_cause",
      sql<string>`count(*)`.as("cases"),
      sql<string>`count(*) filter (where status in ('new','in_progress','waiting_customer','waiting_internal'))`.as(
        "open",
      ),
      sql<string>`count(*) filter (where opened_at >= ${middle}) - count(*) filter (where opened_at < ${middle})`.as(
        "trend",
      ),
      sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from resolved_at - opened_at) / 3600.0) filter (where resolved_at is not null)`.as(
        "median_hours",
      ),
    ])
    .where("workspace_id", "=", ws)
    .where("journey_id", "=", journeyId)
    .where("opened_at", ">=", since)
    .groupBy(["touchpoint_id", "step_id", "root_cause"])
    .orderBy(sql`count(*)`, "desc")
    .orderBy(sql`root_cause asc nulls last`)
    .orderBy("touchpoint_id")
    .orderBy("step_id")
    .limit(200)
    .execute();
  const initiatives = await ctx.db
    .selectFrom("initiatives")
    .select(["id", "source"])
    .where("workspace_id", "=", ws)
    .where("journey_id", "=", journeyId)
    .execute();
  const promoted = new Map<string, string>();
  for (const i of initiatives)
    if (i.source.kind === "pain_point") promoted.set(keyOf(i.source as SourceKey), i.id);
  return rows.map((r) => {
    const key = { touchpointId: r.touchpoint_id, stepId: r.step_id, rootCause: r.root_cause };
    return {
      ...key,
      cases: Number(r.cases),
      open: Number(r.open),
      trend: Number(r.trend),
      medianHoursToResolve: r.median_hours === null ? null : Math.round(Number(r.median_hours) * 10) / 10,
      initiativeId: promoted.get(keyOf(key)) ?? null,
    };
  });
}

const toInitiative = (r: {
  id: string;
  journey_id: string | null;
  title: string;
  description: string;
  status: string;
  source: Record<string, unknown>;
  created_by: string | null;
  created_at: Date | string;
}): TInitiative => ({
  id: r.id,
  journeyId: r.journey_id,
  title: r.title,
  description: r.description,
  status: r.status,
  source: r.source,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * POST /journeys/{id}/pain-points/promote: turns a pain point into a proposed initiative linked to
 * the journey, with the roll-up's figures at promotion time. Promoting it again returns the first.
 */
export async function promotePainPoint(
  ctx: WorkspaceContext,
  journeyId: string,
  input: TPromotePainPoint,
  now: Date = new Date(),
): Promise<{ initiative: TInitiative; created: boolean }> {
  const ws = ctx.access.workspaceId;
  await requireJourney(ctx.db, ws, journeyId);
  if (input.touchpointId)
    await requireRef(ctx.db, ws, "touchpoints", input.touchpointId, "/body/touchpointId");
  const key: SourceKey = {
    touchpointId: input.touchpointId,
    stepId: input.stepId,
    rootCause: input.rootCause,
  };
  // One initiative per pain point: concurrent promotions of the journey's pain points queue here.
  return ctx.db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`promote:${ws}:${journeyId}`}))`.execute(tx);
    const prior = (
      await tx
        .selectFrom("initiatives")
        .selectAll()
        .where("workspace_id", "=", ws)
        .where("journey_id", "=", journeyId)
        .execute()
    ).find((i) => i.source.kind === "pain_point" && keyOf(i.source as SourceKey) === keyOf(key));
    if (prior) return { initiative: toInitiative(prior), created: false };
    const points = await journeyPainPoints({ ...ctx, db: tx }, journeyId, { days: 730 }, now);
    const point = points.find((p) => keyOf(p) === keyOf(key));
    const source = {
      kind: "pain_point",
      ...key,
      cases: point?.cases ?? 0,
      open: point?.open ?? 0,
      medianHoursToResolve: point?.medianHoursToResolve ?? null,
    };
    const actor = ctx.access.actor;
    const row = await tx
      .insertInto("initiatives")
      .values({
        id: uuidv7(),
        workspace_id: ws,
        journey_id: journeyId,
        title: input.title,
        description: input.description ?? "",
        source: JSON.stringify(source),
        created_by: actor.kind === "user" ? actorId(actor) : null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { initiative: toInitiative(row), created: true };
  });
}

import { sql } from "kysely";
import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { toCase } from "./case-row.js";
import { CASE_OPEN_STATUSES } from "./cases.schema.js";
import type { TCockpit, TCockpitQuery } from "./cockpit.schema.js";

export async function requireJourney(db: Db, workspaceId: string, journeyId: string): Promise<void> {
  if (!isUuid(journeyId)) throw notFound("journey");
  const row = await db
    .selectFrom("journeys")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", journeyId)
    .executeTakeFirst();
  if (!row) throw notFound("journey");
}

/**
 * GET /journeys/{id}/cases/cockpit: the journey owner's view over cases opened in the last `days`:
 * counts by status and by step, open SLA breaches, and the touchpoints that cause the most cases.
 */
export async function journeyCockpit(
  ctx: WorkspaceContext,
  journeyId: string,
  query: TCockpitQuery,
  now: Date = new Date(),
): Promise<TCockpit> {
  const ws = ctx.access.workspaceId;
  await requireJourney(ctx.db, ws, journeyId);
  const since = new Date(now.getTime() - query.days * 86_400_000);
  const scoped = () =>
    ctx.db.selectFrom("cases").where("workspace_id", "=", ws).where("journey_id", "=", journeyId);
  const grouped = await scoped()
    .select(["step_id", "status", sql<string>`count(*)`.as("n")])
    .where("opened_at", ">=", since)
    .groupBy(["step_id", "status"])
    .execute();
  const byStatus: Record<string, number> = {};
  const steps = new Map<string | null, Record<string, number>>();
  for (const g of grouped) {
    const n = Number(g.n);
    byStatus[g.status] = (byStatus[g.status] ?? 0) + n;
    const s = steps.get(g.step_id) ?? {};
    s[g.status] = n;
    steps.set(g.step_id, s);
  }
  const byStep = [...steps.entries()]
    .map(([stepId, statuses]) => ({
      stepId,
      statuses,
      total: Object.values(statuses).reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.total - a.total);
  const breaches = (
    await scoped()
      .selectAll()
      .where("status", "in", CASE_OPEN_STATUSES)
      .where((eb) => eb.or([eb("sla_breached_at", "is not", null), eb("due_at", "<=", now)]))
      .orderBy("due_at")
      .orderBy("id")
      .limit(100)
      .execute()
  ).map((r) => toCase(r));
  const perCustomer = scoped()
    .select(["touchpoint_id", "customer_id", sql<string>`count(*)`.as("n")])
    .where("opened_at", ">=", since)
    .where("touchpoint_id", "is not", null)
    .groupBy(["touchpoint_id", "customer_id"]);
  const offenders = await ctx.db
    .selectFrom(
      scoped()
        .select([
          "touchpoint_id",
          sql<string>`count(*)`.as("cases"),
          sql<string>`count(*) filter (where status in ('new','in_progress','waiting_customer','waiting_internal'))`.as(
            "open",
          ),
          sql<string>`count(*) filter (where sla_breached_at is not null)`.as("breached"),
        ])
        .where("opened_at", ">=", since)
        .where("touchpoint_id", "is not", null)
        .groupBy("touchpoint_id")
        .as("t"),
    )
    .select(["t.touchpoint_id", "t.cases", "t.open", "t.breached"])
    .select((eb) =>
      eb
        .selectFrom(perCustomer.as("p"))
        .select(sql<string>`count(*)`.as("r"))
        .whereRef("p.touchpoint_id", "=", "t.touchpoint_id")
        .where("p.customer_id", "is not", null)
        .where(sql<boolean>`p.n > 1`)
        .as("repeat_customers"),
    )
    .orderBy("t.cases", "desc")
    .orderBy("t.touchpoint_id")
    .limit(20)
    .execute();
  return {
    journeyId,
    days: query.days,
    byStatus,
    byStep,
    breaches,
    repeatOffenders: offenders.map((o) => ({
      touchpointId: o.touchpoint_id as string,
      cases: Number(o.cases),
      open: Number(o.open),
      breached: Number(o.breached),
      repeatCustomers: Number(o.repeat_customers ?? 0),
    })),
  };
}

import { CASE_OPEN_STATUSES } from "../cases/cases.schema.js";
import type { Db } from "../db/connect.js";
import type { Role } from "../db/schema.js";
import type { TDigest } from "./notifications.schema.js";

const MAX_ITEMS = 20;
const DAY_MS = 86_400_000;
/** Roles that watch the workspace as a whole: they get the alerts. */
const ALERT_ROLES: readonly Role[] = ["owner", "admin", "analyst"];

const iso = (d: Date | string) => new Date(d).toISOString();
const within = (d: Date | string | null, from: Date, to: Date) =>
  d !== null && new Date(d).getTime() > from.getTime() && new Date(d).getTime() <= to.getTime();

export interface DigestInput {
  workspaceId: string;
  userId: string;
  role: Role;
  frequency: "daily" | "weekly";
  /** The period (`from`, `to`]. */
  from: Date;
  to: Date;
  /** KPIs that got worse, measured beforehand (facts store); only owners, admins, analysts see them. */
  kpis?: TDigest["kpis"] | undefined;
}

/**
 * What matters to one person in a period: their open cases (breached or due within a day flagged),
 * for journey owners the cases of their journeys opened, breached or resolved, and for owners,
 * admins and analysts the alerts fired and the KPIs that got worse. A section with nothing in it is left out.
 */
export const wantsWorkspaceView = (role: Role) => ALERT_ROLES.includes(role);

export async function buildDigest(db: Db, input: DigestInput): Promise<TDigest> {
  const { workspaceId: ws, userId, from, to } = input;
  const mine = await db
    .selectFrom("cases")
    .select(["id", "title", "status", "due_at", "sla_breached_at"])
    .where("workspace_id", "=", ws)
    .where("assignee_user_id", "=", userId)
    .where("status", "in", CASE_OPEN_STATUSES)
    .orderBy("due_at")
    .orderBy("id")
    .limit(MAX_ITEMS)
    .execute();

  const owned = await db
    .selectFrom("journeys")
    .select(["id", "title"])
    .where("workspace_id", "=", ws)
    .where("owner_user_id", "=", userId)
    .orderBy("title")
    .execute();
  const journeys: TDigest["journeys"] = [];
  if (owned.length > 0) {
    const rows = await db
      .selectFrom("cases")
      .select(["id", "title", "journey_id", "opened_at", "sla_breached_at", "resolved_at"])
      .where("workspace_id", "=", ws)
      .where(
        "journey_id",
        "in",
        owned.map((j) => j.id),
      )
      .where((eb) =>
        eb.or(
          (["opened_at", "sla_breached_at", "resolved_at"] as const).map((col) =>
            eb.and([eb(col, ">", from), eb(col, "<=", to)]),
          ),
        ),
      )
      .orderBy("id")
      .execute();
    for (const j of owned) {
      const cases = rows.filter((r) => r.journey_id === j.id);
      if (cases.length === 0) continue;
      const changes = cases.flatMap((c) =>
        (
          [
            ["opened", c.opened_at],
            ["breached", c.sla_breached_at],
            ["resolved", c.resolved_at],
          ] as const
        )
          .filter(([, at]) => within(at, from, to))
          .map(([change]) => ({ id: c.id, title: c.title, change })),
      );
      journeys.push({
        journeyId: j.id,
        journeyTitle: j.title,
        opened: changes.filter((c) => c.change === "opened").length,
        breached: changes.filter((c) => c.change === "breached").length,
        resolved: changes.filter((c) => c.change === "resolved").length,
        cases: changes.slice(0, MAX_ITEMS),
      });
    }
  }

  const alerts = wantsWorkspaceView(input.role)
    ? await db
        .selectFrom("alerts")
        .select(["id", "title", "severity", "created_at"])
        .where("workspace_id", "=", ws)
        .where("created_at", ">", from)
        .where("created_at", "<=", to)
        .orderBy("id")
        .limit(MAX_ITEMS)
        .execute()
    : [];

  return {
    frequency: input.frequency,
    from: iso(from),
    to: iso(to),
    myCases: mine.map((c) => {
      const breached = c.sla_breached_at !== null;
      return {
        id: c.id,
        title: c.title,
        status: c.status,
        dueAt: iso(c.due_at),
        breached,
        dueSoon: !breached && new Date(c.due_at).getTime() <= to.getTime() + DAY_MS,
      };
    }),
    journeys,
    kpis: wantsWorkspaceView(input.role) ? (input.kpis ?? []) : [],
    alerts: alerts.map((a) => ({
      id: a.id,
      title: a.title,
      severity: a.severity,
      createdAt: iso(a.created_at),
    })),
  };
}

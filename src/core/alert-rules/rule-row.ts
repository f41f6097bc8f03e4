import type { Selectable } from "kysely";
import type { Db } from "../db/connect.js";
import type { AlertRulesTable } from "../db/schema.js";
import { AppError, type FieldError, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import {
  PARAMETER_SCHEMAS,
  type TAlertRule,
  type TAnomalyParameters,
  type TChangeParameters,
  type TRecipients,
  type TRuleCheck,
  type TThresholdParameters,
  type TTopicParameters,
  ZRecipients,
  ZRuleCheck,
} from "./alert-rules.schema.js";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Rule rows with their KPI's key, name, unit and direction (null for topic rules). */
export function ruleQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom("alert_rules as r")
    .leftJoin("kpis as k", "k.id", "r.kpi_id")
    .selectAll("r")
    .select(["k.key as kpi_key", "k.name as kpi_name", "k.unit as kpi_unit", "k.direction as kpi_direction"])
    .where("r.workspace_id", "=", workspaceId);
}

export type AlertRuleRow = Selectable<AlertRulesTable> & {
  kpi_key: string | null;
  kpi_name: string | null;
  kpi_unit: string | null;
  kpi_direction: "higher" | "lower" | null;
};

/** A stored rule with its parameters parsed for its kind (defaults filled in). */
export type LoadedAlertRule =
  | (AlertRuleRow & { kind: "threshold"; parsed: TThresholdParameters })
  | (AlertRuleRow & { kind: "change"; parsed: TChangeParameters })
  | (AlertRuleRow & { kind: "anomaly"; parsed: TAnomalyParameters })
  | (AlertRuleRow & { kind: "topic"; parsed: TTopicParameters });

export function loadAlertRule(r: AlertRuleRow): LoadedAlertRule {
  const parsed = PARAMETER_SCHEMAS[r.kind].parse(r.parameters);
  return { ...r, parsed } as LoadedAlertRule;
}

export function recipientsOf(r: Pick<AlertRuleRow, "recipients">): TRecipients {
  const parsed = ZRecipients.safeParse(r.recipients ?? {});
  return parsed.success ? parsed.data : { userIds: [], teamIds: [], roles: [] };
}

export function toAlertRule(r: AlertRuleRow): TAlertRule {
  const last = r.last_result === null ? null : ZRuleCheck.safeParse(r.last_result);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    kpiId: r.kpi_id,
    kpi:
      r.kpi_id && r.kpi_key !== null
        ? {
            id: r.kpi_id,
            key: r.kpi_key,
            name: r.kpi_name ?? "",
            unit: r.kpi_unit ?? "",
            direction: r.kpi_direction ?? "higher",
          }
        : null,
    parameters: r.parameters as Record<string, unknown>,
    severity: r.severity,
    recipients: recipientsOf(r),
    enabled: r.enabled,
    checkEvery: r.check_every,
    state: r.last_state,
    lastCheckedAt: iso(r.last_checked_at),
    lastValue: r.last_value === null ? null : Number(r.last_value),
    lastResult: last?.success ? (last.data as TRuleCheck) : null,
    nextCheckAt: iso(r.next_check_at),
    createdAt: iso(r.created_at) as string,
    updatedAt: iso(r.updated_at) as string,
  };
}

export async function findAlertRule(db: Db, workspaceId: string, id: string): Promise<AlertRuleRow> {
  if (!isUuid(id)) throw notFound("Alert rule");
  const row = await ruleQuery(db, workspaceId).where("r.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Alert rule");
  return row as AlertRuleRow;
}

/**
 * Checks a rule's links in this workspace: its KPI, and the users (members) and teams it notifies.
 * Throws a 400 naming each bad field (an id of another workspace is unknown here).
 */
export async function checkAlertRuleReferences(
  db: Db,
  workspaceId: string,
  rule: { kpiId?: string | null | undefined; recipients?: TRecipients | undefined },
): Promise<void> {
  const errors: FieldError[] = [];
  if (rule.kpiId) {
    const kpi = await db
      .selectFrom("kpis")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", rule.kpiId)
      .executeTakeFirst();
    if (!kpi) errors.push({ pointer: "/body/kpiId", code: "unknown_reference", message: "no such KPI" });
  }
  const r = rule.recipients;
  if (r && r.userIds.length > 0) {
    const members = await db
      .selectFrom("memberships")
      .select("user_id")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "in", r.userIds)
      .execute();
    const known = new Set(members.map((m) => m.user_id));
    r.userIds.forEach((id, i) => {
      if (!known.has(id))
        errors.push({
          pointer: `/body/recipients/userIds/${i}`,
          code: "not_member",
          message: "not a member of this workspace",
        });
    });
  }
  if (r && r.teamIds.length > 0) {
    const teams = await db
      .selectFrom("teams")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", r.teamIds)
      .execute();
    const known = new Set(teams.map((t) => t.id));
    r.teamIds.forEach((id, i) => {
      if (!known.has(id))
        errors.push({
          pointer: `/body/recipients/teamIds/${i}`,
          code: "unknown_reference",
          message: "no such team",
        });
    });
  }
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => e.message).join("; "), { errors });
}

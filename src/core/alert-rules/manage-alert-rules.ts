import { sql } from "kysely";
import { toAlert } from "../alerts/alert-row.js";
import type { TAlert } from "../alerts/alerts.schema.js";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { issuesToErrors } from "../journeys/document.js";
import type { ReportContext } from "../metrics/report-context.js";
import { decodeCursor, type Page, toPage } from "../pagination.js";
import { actorId } from "../permissions/index.js";
import {
  PARAMETER_SCHEMAS,
  type TAlertRule,
  type TAlertRuleListQuery,
  type TCreateAlertRule,
  type TRuleCheck,
  type TUpdateAlertRule,
} from "./alert-rules.schema.js";
import { measureRule, type RuleToCheck } from "./evaluate-rule.js";
import {
  type AlertRuleRow,
  checkAlertRuleReferences,
  findAlertRule,
  ruleQuery,
  toAlertRule,
} from "./rule-row.js";
import { scheduleRuleCheck } from "./schedule.js";

const sorted = (v: unknown): unknown =>
  v && typeof v === "object" && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
    : v;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** Creates an alert rule and schedules its first check at once, or at `firstCheckAt` (when enabled). */
export async function createAlertRule(
  ctx: WorkspaceContext,
  input: TCreateAlertRule,
  now = new Date(),
  firstCheckAt = now,
): Promise<TAlertRule> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const kpiId = input.kind === "topic" ? null : input.kpiId;
  await checkAlertRuleReferences(db, workspaceId, { kpiId, recipients: input.recipients });
  const id = uuidv7();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("alert_rules")
      .values({
        id,
        workspace_id: workspaceId,
        name: input.name,
        kind: input.kind,
        kpi_id: kpiId,
        parameters: JSON.stringify(input.parameters),
        severity: input.severity,
        recipients: JSON.stringify(input.recipients),
        enabled: input.enabled,
        check_every: input.checkEvery,
        created_by: access.actor.kind === "user" ? access.actor.userId : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (input.enabled) await scheduleRuleCheck(tx, workspaceId, id, 1, firstCheckAt);
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "alert_rule.create",
      targetType: "alert_rule",
      targetId: id,
      outcome: "success",
      details: { name: input.name, kind: input.kind, kpiId, createdBy: actorId(access.actor) },
      requestId: ctx.requestId,
    });
  });
  return toAlertRule(await findAlertRule(db, workspaceId, id));
}

/**
 * Changes a rule; new parameters are checked against its kind (which never changes) and replace the
 * old ones. Every change starts a new schedule (older scheduled checks become no-ops) with a check at
 * once; a changed condition starts over with the state `ok`, so a violation fires anew.
 */
export async function updateAlertRule(
  ctx: WorkspaceContext,
  id: string,
  input: TUpdateAlertRule,
  now = new Date(),
): Promise<TAlertRule> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const row = await findAlertRule(db, workspaceId, id);
  let parameters: unknown = row.parameters;
  if (input.parameters !== undefined) {
    const parsed = PARAMETER_SCHEMAS[row.kind].safeParse(input.parameters);
    if (!parsed.success) {
      const errors = issuesToErrors("/body/parameters", parsed.error.issues);
      throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
        errors,
      });
    }
    parameters = parsed.data;
  }
  if (input.kpiId !== undefined && row.kind === "topic")
    throw new AppError("validation_failed", "a topic rule has no KPI", {
      errors: [{ pointer: "/body/kpiId", code: "not_allowed", message: "a topic rule has no KPI" }],
    });
  await checkAlertRuleReferences(db, workspaceId, { kpiId: input.kpiId, recipients: input.recipients });
  // Sending the same parameters or KPI again (as a form does) keeps the episode.
  const conditionChanged =
    (input.parameters !== undefined && sameJson(parameters, row.parameters) === false) ||
    (input.kpiId !== undefined && input.kpiId !== row.kpi_id);
  const enabled = input.enabled ?? row.enabled;
  await db.transaction().execute(async (tx) => {
    const version = row.schedule_version + 1;
    await tx
      .updateTable("alert_rules")
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.severity !== undefined && { severity: input.severity }),
        ...(input.recipients !== undefined && { recipients: JSON.stringify(input.recipients) }),
        ...(input.enabled !== undefined && { enabled: input.enabled }),
        ...(input.checkEvery !== undefined && { check_every: input.checkEvery }),
        ...(input.kpiId !== undefined && { kpi_id: input.kpiId }),
        ...(input.parameters !== undefined && { parameters: JSON.stringify(parameters) }),
        ...(conditionChanged && { last_state: "ok" as const, last_result: null, last_value: null }),
        schedule_version: version,
        updated_at: now,
      })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .execute();
    await scheduleRuleCheck(tx, workspaceId, id, version, enabled ? now : null);
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "alert_rule.update",
      targetType: "alert_rule",
      targetId: id,
      outcome: "success",
      details: { changed: Object.keys(input) },
      requestId: ctx.requestId,
    });
  });
  return toAlertRule(await findAlertRule(db, workspaceId, id));
}

/** Deletes a rule; its scheduled check finds no rule and does nothing. Its alerts stay. */
export async function deleteAlertRule(ctx: WorkspaceContext, id: string): Promise<void> {
  const { db, access } = ctx;
  const row = await findAlertRule(db, access.workspaceId, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("alert_rules")
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "alert_rule.delete",
      targetType: "alert_rule",
      targetId: id,
      outcome: "success",
      details: { name: row.name, kind: row.kind },
      requestId: ctx.requestId,
    });
  });
}

/** The workspace's rules in creation order (cursor pages). */
export async function listAlertRules(
  ctx: WorkspaceContext,
  query: TAlertRuleListQuery,
): Promise<Page<TAlertRule>> {
  const after = decodeCursor(query.cursor);
  let q = ruleQuery(ctx.db, ctx.access.workspaceId);
  if (query.kind) q = q.where("r.kind", "=", query.kind);
  if (after) q = q.where("r.id", ">", after);
  const rows = (await q
    .orderBy("r.id")
    .limit(query.limit + 1)
    .execute()) as AlertRuleRow[];
  return toPage(rows, query.limit, (r) => r.id, toAlertRule);
}

export async function getAlertRule(ctx: WorkspaceContext, id: string): Promise<TAlertRule> {
  return toAlertRule(await findAlertRule(ctx.db, ctx.access.workspaceId, id));
}

/**
 * Dry run of an unsaved rule: what it would find now (value, n, status), raising and storing
 * nothing. A topic rule looks at the emerging-topic alerts of the last 7 days.
 */
export async function previewAlertRule(
  ctx: ReportContext,
  input: TCreateAlertRule,
  now = new Date(),
): Promise<TRuleCheck> {
  const kpiId = input.kind === "topic" ? null : input.kpiId;
  await checkAlertRuleReferences(ctx.db, ctx.access.workspaceId, { kpiId, recipients: input.recipients });
  const draft = { kind: input.kind, parsed: input.parameters, kpi_id: kpiId } as RuleToCheck;
  return measureRule(ctx, draft, now);
}

/** The alerts a rule raised, newest first (cursor pages); they stay when the rule is deleted. */
export async function listRuleAlerts(
  ctx: WorkspaceContext,
  ruleId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<TAlert>> {
  const workspaceId = ctx.access.workspaceId;
  await findAlertRule(ctx.db, workspaceId, ruleId);
  const before = decodeCursor(query.cursor);
  let q = ctx.db
    .selectFrom("alerts")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where(sql<string>`details->>'ruleId'`, "=", ruleId);
  if (before) q = q.where("id", "<", before);
  const rows = await q
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => r.id, toAlert);
}

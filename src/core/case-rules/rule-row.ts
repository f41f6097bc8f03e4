import type { Selectable } from "kysely";
import type { Db } from "../db/connect.js";
import type { CaseRulesTable } from "../db/schema.js";
import { AppError, type FieldError, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { loadJourney } from "../journeys/load-journey.js";
import {
  CONDITION_SCHEMAS,
  type TCaseRule,
  type TCaseRuleKind,
  type TEventCondition,
  type TFeedbackCondition,
  type TRepeatContactsCondition,
  type TStuckCondition,
} from "./case-rules.schema.js";

export type CaseRuleRecord = Selectable<CaseRulesTable>;

/** A stored rule with its condition parsed for its kind. */
export type LoadedRule =
  | (CaseRuleRecord & { kind: "feedback"; parsed: TFeedbackCondition })
  | (CaseRuleRecord & { kind: "event"; parsed: TEventCondition })
  | (CaseRuleRecord & { kind: "repeat_contacts"; parsed: TRepeatContactsCondition })
  | (CaseRuleRecord & { kind: "stuck"; parsed: TStuckCondition });

export function toCaseRule(r: CaseRuleRecord): TCaseRule {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    condition: r.condition as Record<string, unknown>,
    enabled: r.enabled,
    priority: r.priority,
    touchpointId: r.touchpoint_id,
    journeyId: r.journey_id,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function findRuleRow(db: Db, workspaceId: string, id: string): Promise<CaseRuleRecord> {
  if (!isUuid(id)) throw notFound("Case rule");
  const row = await db
    .selectFrom("case_rules")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Case rule");
  return row;
}

/** Parses a stored rule; a rule whose stored condition no longer parses is left out (never throws). */
export function loadRule(r: CaseRuleRecord): LoadedRule | undefined {
  const parsed = CONDITION_SCHEMAS[r.kind].safeParse(r.condition);
  return parsed.success ? ({ ...r, parsed: parsed.data } as LoadedRule) : undefined;
}

/** The workspace's enabled rules of these kinds, most urgent first, then oldest. */
export async function enabledRules(db: Db, workspaceId: string, kinds: readonly TCaseRuleKind[]) {
  const rows = await db
    .selectFrom("case_rules")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("kind", "in", kinds)
    .where("enabled", "=", true)
    .orderBy("id")
    .execute();
  const rank = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
  return rows
    .map(loadRule)
    .filter((r): r is LoadedRule => r !== undefined)
    .sort((a, b) => rank[a.priority] - rank[b.priority]);
}

/**
 * Checks a rule's links in this workspace: its touchpoint and journey exist, a stuck rule has a
 * journey and its stage targets name stages of it. Throws a 400 naming each bad field.
 */
export async function checkRuleReferences(
  db: Db,
  workspaceId: string,
  rule: { kind: TCaseRuleKind; condition: unknown; touchpointId: string | null; journeyId: string | null },
): Promise<void> {
  const errors: FieldError[] = [];
  if (rule.touchpointId) {
    const tp = await db
      .selectFrom("touchpoints")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", rule.touchpointId)
      .executeTakeFirst();
    if (!tp)
      errors.push({
        pointer: "/body/touchpointId",
        code: "unknown_reference",
        message: "no such touchpoint",
      });
  }
  let stageIds: Set<string> | undefined;
  if (rule.journeyId) {
    try {
      const journey = await loadJourney(db, workspaceId, rule.journeyId);
      stageIds = new Set(journey.document.stages.map((s) => s.id));
    } catch {
      errors.push({ pointer: "/body/journeyId", code: "unknown_reference", message: "no such journey" });
    }
  }
  if (rule.kind === "stuck") {
    if (!rule.journeyId)
      errors.push({ pointer: "/body/journeyId", code: "required", message: "a stuck rule needs a journey" });
    const targets = (rule.condition as TStuckCondition).stageTargets ?? [];
    targets.forEach((t, i) => {
      if (stageIds && !stageIds.has(t.stageId))
        errors.push({
          pointer: `/body/condition/stageTargets/${i}/stageId`,
          code: "unknown_reference",
          message: "no such stage in the journey",
        });
    });
  }
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
      errors,
    });
}

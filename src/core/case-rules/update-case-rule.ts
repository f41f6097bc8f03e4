import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { issuesToErrors } from "../journeys/document.js";
import { CONDITION_SCHEMAS, type TCaseRule, type TUpdateCaseRule } from "./case-rules.schema.js";
import { checkRuleReferences, findRuleRow, toCaseRule } from "./rule-row.js";

/** Changes a rule; a new condition is validated against the rule's kind (which never changes). */
export async function updateCaseRule(
  ctx: WorkspaceContext,
  id: string,
  input: TUpdateCaseRule,
): Promise<TCaseRule> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const row = await findRuleRow(db, workspaceId, id);
  let condition: unknown = row.condition;
  if (input.condition !== undefined) {
    const parsed = CONDITION_SCHEMAS[row.kind].safeParse(input.condition);
    if (!parsed.success) {
      const errors = issuesToErrors("/body/condition", parsed.error.issues);
      throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
        errors,
      });
    }
    condition = parsed.data;
  }
  const touchpointId = input.touchpointId === undefined ? row.touchpoint_id : input.touchpointId;
  const journeyId = input.journeyId === undefined ? row.journey_id : input.journeyId;
  await checkRuleReferences(db, workspaceId, { kind: row.kind, condition, touchpointId, journeyId });
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("case_rules")
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.enabled !== undefined && { enabled: input.enabled }),
        ...(input.priority !== undefined && { priority: input.priority }),
        ...(input.condition !== undefined && { condition: JSON.stringify(condition) }),
        touchpoint_id: touchpointId,
        journey_id: journeyId,
        updated_at: new Date(),
      })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "case_rule.update",
      targetType: "case_rule",
      targetId: id,
      outcome: "success",
      details: { changed: Object.keys(input) },
      requestId: ctx.requestId,
    });
  });
  return toCaseRule(await findRuleRow(db, workspaceId, id));
}

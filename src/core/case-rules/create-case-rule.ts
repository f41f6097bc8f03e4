import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { uuidv7 } from "../ids.js";
import { actorId } from "../permissions/index.js";
import type { TCaseRule, TCreateCaseRule } from "./case-rules.schema.js";
import { checkRuleReferences, findRuleRow, toCaseRule } from "./rule-row.js";

/** Creates a case rule; it applies to signals arriving from now on (the dry run shows past ones). */
export async function createCaseRule(ctx: WorkspaceContext, input: TCreateCaseRule): Promise<TCaseRule> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  await checkRuleReferences(db, workspaceId, input);
  const id = uuidv7();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("case_rules")
      .values({
        id,
        workspace_id: workspaceId,
        name: input.name,
        kind: input.kind,
        condition: JSON.stringify(input.condition),
        enabled: input.enabled,
        priority: input.priority,
        touchpoint_id: input.touchpointId,
        journey_id: input.journeyId,
        created_by: actorId(access.actor),
      })
      .execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "case_rule.create",
      targetType: "case_rule",
      targetId: id,
      outcome: "success",
      details: { name: input.name, kind: input.kind, enabled: input.enabled },
      requestId: ctx.requestId,
    });
  });
  return toCaseRule(await findRuleRow(db, workspaceId, id));
}

import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { findRuleRow } from "./rule-row.js";

/** Deletes a rule; the cases and signals it raised stay (their rule id then names no rule). */
export async function deleteCaseRule(ctx: WorkspaceContext, id: string): Promise<void> {
  const { db, access } = ctx;
  const row = await findRuleRow(db, access.workspaceId, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("case_rules")
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "case_rule.delete",
      targetType: "case_rule",
      targetId: id,
      outcome: "success",
      details: { name: row.name, kind: row.kind },
      requestId: ctx.requestId,
    });
  });
}

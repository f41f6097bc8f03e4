import type { Updateable } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { SurveyTriggersTable } from "../db/schema.js";
import { invalid } from "../errors.js";
import { findTriggerRow, matcherColumn, type StoredTarget, toTrigger } from "./trigger-row.js";
import type { TTrigger, TUpdateTrigger } from "./triggers.schema.js";

/** PATCH semantics; a new target keeps the signing secret, so receivers need no change. */
export async function updateTrigger(
  ctx: WorkspaceContext,
  id: string,
  input: TUpdateTrigger,
): Promise<TTrigger> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const row = await findTriggerRow(db, workspaceId, id);
  const stored = row.target as unknown as StoredTarget;
  const channel = input.channel ?? row.channel;
  if (channel === "webhook" && (input.target ?? stored).url === undefined)
    throw invalid("/body/target/url", "a webhook trigger needs target.url", "required");
  const set: Updateable<SurveyTriggersTable> = { updated_at: new Date() };
  if (input.name !== undefined) set.name = input.name;
  if (input.matcher !== undefined) set.matcher = matcherColumn(input.matcher);
  if (input.delaySeconds !== undefined) set.delay_seconds = input.delaySeconds;
  if (input.channel !== undefined) set.channel = input.channel;
  if (input.sampleRate !== undefined) set.sample_rate = input.sampleRate;
  if (input.enabled !== undefined) set.enabled = input.enabled;
  if (input.target !== undefined) {
    set.target = JSON.stringify({ ...input.target, secret: stored.secret });
  }
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("survey_triggers")
      .set(set)
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "survey.trigger.update",
      targetType: "survey_trigger",
      targetId: id,
      outcome: "success",
      details: { fields: Object.keys(input).filter((k) => input[k as keyof TUpdateTrigger] !== undefined) },
      requestId: ctx.requestId,
    });
  });
  return toTrigger(await findTriggerRow(db, workspaceId, id));
}

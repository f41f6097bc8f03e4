import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { uuidv7 } from "../ids.js";
import { generateWebhookSecret } from "../webhooks/sign.js";
import { requireSurvey } from "./survey-row.js";
import { findTriggerRow, matcherColumn, toTrigger } from "./trigger-row.js";
import type { TCreateTrigger, TTrigger } from "./triggers.schema.js";

/** Creates an invitation trigger with a fresh signing secret, returned in full this once. */
export async function createTrigger(
  ctx: WorkspaceContext,
  surveyId: string,
  input: TCreateTrigger,
): Promise<TTrigger> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  await requireSurvey(db, workspaceId, surveyId);
  const matcher = matcherColumn(input.matcher);
  const id = uuidv7();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("survey_triggers")
      .values({
        id,
        workspace_id: workspaceId,
        survey_id: surveyId,
        name: input.name,
        matcher,
        delay_seconds: input.delaySeconds,
        channel: input.channel,
        target: JSON.stringify({ ...input.target, secret: generateWebhookSecret() }),
        sample_rate: input.sampleRate,
        enabled: input.enabled,
      })
      .execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "survey.trigger.create",
      targetType: "survey_trigger",
      targetId: id,
      outcome: "success",
      details: { surveyId, name: input.name, channel: input.channel, url: input.target.url },
      requestId: ctx.requestId,
    });
  });
  return toTrigger(await findTriggerRow(db, workspaceId, id), { revealSecret: true });
}

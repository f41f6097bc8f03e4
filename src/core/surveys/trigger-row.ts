import type { Selectable } from "kysely";
import type { Db } from "../db/connect.js";
import type { SurveyTriggersTable } from "../db/schema.js";
import { AppError, notFound } from "../errors.js";
import { expressionError } from "../expressions/validate.js";
import { isUuid } from "../ids.js";
import { maskSecret } from "../webhooks/sign.js";
import type { TTrigger } from "./triggers.schema.js";

export type TriggerRecord = Selectable<SurveyTriggersTable>;

/** What the target column holds: the receiver and the signing secret. */
export interface StoredTarget {
  /** Absent for an e-mail trigger that sends through the workspace's SMTP server. */
  url?: string;
  secret: string;
  subject?: { de?: string; en?: string };
}

export function toTrigger(r: TriggerRecord, options: { revealSecret?: boolean } = {}): TTrigger {
  const target = r.target as unknown as StoredTarget;
  return {
    id: r.id,
    surveyId: r.survey_id,
    name: r.name,
    matcher: r.matcher.where
      ? { event: r.matcher.event, where: r.matcher.where }
      : { event: r.matcher.event },
    delaySeconds: r.delay_seconds,
    channel: r.channel,
    target: { ...target, secret: options.revealSecret ? target.secret : maskSecret(target.secret) },
    sampleRate: Number(r.sample_rate),
    enabled: r.enabled,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function findTriggerRow(db: Db, workspaceId: string, id: string): Promise<TriggerRecord> {
  if (!isUuid(id)) throw notFound("Trigger");
  const row = await db
    .selectFrom("survey_triggers")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Trigger");
  return row;
}

/** The stored matcher: a parsed condition or none (an empty one is none). */
export function matcherColumn(matcher: { event: string; where?: string | undefined }): string {
  const where = matcher.where?.trim();
  if (where) {
    const error = expressionError(where, "/body/matcher/where");
    if (error)
      throw new AppError("validation_failed", `${error.pointer}: ${error.message}`, { errors: [error] });
  }
  return JSON.stringify(where ? { event: matcher.event, where } : { event: matcher.event });
}

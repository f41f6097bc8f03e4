import type { Selectable } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import { sha256 } from "../auth/secrets.js";
import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import type { Language, SurveyLinksTable } from "../db/schema.js";
import { randomToken, uuidv7 } from "../ids.js";
import type { TCreatedLink, TCreateLink, TLink } from "./links.schema.js";
import { requireSurvey } from "./survey-row.js";

export interface NewLink {
  workspaceId: string;
  surveyId: string;
  customerId: string | null;
  hidden: Record<string, string>;
  language: Language | null;
  singleUse: boolean;
  expiresAt: Date | null;
  invitationId: string | null;
}

/** The respondent URL of a link: the hosted page reads the token from `t`. */
export const linkUrl = (publicUrl: string, surveyId: string, token: string) =>
  `${publicUrl.replace(/\/+$/, "")}/s/${surveyId}?t=${encodeURIComponent(token)}`;

export function toLink(r: Selectable<SurveyLinksTable>): TLink {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: r.id,
    surveyId: r.survey_id,
    customerId: r.customer_id,
    hidden: r.hidden,
    language: r.language,
    singleUse: r.single_use,
    expiresAt: iso(r.expires_at),
    usedAt: iso(r.used_at),
    invitationId: r.invitation_id,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Stores a link with a fresh 256-bit token (hashed) and returns the row and the token. */
export async function insertLink(db: Db, link: NewLink) {
  const token = randomToken();
  const row = await db
    .insertInto("survey_links")
    .values({
      id: uuidv7(),
      workspace_id: link.workspaceId,
      survey_id: link.surveyId,
      token_hash: sha256(token),
      customer_id: link.customerId,
      hidden: JSON.stringify(link.hidden),
      language: link.language,
      single_use: link.singleUse,
      expires_at: link.expiresAt,
      invitation_id: link.invitationId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, token };
}

/** A personal survey link (single-use by default) carrying a customer id and hidden fields. */
export async function createLink(
  ctx: WorkspaceContext & { publicUrl: string },
  surveyId: string,
  input: TCreateLink,
): Promise<TCreatedLink> {
  const { db, access } = ctx;
  await requireSurvey(db, access.workspaceId, surveyId);
  const created = await db.transaction().execute(async (tx) => {
    const made = await insertLink(tx, {
      workspaceId: access.workspaceId,
      surveyId,
      customerId: input.customerId ?? null,
      hidden: input.hidden ?? {},
      language: input.language ?? null,
      singleUse: input.singleUse,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      invitationId: null,
    });
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "survey.link.create",
      targetType: "survey_link",
      targetId: made.row.id,
      outcome: "success",
      details: { surveyId, customerId: input.customerId ?? null, singleUse: input.singleUse },
      requestId: ctx.requestId,
    });
    return made;
  });
  return {
    ...toLink(created.row),
    token: created.token,
    url: linkUrl(ctx.publicUrl, surveyId, created.token),
  };
}

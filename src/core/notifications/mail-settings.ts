import type { Selectable } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { MailConfig } from "../config.js";
import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import type { MailSettingsTable } from "../db/schema.js";
import { invalid } from "../errors.js";
import type { TMailSettings, TUpdateMailSettings } from "./notifications.schema.js";

type Row = Selectable<MailSettingsTable>;

export async function mailSettingsRow(db: Db, workspaceId: string): Promise<Row | undefined> {
  return db
    .selectFrom("mail_settings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}

function toSettings(row: Row | undefined, config: MailConfig | undefined): TMailSettings {
  return {
    enabled: row?.enabled ?? false,
    host: row?.host ?? null,
    port: row?.port ?? null,
    security: row?.security ?? "starttls",
    username: row?.username ?? null,
    passwordSet: Boolean(row?.password),
    fromAddress: row?.from_address ?? null,
    installationFallback: Boolean(config?.smtpUrl),
  };
}

export async function getMailSettings(ctx: WorkspaceContext, config: MailConfig | undefined) {
  return toSettings(await mailSettingsRow(ctx.db, ctx.access.workspaceId), config);
}

/**
 * PUT /mail-settings. Enabling e-mail needs somewhere to send it: a host of the workspace's own or
 * the installation's SMTP server. The password is write-only: omitted keeps it, null removes it.
 */
export async function updateMailSettings(
  ctx: WorkspaceContext,
  config: MailConfig | undefined,
  input: TUpdateMailSettings,
): Promise<TMailSettings> {
  const { db, access } = ctx;
  if (input.enabled && !input.host && !config?.smtpUrl)
    throw invalid("/body/host", "an SMTP host is required: this installation has no SMTP server of its own");
  if (input.host === null && input.username !== null)
    throw invalid("/body/username", "a user name needs a host of the workspace's own");
  const values = {
    enabled: input.enabled,
    host: input.host,
    port: input.port,
    security: input.security,
    username: input.username,
    ...(input.password !== undefined && { password: input.password === "" ? null : input.password }),
    from_address: input.fromAddress,
    updated_at: new Date(),
  };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("mail_settings")
      .values({ workspace_id: access.workspaceId, ...values })
      .onConflict((oc) => oc.column("workspace_id").doUpdateSet(values))
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "mail.settings",
      targetType: "workspace",
      targetId: access.workspaceId,
      outcome: "success",
      details: {
        enabled: input.enabled,
        host: input.host,
        port: input.port,
        security: input.security,
        passwordChanged: input.password !== undefined,
      },
      requestId: ctx.requestId,
    });
  });
  return getMailSettings(ctx, config);
}

import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import nodemailer from "nodemailer";
import type { MailConfig } from "../config.js";
import type { Db } from "../db/connect.js";
import { isPrivateAddress } from "../webhooks/post-webhook.js";
import type { RenderedMail } from "./mail-render.js";
import { mailSettingsRow } from "./mail-settings.js";

export class MailError extends Error {
  constructor(
    message: string,
    /** False when retrying cannot help (no SMTP server configured, a refused address). */
    readonly retryable = true,
  ) {
    super(message);
    this.name = "MailError";
  }
}

export interface MailSendOptions {
  mail: MailConfig | undefined;
  /** Whether workspace SMTP hosts may be private or loopback addresses (installation setting). */
  allowPrivateAddresses: boolean;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_FROM = "Journeylens <journeylens@localhost>";

type SmtpOptions = Parameters<typeof nodemailer.createTransport>[0] & object;

/**
 * Where the workspace's mail goes: its own SMTP host, else the installation's server. A workspace
 * host must not resolve to a private or loopback address (like webhooks, docs/api/webhooks.md §5)
 * unless the installation or the workspace owner allows private targets; it is connected to by the
 * checked address, so a second DNS answer cannot redirect it.
 */
async function smtpTarget(
  db: Db,
  workspaceId: string,
  options: MailSendOptions,
): Promise<{ options: SmtpOptions; from: string }> {
  const row = await mailSettingsRow(db, workspaceId);
  const timeout = options.mail?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeouts = { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout };
  const from = row?.from_address ?? options.mail?.from ?? DEFAULT_FROM;
  if (!row?.host) {
    if (!options.mail?.smtpUrl) throw new MailError("no SMTP server is configured", false);
    return { options: { url: options.mail.smtpUrl, ...timeouts } as SmtpOptions, from };
  }
  const host = row.host.replace(/^\[|\]$/g, "");
  const address = isIP(host) ? host : (await lookup(host)).address;
  if (
    isPrivateAddress(address) &&
    !options.allowPrivateAddresses &&
    !(await workspaceAllowsPrivate(db, workspaceId))
  )
    throw new MailError(`SMTP host ${row.host} resolves to the private address ${address}`, false);
  return {
    from,
    options: {
      host: address,
      port: row.port ?? (row.security === "tls" ? 465 : 587),
      secure: row.security === "tls",
      requireTLS: row.security === "starttls",
      ignoreTLS: row.security === "none",
      ...(row.username && { auth: { user: row.username, pass: row.password ?? "" } }),
      tls: { servername: isIP(host) ? undefined : host },
      ...timeouts,
    },
  };
}

async function workspaceAllowsPrivate(db: Db, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom("webhook_settings")
    .select("allow_private_targets")
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row?.allow_private_targets === true;
}

/** Sends one e-mail (text and HTML) through the workspace's SMTP server; throws on any failure. */
export async function sendMail(
  db: Db,
  workspaceId: string,
  options: MailSendOptions,
  message: RenderedMail & { to: string; messageId?: string },
): Promise<string> {
  const target = await smtpTarget(db, workspaceId, options);
  const transport = nodemailer.createTransport(target.options);
  try {
    const info = await transport.sendMail({
      from: target.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      ...(message.messageId && { messageId: message.messageId }),
    });
    return info.messageId;
  } finally {
    transport.close();
  }
}

import type { WorkspaceContext } from "../context.js";
import { invalid } from "../errors.js";
import { asLocale, renderTestMail } from "./mail-render.js";
import type { TMailTest, TMailTestResult } from "./notifications.schema.js";
import { type MailSendOptions, sendMail } from "./send-mail.js";

/**
 * POST /mail-settings/test: sends one e-mail now with the stored settings (enabled or not, so they
 * can be tried before switching e-mail on) and answers whether the SMTP server accepted it. Not retried.
 */
export async function sendTestMail(
  ctx: WorkspaceContext,
  options: MailSendOptions,
  input: TMailTest,
): Promise<TMailTestResult> {
  const actor = ctx.access.actor;
  const user =
    actor.kind === "user"
      ? await ctx.db
          .selectFrom("users")
          .select(["email", "locale"])
          .where("id", "=", actor.userId)
          .executeTakeFirst()
      : undefined;
  const to = input.to ?? user?.email;
  if (!to) throw invalid("/body/to", "a recipient is required when an API key sends the test");
  try {
    await sendMail(ctx.db, ctx.access.workspaceId, options, {
      ...renderTestMail(asLocale(user?.locale)),
      to,
    });
    return { delivered: true, to, error: null };
  } catch (e) {
    return { delivered: false, to, error: e instanceof Error ? e.message : String(e) };
  }
}

import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { enqueue } from "../outbox/enqueue.js";
import type { TRemindResult } from "./gap.schema.js";
import { findRoundRow } from "./round-row.js";

export const GAP_REMINDER_TOPIC = "gap.reminder";

export interface ReminderPayload {
  reminderId: string;
}

/**
 * Enqueues one reminder per owner with open assessments in an open round, through the outbox (the
 * worker mails it through the round's relay, else raises an in-app alert). Open assessments without
 * an owner have nobody to remind and are skipped.
 */
export async function remindRound(ctx: WorkspaceContext, id: string): Promise<TRemindResult> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const round = await findRoundRow(db, workspaceId, id);
  if (round.status !== "open") throw new AppError("conflict", "the round is closed; nobody needs a reminder");
  const channel = round.reminder_relay ? "email" : "alert";
  const owners = await db
    .selectFrom("assessments")
    .select((eb) => ["owner_user_id", eb.fn.countAll<string>().as("open")])
    .where("workspace_id", "=", workspaceId)
    .where("round_id", "=", id)
    .where("answered_at", "is", null)
    .where("owner_user_id", "is not", null)
    .groupBy("owner_user_id")
    .orderBy("owner_user_id")
    .execute();
  const reminders = owners.map((o) => ({ id: uuidv7(), userId: o.owner_user_id, open: Number(o.open) }));
  await db.transaction().execute(async (tx) => {
    for (const r of reminders) {
      await tx
        .insertInto("assessment_reminders")
        .values({
          id: r.id,
          workspace_id: workspaceId,
          round_id: id,
          user_id: r.userId,
          open_count: r.open,
          channel,
          status: "scheduled",
          error: null,
          sent_at: null,
        })
        .execute();
      await enqueue(tx, {
        workspaceId,
        topic: GAP_REMINDER_TOPIC,
        payload: { reminderId: r.id } satisfies ReminderPayload,
      });
    }
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "assessment_round.remind",
      targetType: "assessment_round",
      targetId: id,
      outcome: "success",
      details: { reminders: reminders.length, channel },
      requestId: ctx.requestId,
    });
  });
  return { reminders, channel };
}

const STRINGS = {
  de: {
    subject: (title: string) => `Erinnerung: Ihre Einschätzung für „${title}“`,
    greeting: (name: string) => `Guten Tag ${name},`,
    ask: (n: number) =>
      n === 1
        ? "ein Touchpoint wartet noch auf Ihre Einschätzung aus Kundensicht."
        : `${n} Touchpoints warten noch auf Ihre Einschätzung aus Kundensicht.`,
    due: (d: string) => `Bitte antworten Sie bis ${d}.`,
    button: "Zur Einschätzung",
  },
  en: {
    subject: (title: string) => `Reminder: your assessment for "${title}"`,
    greeting: (name: string) => `Hello ${name},`,
    ask: (n: number) =>
      n === 1
        ? "one touchpoint still waits for your assessment from the customer's point of view."
        : `${n} touchpoints still wait for your assessment from the customer's point of view.`,
    due: (d: string) => `Please answer by ${d}.`,
    button: "Open the assessment",
  },
} as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** The reminder e-mail in the owner's language: plain text and an equivalent, escaped HTML part. */
export function renderReminderEmail(input: {
  language: string;
  name: string;
  roundTitle: string;
  open: number;
  dueAt: Date | null;
  url: string;
}): { subject: string; text: string; html: string } {
  const lang = input.language.startsWith("de") ? "de" : "en";
  const s = STRINGS[lang];
  const due = input.dueAt
    ? s.due(input.dueAt.toLocaleDateString(lang === "de" ? "de-DE" : "en-GB", { timeZone: "Europe/Berlin" }))
    : null;
  const lines = [s.greeting(input.name), "", s.ask(input.open), ...(due ? [due] : []), "", input.url];
  const html = [
    `<p>${escapeHtml(s.greeting(input.name))}</p>`,
    `<p>${escapeHtml(s.ask(input.open))}${due ? ` ${escapeHtml(due)}` : ""}</p>`,
    `<p><a href="${escapeHtml(input.url)}">${escapeHtml(s.button)}</a></p>`,
  ].join("\n");
  return { subject: s.subject(input.roundTitle), text: lines.join("\n"), html };
}

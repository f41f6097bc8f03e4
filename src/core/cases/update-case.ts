import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { loadCase, requireCase } from "./case-row.js";
import { CASE_OPEN_STATUSES, type TCase, type TUpdateCase } from "./cases.schema.js";
import { scheduleSlaCheck, slaDueAt } from "./sla.js";
import { applySlaPause } from "./sla-pause.js";
import { addTimeline, timelineActor } from "./timeline.js";

const isOpen = (s: string) => (CASE_OPEN_STATUSES as readonly string[]).includes(s);

/**
 * PATCH /cases/{id}: status (open statuses or closed; resolving goes through /resolve; waiting for
 * the customer stops the SLA clock), priority (moves the SLA due time from the opening, plus the time
 * waited) and title. A closed case is final; reopening a resolved
 * one fails with 409 when the customer already has another open case of that journey instance.
 */
export async function updateCase(
  ctx: WorkspaceContext,
  caseId: string,
  input: TUpdateCase,
  now: Date = new Date(),
): Promise<TCase> {
  const ws = ctx.access.workspaceId;
  await ctx.db.transaction().execute(async (tx) => {
    const c = await requireCase(tx, ws, caseId, true);
    if (c.status === "closed") throw new AppError("conflict", "A closed case cannot change");
    const base = { workspaceId: ws, caseId, at: now, ...timelineActor(ctx.access) };
    if (input.title !== undefined && input.title !== c.title) {
      await tx.updateTable("cases").set({ title: input.title }).where("id", "=", caseId).execute();
      await addTimeline(tx, { ...base, kind: "title", data: { from: c.title, to: input.title } });
    }
    if (input.priority !== undefined && input.priority !== c.priority) {
      // Time spent waiting for the customer still does not count.
      const opened = new Date(c.opened_at).getTime() + Number(c.sla_paused_ms);
      const dueAt = await slaDueAt(tx, ws, input.priority, new Date(opened));
      await tx
        .updateTable("cases")
        .set({ priority: input.priority, due_at: dueAt })
        .where("id", "=", caseId)
        .execute();
      await addTimeline(tx, {
        ...base,
        kind: "priority",
        data: { from: c.priority, to: input.priority, dueAt: dueAt.toISOString() },
      });
      if (isOpen(c.status) && c.sla_paused_at === null)
        await scheduleSlaCheck(tx, ws, caseId, c.sla_breached_at === null ? dueAt : now);
    }
    if (input.status !== undefined && input.status !== c.status) {
      const reopen = !isOpen(c.status) && isOpen(input.status);
      try {
        await tx
          .updateTable("cases")
          .set({
            status: input.status,
            ...(input.status === "closed" && { closed_at: now }),
            ...(reopen && { resolved_at: null }),
          })
          .where("id", "=", caseId)
          .execute();
      } catch (e) {
        if ((e as { code?: string }).code === "23505")
          throw new AppError(
            "conflict",
            "The customer already has another open case for this journey instance",
          );
        throw e;
      }
      const pause = await applySlaPause(
        tx,
        await requireCase(tx, ws, caseId),
        input.status,
        now,
        isOpen(input.status),
      );
      await addTimeline(tx, {
        ...base,
        kind: "status",
        data: {
          from: c.status,
          to: input.status,
          ...(pause.paused && { slaPaused: true }),
          ...(pause.resumedAfterMs !== null && {
            slaPausedMinutes: Math.round(pause.resumedAfterMs / 60_000),
          }),
        },
      });
      if (reopen) await scheduleSlaCheck(tx, ws, caseId, now);
    }
    await tx
      .updateTable("cases")
      .set({ last_activity_at: now, updated_at: now })
      .where("id", "=", caseId)
      .execute();
  });
  return loadCase(ctx.db, ws, caseId);
}

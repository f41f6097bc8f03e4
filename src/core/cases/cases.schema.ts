import { z } from "zod";
import type { CasePriority, CaseStatus } from "../db/schema.js";
import { ZPageQuery } from "../pagination.js";

export const CASE_STATUSES = [
  "new",
  "in_progress",
  "waiting_customer",
  "waiting_internal",
  "resolved",
  "closed",
] as const satisfies readonly CaseStatus[];
export const CASE_OPEN_STATUSES = ["new", "in_progress", "waiting_customer", "waiting_internal"] as const;
/** The predicate of the partial unique index `cases_one_open` (migration 0010), verbatim for ON CONFLICT. */
export const OPEN_CASE_PREDICATE =
  "status in ('new','in_progress','waiting_customer','waiting_internal') and customer_id is not null";
export const CASE_PRIORITIES = ["low", "normal", "high", "urgent"] as const satisfies readonly CasePriority[];
export type TCaseStatus = (typeof CASE_STATUSES)[number];
export type TCasePriority = (typeof CASE_PRIORITIES)[number];

/** Minutes to resolve per priority when the workspace has not set its own. */
export const DEFAULT_SLA_MINUTES: Record<TCasePriority, number> = {
  urgent: 4 * 60,
  high: 24 * 60,
  normal: 3 * 24 * 60,
  low: 7 * 24 * 60,
};

const ZShort = z.string().trim().min(1).max(80);

export const ZCase = z.object({
  id: z.string(),
  title: z.string(),
  customerId: z.string().nullable(),
  journeyId: z.string().nullable(),
  instanceKey: z.string(),
  touchpointId: z.string().nullable(),
  stepId: z.string().nullable(),
  channel: z.string().nullable(),
  aspect: z.string().nullable(),
  segment: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(CASE_PRIORITIES),
  assigneeUserId: z.string().nullable(),
  teamId: z.string().nullable(),
  /** 0 = none, 1 = the team lead, 2 = the journey owner. */
  escalationLevel: z.number().int(),
  escalatedToUserId: z.string().nullable(),
  rootCause: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  followUpInvitationId: z.string().nullable(),
  openedAt: z.string(),
  dueAt: z.string(),
  slaBreachedAt: z.string().nullable(),
  /** Since when the SLA clock stands still (the case waits for the customer); null when running. */
  slaPausedAt: z.string().nullable(),
  lastActivityAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  watchers: z.array(z.object({ userId: z.string(), reason: z.string() })),
  signalCount: z.number().int(),
});
export type TCase = z.infer<typeof ZCase>;

export const ZTimelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorType: z.enum(["user", "api_key", "system"]),
  actorId: z.string().nullable(),
  /** created, signal, assigned, status, priority, comment, escalated, sla_breached, reassigned, resolved, follow_up, watcher. */
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;

export const ZCaseListQuery = ZPageQuery.extend({
  status: z.enum(CASE_STATUSES).optional(),
  open: z.enum(["true", "false"]).optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
  assigneeUserId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  journeyId: z.uuid().optional(),
  touchpointId: z.uuid().optional(),
  customerId: z.string().max(255).optional(),
  breached: z.enum(["true", "false"]).optional(),
  /** Cases one of whose signals came from this record: a feedback id, an event's message id. */
  signalRef: z.string().min(1).max(255).optional(),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;

export const ZCreateCase = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(2000).optional(),
  customerId: z.string().min(1).max(255).nullable().optional(),
  journeyId: z.uuid().nullable().optional(),
  instanceKey: z.string().max(255).nullable().optional(),
  touchpointId: z.uuid().nullable().optional(),
  stepId: z.string().max(100).nullable().optional(),
  channel: ZShort.nullable().optional(),
  aspect: ZShort.nullable().optional(),
  segment: ZShort.nullable().optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
});
export type TCreateCase = z.infer<typeof ZCreateCase>;

export const ZUpdateCase = z
  .object({
    status: z.enum(CASE_OPEN_STATUSES).or(z.literal("closed")).optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    title: z.string().trim().min(1).max(300).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "give at least one of status, priority, title");
export type TUpdateCase = z.infer<typeof ZUpdateCase>;

export const ZAssignCase = z
  .object({ userId: z.uuid().nullable().optional(), teamId: z.uuid().nullable().optional() })
  .refine((v) => v.userId !== undefined || v.teamId !== undefined, "give userId or teamId");
export type TAssignCase = z.infer<typeof ZAssignCase>;

export const ZCommentCase = z.object({ text: z.string().trim().min(1).max(5000) });
export const ZResolveCase = z.object({
  rootCause: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,59}$/, "a root-cause key: lowercase letters, digits and _")
    .describe("Root-cause category, e.g. process, product, communication, delivery, billing, staff"),
  note: z.string().trim().min(1).max(5000),
  /** Send the follow-up CSAT survey (when the workspace configured one); default true. */
  followUp: z.boolean().default(true),
});
export type TResolveCase = z.infer<typeof ZResolveCase>;

export const ZCaseSettings = z.object({
  slaMinutes: z.object(
    Object.fromEntries(CASE_PRIORITIES.map((p) => [p, z.number().int().min(1).max(525_600)])) as Record<
      TCasePriority,
      z.ZodNumber
    >,
  ),
  /** Reassign open cases without activity for this many minutes (round-robin in the team); null = never. */
  staleMinutes: z.number().int().min(5).max(525_600).nullable(),
  /** A survey trigger (webhook or e-mail) that sends the follow-up CSAT survey after resolution. */
  followUpTriggerId: z.uuid().nullable(),
});
export type TCaseSettings = z.infer<typeof ZCaseSettings>;
export const ZUpdateCaseSettings = z.object({
  slaMinutes: ZCaseSettings.shape.slaMinutes.partial().optional(),
  staleMinutes: ZCaseSettings.shape.staleMinutes.optional(),
  followUpTriggerId: ZCaseSettings.shape.followUpTriggerId.optional(),
});
export type TUpdateCaseSettings = z.infer<typeof ZUpdateCaseSettings>;

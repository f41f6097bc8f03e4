import { z } from "zod";
import { ZCase } from "./cases.schema.js";

export const ZQueueQuery = z.object({
  /** Whose queue; the caller's own by default (API keys must name a user). */
  userId: z.uuid().optional(),
  /** "Due soon" horizon in hours. */
  dueWithinHours: z.coerce.number().int().min(1).max(720).default(24),
});
export type TQueueQuery = z.infer<typeof ZQueueQuery>;

const ZCounts = z.object({ open: z.number().int(), breached: z.number().int(), dueSoon: z.number().int() });

export const ZQueue = z.object({
  userId: z.string(),
  counts: ZCounts,
  /** Open cases assigned to the user, most urgent SLA first (at most 200). */
  assigned: z.array(ZCase),
  /** Open cases the user watches (journey owner, escalations), most urgent first (at most 200). */
  watching: z.array(ZCase),
});
export type TQueue = z.infer<typeof ZQueue>;

export const ZTeamView = z.object({
  teamId: z.string(),
  counts: ZCounts,
  members: z.array(z.object({ userId: z.string(), open: z.number().int(), breached: z.number().int() })),
  unassigned: z.number().int(),
  cases: z.array(ZCase),
});
export type TTeamView = z.infer<typeof ZTeamView>;

export const ZCockpitQuery = z.object({ days: z.coerce.number().int().min(1).max(730).default(90) });
export type TCockpitQuery = z.infer<typeof ZCockpitQuery>;

export const ZCockpit = z.object({
  journeyId: z.string(),
  days: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  /** Cases per step (null = not tied to a step) and status, over cases opened in the window. */
  byStep: z.array(
    z.object({
      stepId: z.string().nullable(),
      statuses: z.record(z.string(), z.number().int()),
      total: z.number().int(),
    }),
  ),
  /** Open cases past their SLA, oldest due first (at most 100). */
  breaches: z.array(ZCase),
  /** Touchpoints with the most cases in the window: total, open, breached, distinct customers with more than one case. */
  repeatOffenders: z.array(
    z.object({
      touchpointId: z.string(),
      cases: z.number().int(),
      open: z.number().int(),
      breached: z.number().int(),
      repeatCustomers: z.number().int(),
    }),
  ),
});
export type TCockpit = z.infer<typeof ZCockpit>;

export const ZPainPoint = z.object({
  touchpointId: z.string().nullable(),
  stepId: z.string().nullable(),
  rootCause: z.string().nullable(),
  cases: z.number().int(),
  open: z.number().int(),
  /** Cases opened in the later half of the window minus the earlier half. */
  trend: z.number().int(),
  /** Median hours from opening to resolution over resolved cases; null when none. */
  medianHoursToResolve: z.number().nullable(),
  initiativeId: z.string().nullable(),
});
export type TPainPoint = z.infer<typeof ZPainPoint>;

export const ZPromotePainPoint = z.object({
  touchpointId: z.uuid().nullable(),
  stepId: z.string().max(100).nullable(),
  rootCause: z.string().max(60).nullable(),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(5000).optional(),
});
export type TPromotePainPoint = z.infer<typeof ZPromotePainPoint>;

export const ZInitiative = z.object({
  id: z.string(),
  journeyId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  status: z.string(),
  source: z.record(z.string(), z.unknown()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TInitiative = z.infer<typeof ZInitiative>;

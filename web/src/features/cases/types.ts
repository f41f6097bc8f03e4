export const CASE_STATUSES = [
  "new",
  "in_progress",
  "waiting_customer",
  "waiting_internal",
  "resolved",
  "closed",
] as const;
export const OPEN_STATUSES = ["new", "in_progress", "waiting_customer", "waiting_internal"] as const;
export const ROOT_CAUSES = ["process", "product", "communication", "delivery", "billing", "staff"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface Case {
  id: string;
  title: string;
  customerId: string | null;
  journeyId: string | null;
  touchpointId: string | null;
  stepId: string | null;
  status: CaseStatus;
  priority: "low" | "normal" | "high" | "urgent";
  assigneeUserId: string | null;
  rootCause: string | null;
  resolutionNote: string | null;
  openedAt: string;
  dueAt: string;
  slaBreachedAt: string | null;
  /** The SLA clock stands still while the case waits for the customer. */
  slaPausedAt: string | null;
  resolvedAt: string | null;
  signalCount: number;
}

export interface TimelineEntry {
  id: string;
  at: string;
  actorType: "user" | "api_key" | "system";
  actorId: string | null;
  kind: string;
  data: Record<string, unknown>;
}

export interface Queue {
  counts: { open: number; breached: number; dueSoon: number };
  assigned: Case[];
  watching: Case[];
}

export interface Cockpit {
  byStatus: Record<string, number>;
  byStep: { stepId: string | null; statuses: Record<string, number>; total: number }[];
  breaches: Case[];
  repeatOffenders: {
    touchpointId: string;
    cases: number;
    open: number;
    breached: number;
    repeatCustomers: number;
  }[];
}

export interface PainPoint {
  touchpointId: string | null;
  stepId: string | null;
  rootCause: string | null;
  cases: number;
  open: number;
  /** Cases opened in the later half of the window minus the earlier half. */
  trend: number;
  medianHoursToResolve: number | null;
  initiativeId: string | null;
}

export interface TeamView {
  counts: { open: number; breached: number; dueSoon: number };
  members: { userId: string; open: number; breached: number }[];
  unassigned: number;
  cases: Case[];
}

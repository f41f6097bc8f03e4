import type { Role } from "../../api/types";

/** Alert rules (docs/api/act.md, "Alert rules"). */
export const RULE_KINDS = ["threshold", "change", "anomaly", "topic"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const SEVERITIES = ["info", "warning", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Recipients {
  userIds: string[];
  teamIds: string[];
  roles: Role[];
}

export interface RuleCheck {
  status: "firing" | "ok" | "no_data" | "not_enough_history";
  checkedAt: string;
  value: number | null;
  n: number | null;
  previous: number | null;
  change: number | null;
  threshold: number | null;
  z: number | null;
  summary: string;
}

export interface AlertRule {
  id: string;
  name: string;
  kind: RuleKind;
  kpiId: string | null;
  kpi: { id: string; key: string; name: string; unit: string; direction: "higher" | "lower" } | null;
  parameters: Record<string, unknown>;
  severity: Severity;
  recipients: Recipients;
  enabled: boolean;
  checkEvery: "hourly" | "daily";
  state: "ok" | "firing";
  lastCheckedAt: string | null;
  lastValue: number | null;
  lastResult: RuleCheck | null;
  nextCheckAt: string | null;
  createdAt: string;
}

export interface AlertRuleInput {
  name: string;
  kind: RuleKind;
  kpiId?: string;
  parameters: Record<string, unknown>;
  severity: Severity;
  recipients: Recipients;
  enabled: boolean;
  checkEvery: "hourly" | "daily";
}

export interface FiredAlert {
  id: string;
  kind: string;
  severity: Severity;
  title: string;
  details: Record<string, unknown>;
  createdAt: string;
  acknowledgedAt: string | null;
}

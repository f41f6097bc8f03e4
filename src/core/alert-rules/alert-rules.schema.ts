import { z } from "@hono/zod-openapi";
import { ALERT_SEVERITIES, ZAlert } from "../alerts/alerts.schema.js";
import { ROLES } from "../permissions/index.js";

/** Alert rules (docs/api/act.md, "Alert rules"). */
export const ALERT_RULE_KINDS = ["threshold", "change", "anomaly", "topic"] as const;
export type TAlertRuleKind = (typeof ALERT_RULE_KINDS)[number];
export const METRIC_RULE_KINDS = ["threshold", "change", "anomaly"] as const;
export const CHECK_EVERY = ["hourly", "daily"] as const;
/** Kinds of the alerts the rules raise, one per rule kind. */
export const RULE_ALERT_KINDS = {
  threshold: "metric.threshold",
  change: "metric.change",
  anomaly: "metric.anomaly",
  topic: "topic.emerging",
} as const satisfies Record<TAlertRuleKind, string>;

const ZId = z.uuid().transform((s) => s.toLowerCase());
const windowDays = z.number().int().min(1).max(365).default(30);
/** A period whose value rests on fewer answers (or instances) than this is treated as having no value. */
const minN = z.number().int().min(1).max(100_000).default(1);

export const ZThresholdParameters = z.strictObject({
  /** Fires while the current value is above (or below) `value`. */
  operator: z.enum(["above", "below"]),
  value: z.number().finite(),
  /** Length of the current period in days, ending at the check. */
  windowDays,
  minN,
});
export const ZChangeParameters = z.strictObject({
  /** `percent`: relative change of the previous value in %; `points`: absolute difference. */
  mode: z.enum(["percent", "points"]),
  /** The change that fires, as a positive amount. */
  amount: z.number().positive().finite(),
  /** `worse`: only a change against the KPI's direction; `any`: either way. */
  direction: z.enum(["worse", "any"]).default("worse"),
  /** Length of the current and of the previous period in days. */
  windowDays,
  minN,
});
export const ZAnomalyParameters = z.strictObject({
  /** |z| at or above which the latest complete period is an anomaly. */
  z: z.number().positive().max(100).default(3),
  /** Complete periods before the latest one that form the baseline (at least 3 with a value). */
  periods: z.number().int().min(3).max(24).default(8),
  granularity: z.enum(["week", "month"]).default("week"),
  direction: z.enum(["worse", "any"]).default("any"),
  minN,
});
export const ZTopicParameters = z.strictObject({
  /** Aspect keys of the taxonomy; empty: any aspect or discovered topic. */
  aspects: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, "an aspect key"))
    .max(50)
    .default([]),
  /** Only emerging-topic alerts with at least this z count. */
  minZ: z.number().min(0).max(100).default(3),
});
export type TThresholdParameters = z.infer<typeof ZThresholdParameters>;
export type TChangeParameters = z.infer<typeof ZChangeParameters>;
export type TAnomalyParameters = z.infer<typeof ZAnomalyParameters>;
export type TTopicParameters = z.infer<typeof ZTopicParameters>;

export const PARAMETER_SCHEMAS = {
  threshold: ZThresholdParameters,
  change: ZChangeParameters,
  anomaly: ZAnomalyParameters,
  topic: ZTopicParameters,
} as const;

/** Who hears of the rule's alerts; empty: the default alert roles (owner, admin, analyst). */
export const ZRecipients = z.strictObject({
  userIds: z.array(ZId).max(100).default([]),
  teamIds: z.array(ZId).max(100).default([]),
  roles: z
    .array(z.enum(ROLES as [string, ...string[]]))
    .max(5)
    .default([]),
});
export type TRecipients = z.infer<typeof ZRecipients>;

const common = {
  name: z.string().trim().min(1).max(200),
  severity: z.enum(ALERT_SEVERITIES).default("warning"),
  recipients: ZRecipients.default({ userIds: [], teamIds: [], roles: [] }),
  enabled: z.boolean().default(true),
  checkEvery: z.enum(CHECK_EVERY).default("daily"),
};

export const ZCreateAlertRule = z.discriminatedUnion("kind", [
  z.strictObject({ ...common, kind: z.literal("threshold"), kpiId: ZId, parameters: ZThresholdParameters }),
  z.strictObject({ ...common, kind: z.literal("change"), kpiId: ZId, parameters: ZChangeParameters }),
  z.strictObject({ ...common, kind: z.literal("anomaly"), kpiId: ZId, parameters: ZAnomalyParameters }),
  z.strictObject({ ...common, kind: z.literal("topic"), parameters: ZTopicParameters }),
]);
export type TCreateAlertRule = z.infer<typeof ZCreateAlertRule>;

/** The kind is fixed; new parameters are checked against the rule's kind and replace the old ones. */
export const ZUpdateAlertRule = z.strictObject({
  name: common.name.optional(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
  recipients: ZRecipients.optional(),
  enabled: z.boolean().optional(),
  checkEvery: z.enum(CHECK_EVERY).optional(),
  kpiId: ZId.optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});
export type TUpdateAlertRule = z.infer<typeof ZUpdateAlertRule>;

export const CHECK_STATUSES = ["firing", "ok", "no_data", "not_enough_history"] as const;

/** What one check of a rule found; the figures that apply to its kind are set, the others null. */
export const ZRuleCheck = z.object({
  status: z.enum(CHECK_STATUSES),
  checkedAt: z.string(),
  /** The checked value (current period, or the latest complete period for anomalies; matches for topics). */
  value: z.number().nullable(),
  n: z.number().int().nullable(),
  interval: z.object({ low: z.number(), high: z.number() }).nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Change rules: the previous period's value and n, and the change (points or %). */
  previous: z.number().nullable(),
  previousN: z.number().int().nullable(),
  change: z.number().nullable(),
  /** The limit the value was held against (threshold value, change amount, z threshold). */
  threshold: z.number().nullable(),
  /** Anomaly rules: z of the latest complete period against the baseline's mean and sample sd. */
  z: z.number().nullable(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  baselinePeriods: z.number().int().nullable(),
  /** Topic rules: the matching emerging-topic alerts found by this check. */
  matches: z
    .array(z.object({ alertId: z.string(), aspect: z.string().nullable(), title: z.string(), z: z.number() }))
    .nullable(),
  /** A plain-English sentence with the numbers. */
  summary: z.string(),
});
export type TRuleCheck = z.infer<typeof ZRuleCheck>;

export const ZAlertRule = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ALERT_RULE_KINDS),
  kpiId: z.string().nullable(),
  kpi: z
    .object({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      unit: z.string(),
      direction: z.enum(["higher", "lower"]),
    })
    .nullable(),
  parameters: z.record(z.string(), z.unknown()),
  severity: z.enum(ALERT_SEVERITIES),
  recipients: ZRecipients,
  enabled: z.boolean(),
  checkEvery: z.enum(CHECK_EVERY),
  /** `firing` from the check that found a violation until one finds it recovered. */
  state: z.enum(["ok", "firing"]),
  lastCheckedAt: z.string().nullable(),
  lastValue: z.number().nullable(),
  lastResult: ZRuleCheck.nullable(),
  nextCheckAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAlertRule = z.infer<typeof ZAlertRule>;

export const ZAlertRuleListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  kind: z.enum(ALERT_RULE_KINDS).optional(),
});
export type TAlertRuleListQuery = z.infer<typeof ZAlertRuleListQuery>;

/** The result of "check now": the check and the alert it raised, if any. */
export const ZCheckResult = z.object({
  rule: ZAlertRule,
  check: ZRuleCheck,
  /** The alert this check raised (at most one; none while a firing episode continues). */
  raised: z.array(ZAlert),
});

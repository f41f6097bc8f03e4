import { z } from "zod";
import { ZEventMatcher } from "../expressions/validate.js";
import { ZPageQuery } from "../pagination.js";

export const CASE_RULE_KINDS = ["feedback", "event", "repeat_contacts", "stuck"] as const;
export const CASE_RULE_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type TCaseRuleKind = (typeof CASE_RULE_KINDS)[number];
export type TCaseRulePriority = (typeof CASE_RULE_PRIORITIES)[number];

/** Operators a property condition may use: an allowlist, never SQL or an expression string. */
export const CONDITION_OPS = [
  "=",
  "!=",
  ">",
  ">=",
  "<",
  "<=",
  "contains",
  "startsWith",
  "in",
  "exists",
  "notExists",
] as const;

const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);
const KEY = /^[A-Za-z0-9_$-]{1,64}$/;

/**
 * A field of an event a condition reads: `properties.<key>…`, `context.<key>…` or
 * `customer.traits.<key>…` (the customer's current traits), at most five keys deep; keys are plain names.
 */
export const ZConditionField = z
  .string()
  .max(300)
  .superRefine((path, c) => {
    const parts = path.split(".");
    const [root, ...rest] = parts;
    const keys = root === "customer" && rest[0] === "traits" ? rest.slice(1) : rest;
    const rootOk =
      root === "properties" || root === "context" || (root === "customer" && rest[0] === "traits");
    if (!rootOk || keys.length === 0 || keys.length > 5)
      c.addIssue({
        code: "custom",
        message: `"${path.slice(0, 80)}" is not a field: use properties.<key>, context.<key> or customer.traits.<key>`,
      });
    else if (keys.some((k) => !KEY.test(k) || FORBIDDEN_KEYS.has(k)))
      c.addIssue({
        code: "custom",
        message:
          "field keys are 1–64 letters, digits, _, $ or -, and not __proto__, prototype or constructor",
      });
  });

const ZLiteral = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]);

/** One condition on an event: `field op value`; `in` takes a list, `exists` / `notExists` no value. */
export const ZPropertyCondition = z
  .strictObject({
    field: ZConditionField,
    op: z.enum(CONDITION_OPS),
    value: z.union([ZLiteral, z.array(ZLiteral).min(1).max(50)]).optional(),
  })
  .superRefine((cond, c) => {
    const list = Array.isArray(cond.value);
    if (cond.op === "exists" || cond.op === "notExists") {
      if (cond.value !== undefined)
        c.addIssue({ code: "custom", path: ["value"], message: `${cond.op} takes no value` });
    } else if (cond.op === "in") {
      if (!list) c.addIssue({ code: "custom", path: ["value"], message: "in takes a list of values" });
    } else if (cond.value === undefined || list)
      c.addIssue({ code: "custom", path: ["value"], message: `${cond.op} takes one value` });
  });
export type TPropertyCondition = z.infer<typeof ZPropertyCondition>;

const ZEventName = ZEventMatcher.shape.event.refine((s) => !s.includes("*"), "wildcards are not allowed");
const ZWithinDays = z.number().int().min(1).max(365);

export const ZFeedbackMatch = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("rating"),
    metric: z.enum(["nps", "csat", "ces", "rating"]),
    op: z.enum(["<=", "<", ">=", ">", "="]),
    value: z.number().finite(),
  }),
  z.strictObject({
    type: z.literal("sentiment"),
    polarity: z.enum(["negative", "positive"]).default("negative"),
    /** An aspect key of the workspace's taxonomy: the polarity of the clause mentioning it. */
    aspect: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, "an aspect key is lower case, 2–40 letters, digits or _")
      .optional(),
  }),
  z.strictObject({
    type: z.literal("keyword"),
    /** Any of them, case-insensitive, as a whole word or phrase in the title or text. */
    keywords: z.array(z.string().trim().min(2).max(100)).min(1).max(30),
  }),
]);

export const ZFeedbackCondition = z.strictObject({
  match: ZFeedbackMatch,
  /** Only feedback from these channels (all when omitted). */
  channels: z.array(z.string().trim().min(1).max(100)).min(1).max(20).optional(),
});

export const ZEventCondition = z.strictObject({
  /** Event names (track events), any of them. */
  events: z.array(ZEventName).min(1).max(20),
  /** All must hold for an event to count. */
  where: z.array(ZPropertyCondition).max(10).default([]),
  /** How many matching events of one customer … */
  count: z.number().int().min(1).max(100).default(1),
  /** … within this many days (the last exactly D days after the first still counts). */
  withinDays: ZWithinDays.default(7),
  /** Count only events with the same value of this field (e.g. one appointment's reschedules). */
  sameValueOf: ZConditionField.optional(),
});

export const ZRepeatContactsCondition = z.strictObject({
  minContacts: z.number().int().min(2).max(100).default(3),
  withinDays: ZWithinDays.default(14),
  /** Contact events; the default contact events when omitted (docs/api/journey-analytics.md §7). */
  events: z.array(ZEventName).min(1).max(20).optional(),
  /** Count contacts per topic (a field such as properties.topic). */
  topicBy: ZConditionField.optional(),
});

/** Hours are bounded by the instances' inactivity (30 days): an older open instance reads as dropped. */
const ZTargetHours = z.number().positive().max(720);
export const ZStuckCondition = z
  .strictObject({
    /** The target for stages without their own. */
    defaultTargetHours: ZTargetHours.optional(),
    stageTargets: z
      .array(z.strictObject({ stageId: z.uuid(), targetHours: ZTargetHours }))
      .max(30)
      .default([]),
  })
  .refine((s) => s.defaultTargetHours !== undefined || s.stageTargets.length > 0, {
    message: "give defaultTargetHours or at least one stage target",
    path: ["stageTargets"],
  });

export const CONDITION_SCHEMAS = {
  feedback: ZFeedbackCondition,
  event: ZEventCondition,
  repeat_contacts: ZRepeatContactsCondition,
  stuck: ZStuckCondition,
} as const;
export type TFeedbackCondition = z.infer<typeof ZFeedbackCondition>;
export type TEventCondition = z.infer<typeof ZEventCondition>;
export type TRepeatContactsCondition = z.infer<typeof ZRepeatContactsCondition>;
export type TStuckCondition = z.infer<typeof ZStuckCondition>;

const common = {
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
  priority: z.enum(CASE_RULE_PRIORITIES).default("normal"),
  touchpointId: z.uuid().nullable().default(null),
  journeyId: z.uuid().nullable().default(null),
};

export const ZCreateCaseRule = z.discriminatedUnion("kind", [
  z.strictObject({ ...common, kind: z.literal("feedback"), condition: ZFeedbackCondition }),
  z.strictObject({ ...common, kind: z.literal("event"), condition: ZEventCondition }),
  z.strictObject({ ...common, kind: z.literal("repeat_contacts"), condition: ZRepeatContactsCondition }),
  z.strictObject({ ...common, kind: z.literal("stuck"), condition: ZStuckCondition }),
]);
export type TCreateCaseRule = z.infer<typeof ZCreateCaseRule>;

/** The kind is fixed; a new condition is checked against the rule's kind. */
export const ZUpdateCaseRule = z.strictObject({
  name: common.name.optional(),
  enabled: z.boolean().optional(),
  priority: z.enum(CASE_RULE_PRIORITIES).optional(),
  touchpointId: z.uuid().nullable().optional(),
  journeyId: z.uuid().nullable().optional(),
  condition: z.record(z.string(), z.unknown()).optional(),
});
export type TUpdateCaseRule = z.infer<typeof ZUpdateCaseRule>;

export const ZCaseRule = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CASE_RULE_KINDS),
  condition: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  priority: z.enum(CASE_RULE_PRIORITIES),
  touchpointId: z.string().nullable(),
  journeyId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCaseRule = z.infer<typeof ZCaseRule>;

export const ZCaseRuleListQuery = ZPageQuery.extend({ kind: z.enum(CASE_RULE_KINDS).optional() });
export type TCaseRuleListQuery = z.infer<typeof ZCaseRuleListQuery>;

export const ZDryRunQuery = z.object({
  /** How far back signals are read. */
  days: z.coerce.number().int().min(1).max(90).default(14),
});

/** A signal a rule would raise; `existingCaseId` when a case already holds it. */
export const ZRuleMatch = z.object({
  ref: z.string(),
  kind: z.enum(CASE_RULE_KINDS),
  customerId: z.string().nullable(),
  journeyId: z.string().nullable(),
  instanceKey: z.string().nullable(),
  summary: z.string(),
  occurredAt: z.string(),
  existingCaseId: z.string().nullable(),
});
export type TRuleMatch = z.infer<typeof ZRuleMatch>;

export const ZDryRunResult = z.object({
  ruleId: z.string().nullable(),
  days: z.number().int(),
  matches: z.array(ZRuleMatch),
  /** More matched than listed (the list stops at 100). */
  truncated: z.boolean(),
});
export type TDryRunResult = z.infer<typeof ZDryRunResult>;

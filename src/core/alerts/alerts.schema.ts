import { z } from "zod";
import { ZPageQuery } from "../pagination.js";

export const ALERT_KINDS = ["emerging_topic"] as const;
export const ALERT_SEVERITIES = ["info", "warning", "critical"] as const;

/** Details of an emerging-topic alert (docs/api/understand.md §5); enough for the UI to word it in German or English. */
export const ZEmergingTopicDetails = z.object({
  /** The aspect key, for an aspect's surge. */
  aspect: z.string().optional(),
  /** The discovered topic's id, for a topic's surge. */
  topicId: z.string().optional(),
  label: z.object({ de: z.string(), en: z.string() }),
  /** Monday (UTC) of the ISO week, e.g. "2026-11-16". */
  week: z.string(),
  /** Mentions in that week so far. */
  count: z.number().int(),
  /** `count` scaled to a whole week (the week still running, at least three days in), else `count`. */
  projectedCount: z.number(),
  /** The week was still running when the alert was raised. */
  partialWeek: z.boolean(),
  baselineMean: z.number(),
  baselineSd: z.number(),
  z: z.number(),
  /** Share of the week's mentions with negative polarity, 0–1. */
  sentimentNegativeShare: z.number(),
});
export type TEmergingTopicDetails = z.infer<typeof ZEmergingTopicDetails>;

export const ZAlert = z.object({
  id: z.string(),
  kind: z.string(),
  severity: z.enum(ALERT_SEVERITIES),
  /** English; the UI words its own text from `details`. */
  title: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type TAlert = z.infer<typeof ZAlert>;

export const ZAlertListQuery = ZPageQuery.extend({
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_.]{0,39}$/, "an alert kind such as emerging_topic or metric.threshold")
    .optional(),
  acknowledged: z.enum(["true", "false"]).optional(),
});
export type TAlertListQuery = z.infer<typeof ZAlertListQuery>;

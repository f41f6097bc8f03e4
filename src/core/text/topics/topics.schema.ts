import { z } from "zod";
import { MAX_K } from "./cluster-texts.js";

/** A date (the whole UTC day, `to` included) or an ISO date-time with offset (`from` inclusive, `to` exclusive). */
const ZBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "an ISO date (2026-11-01) or date-time with offset (2026-11-01T00:00:00Z)",
});

export const ZDiscoverTopics = z.strictObject({
  from: ZBound.optional(),
  to: ZBound.optional(),
  /** Number of clusters; chosen from the texts when omitted. */
  k: z.number().int().min(2).max(MAX_K).optional(),
});
export type TDiscoverTopics = z.infer<typeof ZDiscoverTopics>;

export const ZTopic = z.object({
  id: z.string(),
  label: z.string(),
  keywords: z.array(z.string()),
  size: z.number().int(),
  /** Up to five members, the most typical first. */
  sampleFeedbackIds: z.array(z.string()),
});
export type TTopic = z.infer<typeof ZTopic>;

export const ZTopicRun = z.object({
  /** Null before the first discovery. */
  runId: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** Largest first. */
  items: z.array(ZTopic),
});
export type TTopicRun = z.infer<typeof ZTopicRun>;

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
export const lowerBound = (s: string): Date => new Date(isDate(s) ? `${s}T00:00:00Z` : s);
export const upperBound = (s: string): Date =>
  isDate(s) ? new Date(Date.parse(`${s}T00:00:00Z`) + 86_400_000) : new Date(s);

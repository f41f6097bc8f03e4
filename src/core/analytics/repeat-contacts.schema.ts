import { z } from "@hono/zod-openapi";
import { ZScope } from "./scope.js";
import { ZStep } from "./steps.js";

/** At most this many topics (most units first) and channel-switch pairs (most often first). */
export const MAX_REPEAT_TOPICS = 20;
export const MAX_SWITCH_PAIRS = 20;
/** The last bucket of the distribution: this many contacts or more. */
export const DISTRIBUTION_TOP = 10;
/** The topic or channel of a contact without a value (missing, null or empty). */
export const NONE_VALUE = "(none)";

export const ZTopicBy = z
  .object({
    by: z.literal("property"),
    path: z.string().trim().min(1).max(300).openapi({ example: "properties.queue" }),
  })
  .openapi({
    description:
      "Groups contacts by a property of the contact event; a repeat is `minContacts` contacts on the same " +
      `topic within \`withinDays\`. At most ${MAX_REPEAT_TOPICS} topics are listed (most units first); no value is "(none)".`,
  });
export type TTopicBy = z.infer<typeof ZTopicBy>;

export const ZRepeatContactsRequest = ZScope.extend({
  contacts: z
    .array(ZStep)
    .min(1)
    .max(10)
    .optional()
    .openapi({
      description:
        "The contact events (any of them); default: Call Ended, Chat Ended, Ticket Created, Email Received, " +
        "Callback Completed, Contact Form Submitted.",
    }),
  minContacts: z.number().int().min(2).max(20).default(2),
  withinDays: z.number().int().min(1).max(365).default(7),
  journeyId: z.string().max(64).optional(),
  topicBy: ZTopicBy.optional(),
});
export type TRepeatContactsRequest = z.infer<typeof ZRepeatContactsRequest>;
export type TRepeatContactsInput = z.input<typeof ZRepeatContactsRequest>;

export const ZRepeatContacts = z.object({
  /** Units (customers) with at least one contact in the range. */
  units: z.number().int(),
  /** Contact events in the range. */
  contacts: z.number().int(),
  /** Units with `minContacts` contacts within `withinDays` (on one topic), the first of them in the range. */
  repeatUnits: z.number().int(),
  /** repeatUnits / units; null when no unit had a contact. */
  repeatRate: z.number().nullable(),
  /** contacts / units; null when no unit had a contact. */
  contactsPerUnit: z.number().nullable(),
  /** Units by their number of contacts in the range: 1 … 9, and 10 meaning 10 or more. */
  distribution: z.array(z.object({ contacts: z.number().int(), units: z.number().int() })),
  channelSwitches: z.object({
    /** Repeat contacters with at least one pair of consecutive contacts on different channels. */
    units: z.number().int(),
    /** units / repeatUnits; null without repeat contacters. */
    share: z.number().nullable(),
    /** Consecutive contacts on different channels (the most frequent first). */
    pairs: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
  }),
  /** Per topic (with `topicBy`), most units first; null without `topicBy`. */
  topics: z
    .array(
      z.object({
        topic: z.string(),
        units: z.number().int(),
        repeatUnits: z.number().int(),
        repeatRate: z.number().nullable(),
      }),
    )
    .nullable(),
  /**
   * With `journeyId`: per mapped journey step, the repeat contacters whose last mapped-step event before
   * the second contact of their first repeat window was this step; share = count / repeatUnits. Null
   * without `journeyId`.
   */
  precedingSteps: z
    .array(z.object({ stepId: z.string(), title: z.string(), count: z.number().int(), share: z.number() }))
    .nullable(),
  /** Weeks (Monday, in `timezone`) with contacts, oldest first. */
  weekly: z.array(z.object({ week: z.string(), units: z.number().int(), repeatUnits: z.number().int() })),
});
export type TRepeatContacts = z.infer<typeof ZRepeatContacts>;

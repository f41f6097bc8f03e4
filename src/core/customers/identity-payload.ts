import { z } from "zod";

/** ISO text, ClickHouse's "YYYY-MM-DD hh:mm:ss.sss" (UTC) or epoch ms → Date; anything else fails. */
const ZTime = z
  .union([z.string(), z.number()])
  .transform(
    (v) =>
      new Date(typeof v === "number" ? v : /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(" ", "T")}Z`),
  )
  .refine((d) => !Number.isNaN(d.getTime()), "not a time");

const ZId = z.string().min(1).max(255);

/**
 * The `events.identity` outbox message (docs/api/observe.md §1): the identity work of one flushed
 * batch. `consent` on an identify is optional (its `context.consent.categoryPreferences`).
 */
export const ZIdentityPayload = z.object({
  ids: z
    .array(
      z.object({ userId: ZId.optional(), anonymousId: ZId.optional(), firstSeen: ZTime, lastSeen: ZTime }),
    )
    .default([]),
  identifies: z
    .array(
      z.object({
        messageId: z.string().min(1),
        userId: ZId.optional(),
        anonymousId: ZId.optional(),
        traits: z.record(z.string(), z.unknown()).default({}),
        timestamp: ZTime,
        consent: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .default([]),
  aliases: z
    .array(z.object({ messageId: z.string().min(1), previousId: ZId, userId: ZId, timestamp: ZTime }))
    .default([]),
});
export type TIdentityPayload = z.infer<typeof ZIdentityPayload>;
export type TIdentityPayloadInput = z.input<typeof ZIdentityPayload>;

import { z } from "zod";

const ZMatch = z.string().trim().min(1).max(80).nullable().optional();

export const ZCreateRoutingRule = z
  .object({
    /** Rules are tried in ascending position (then creation order); default: after the last. */
    position: z.number().int().min(0).max(100_000).optional(),
    channel: ZMatch,
    aspect: ZMatch,
    segment: ZMatch,
    touchpointId: z.uuid().nullable().optional(),
    targetUserId: z.uuid().nullable().optional(),
    targetTeamId: z.uuid().nullable().optional(),
  })
  .refine((v) => !v.targetUserId !== !v.targetTeamId, {
    message: "give exactly one of targetUserId and targetTeamId",
    path: ["targetUserId"],
  });
export type TCreateRoutingRule = z.infer<typeof ZCreateRoutingRule>;

export const ZRoutingRule = z.object({
  id: z.string(),
  position: z.number().int(),
  channel: z.string().nullable(),
  aspect: z.string().nullable(),
  segment: z.string().nullable(),
  touchpointId: z.string().nullable(),
  targetUserId: z.string().nullable(),
  targetTeamId: z.string().nullable(),
  createdAt: z.string(),
});
export type TRoutingRule = z.infer<typeof ZRoutingRule>;

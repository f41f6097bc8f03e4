import { z } from "@hono/zod-openapi";
import { ZScope, ZWindow } from "./scope.js";
import { ZStep } from "./steps.js";

export const FUNNEL_ORDERS = ["ordered", "strict", "any"] as const;
export type TFunnelOrder = (typeof FUNNEL_ORDERS)[number];

/** At most this many breakdown groups (largest first); the rest are merged into `"(other)"`. */
export const MAX_BREAKDOWN_GROUPS = 20;
export const OTHER_GROUP = "(other)";
/** The group of an entering event without a value (missing, null or empty). */
export const NONE_GROUP = "(none)";

const ZPath = z.string().trim().min(1).max(300);

export const ZFunnelBreakdown = z
  .discriminatedUnion("by", [
    z.object({ by: z.literal("channel") }),
    z.object({ by: z.literal("property"), path: ZPath.openapi({ example: "properties.plan" }) }),
    z.object({ by: z.literal("trait"), path: ZPath.openapi({ example: "traits.plan" }) }),
  ])
  .openapi({
    description:
      "Groups units by the entering event (step 1 of the winning attempt): its channel, a property or a " +
      `trait. At most ${MAX_BREAKDOWN_GROUPS} groups (most units first), the rest as "(other)"; no value is "(none)".`,
  });
export type TFunnelBreakdown = z.infer<typeof ZFunnelBreakdown>;

export const ZFunnelRequest = ZScope.extend({
  steps: z.array(ZStep).min(2).max(10),
  window: ZWindow,
  order: z
    .enum(FUNNEL_ORDERS)
    .default("ordered")
    .openapi({
      description:
        "ordered: steps in order, other events may interleave; strict: the next event after a reached step " +
        "must be the next step; any: step 1 first, the others in any order, each event counts for one step.",
    }),
  breakdown: ZFunnelBreakdown.optional(),
});
export type TFunnelRequest = z.infer<typeof ZFunnelRequest>;
export type TFunnelInput = z.input<typeof ZFunnelRequest>;

export const ZFunnelDroppedRequest = ZFunnelRequest.extend({
  step: z.number().int().min(1).max(9).openapi({ description: "Index of the step not reached (≥ 1)" }),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type TFunnelDroppedRequest = z.infer<typeof ZFunnelDroppedRequest>;
export type TFunnelDroppedInput = z.input<typeof ZFunnelDroppedRequest>;

export const ZFunnelStepResult = z.object({
  index: z.number().int(),
  label: z.string(),
  reached: z.number().int(),
  /** reached / entered; null when nobody entered. */
  conversion: z.number().nullable(),
  /** reached / reached of the previous step; null when nobody reached the previous step. */
  stepConversion: z.number().nullable(),
  /** Time from the previous step among units reaching this one; null for step 0 and when none did. */
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  /** Reached the previous step but not this one (0 for step 0). */
  dropped: z.number().int(),
});
export type TFunnelStepResult = z.infer<typeof ZFunnelStepResult>;

export const ZFunnelFigures = z.object({
  entered: z.number().int(),
  steps: z.array(ZFunnelStepResult),
  /** reached (last step) / entered; null when nobody entered. */
  overallConversion: z.number().nullable(),
});
export type TFunnelFigures = z.infer<typeof ZFunnelFigures>;

export const ZFunnelResult = ZFunnelFigures.extend({
  breakdown: z.array(ZFunnelFigures.extend({ group: z.string() })).optional(),
});
export type TFunnelResult = z.infer<typeof ZFunnelResult>;

export const ZFunnelDropped = z.object({
  items: z.array(
    z.object({
      unit: z.string(),
      /** The unit's customer id; null for ids not (yet) stitched to a customer (`user:…`, `anon:…`). */
      customerId: z.string().nullable(),
      /** When the unit reached the previous step (ISO). */
      reachedAt: z.string(),
    }),
  ),
  total: z.number().int(),
});
export type TFunnelDropped = z.infer<typeof ZFunnelDropped>;

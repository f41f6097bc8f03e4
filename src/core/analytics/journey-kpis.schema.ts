import { z } from "@hono/zod-openapi";
import { JOURNEY_KPI_MEASURES } from "../journeys/document.schema.js";
import { ZJourneyMeasuresRequest } from "./journey-measures.schema.js";

export const ZJourneyKpisRequest = ZJourneyMeasuresRequest.extend({
  repeatWithinDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(7)
    .openapi({ description: "Two contacts of one instance at most this far apart are a repeat contact." }),
});
export type TJourneyKpisRequest = z.infer<typeof ZJourneyKpisRequest>;

export const ZJourneyKpi = z.object({
  key: z.enum(JOURNEY_KPI_MEASURES),
  /** `percent` 0–100, `days`, or `count` per instance. */
  unit: z.enum(["percent", "days", "count"]),
  value: z.number().nullable(),
  /** Instances the value is computed over (the denominator). */
  n: z.number().int(),
  /** Whether a higher value is better. */
  higherIsBetter: z.boolean(),
  /** From the journey's KPI naming this measure, in the same unit. */
  target: z.object({ name: z.string(), value: z.number() }).nullable(),
  /** Whether the value meets the target; null without target or value. */
  met: z.boolean().nullable(),
});
export type TJourneyKpi = z.infer<typeof ZJourneyKpi>;

export const ZJourneyKpis = z.object({
  journeyId: z.string(),
  instances: z.number().int(),
  items: z.array(ZJourneyKpi),
});
export type TJourneyKpis = z.infer<typeof ZJourneyKpis>;

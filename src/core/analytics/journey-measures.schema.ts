import { z } from "@hono/zod-openapi";
import { DEFAULT_INACTIVITY_DAYS } from "./instances/refresh.js";
import { ZScope } from "./scope.js";

export const ZJourneyMeasuresRequest = ZScope.pick({ from: true, to: true }).extend({
  journeyId: z.string().max(100),
  inactivityDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(DEFAULT_INACTIVITY_DAYS)
    .openapi({ description: "An instance without a matching event for this long reads as dropped." }),
});
export type TJourneyMeasuresRequest = z.infer<typeof ZJourneyMeasuresRequest>;

const ZRatio = z.number().nullable();
const ZSeconds = z.number().nullable();

export const ZStepMeasures = z.object({
  stepId: z.string(),
  title: z.string(),
  stageId: z.string(),
  /** False for steps without a touchpoint with matchers: only feedback can be measured there. */
  mapped: z.boolean(),
  /** Customers (units) whose instances reached the step. */
  customers: z.number().int(),
  /** Instances that reached the step. */
  instances: z.number().int(),
  /**
   * Of the instances reaching the previous mapped step, the share that also reached this one (null for
   * the first mapped step, unmapped steps, or when nobody reached the previous step).
   */
  conversion: ZRatio,
  /** Time from the instance's previous matched event to its first event at this step. */
  waitMedianSeconds: ZSeconds,
  waitP90Seconds: ZSeconds,
  waits: z.number().int(),
  /** Contacts while customers were at this step (between its event and the next step's). */
  contacts: z.number().int(),
  /** contacts / instances reaching the step. */
  contactRate: ZRatio,
  /** Linked feedback ratings on the workshop scale 1–5 (any rating scale mapped linearly). */
  rating: z.object({ n: z.number().int(), mean: ZRatio }),
  sentiment: z.object({
    n: z.number().int(),
    meanScore: ZRatio,
    positive: z.number().int(),
    negative: z.number().int(),
  }),
});

export const ZJourneyMeasures = z.object({
  journeyId: z.string(),
  instances: z.object({
    total: z.number().int(),
    completed: z.number().int(),
    inProgress: z.number().int(),
    dropped: z.number().int(),
    customers: z.number().int(),
  }),
  /** When the instances were last brought up to date (null: never). */
  refreshedAt: z.string().nullable(),
  steps: z.array(ZStepMeasures),
});
export type TJourneyMeasures = z.infer<typeof ZJourneyMeasures>;
export type TStepMeasures = z.infer<typeof ZStepMeasures>;

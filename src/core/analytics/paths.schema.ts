import { z } from "@hono/zod-openapi";
import { ZScope, ZWindow } from "./scope.js";
import { ZStep } from "./steps.js";

/** The name standing for "no further event" in a path. */
export const PATH_END = "(end)";

export const ZPathsRequest = ZScope.extend({
  anchor: ZStep,
  direction: z.enum(["after", "before"]).default("after"),
  /**
   * Only units that did not reach this step within the window after their anchor (direction `after`):
   * with the last step reached as the anchor and the next one here, what customers did after dropping out.
   */
  unless: ZStep.optional(),
  depth: z.number().int().min(1).max(5).default(3),
  limit: z.number().int().min(1).max(50).default(10),
  window: ZWindow,
});
export type TPathsRequest = z.infer<typeof ZPathsRequest>;
export type TPathsInput = z.input<typeof ZPathsRequest>;

export const ZPaths = z.object({
  /** Units with an anchor event in the range. */
  units: z.number().int(),
  /**
   * The top paths by units (ties by path text). `steps[i]` is the event name at distance i + 1 from the
   * anchor (for `before`: nearest first, going back in time); a path shorter than `depth` ends in "(end)".
   */
  paths: z.array(z.object({ steps: z.array(z.string()), units: z.number().int(), share: z.number() })),
  /**
   * Sankey links over all units' paths. Depth 1 joins the anchor and the first step. Links run in time
   * order: for `after` source is the nearer node, for `before` source is the earlier (farther) node.
   */
  links: z.array(
    z.object({ depth: z.number().int(), source: z.string(), target: z.string(), units: z.number().int() }),
  ),
});
export type TPaths = z.infer<typeof ZPaths>;

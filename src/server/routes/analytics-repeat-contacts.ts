import { createRoute } from "@hono/zod-openapi";
import { ZRepeatContacts, ZRepeatContactsRequest } from "../../core/analytics/repeat-contacts.schema.js";
import { repeatContacts } from "../../core/analytics/reports/repeat-contacts.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/analytics";
const tags = ["analytics"];

/** Journey analytics: repeat contacts and channel switching (docs/api/journey-analytics.md §7). */
export function analyticsRepeatContactsRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/repeat-contacts`,
      tags,
      summary: "Repeat contacts: repeat rate, contacts per customer, distribution, channel switches, topics",
      description:
        "A unit (customer) is a repeat contacter when it has `minContacts` contact events within `withinDays` " +
        "days (an event exactly D days later counts), the first of them in `[from, to)`; with `topicBy` the " +
        "contacts must share the topic. Channel switches are consecutive contacts of repeat contacters on " +
        "different channels. With `journeyId` (of this workspace, else 404) the report names the mapped " +
        "journey step whose event came last before each repeat contacter's second contact.",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZRepeatContactsRequest, {
          from: "2026-10-01T00:00:00Z",
          to: "2026-11-01T00:00:00Z",
          timezone: "Europe/Berlin",
          minContacts: 2,
          withinDays: 7,
          topicBy: { by: "property", path: "properties.queue" },
        }),
      },
      responses: {
        200: { description: "The repeat contacts", ...json(named(ZRepeatContacts, "RepeatContacts")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await repeatContacts(reportCtx(c), c.req.valid("json")), 200),
  );

  return app;
}

import { createRoute, z } from "@hono/zod-openapi";
import { customerTimeline } from "../../core/customers/customer-timeline.js";
import {
  ZCustomer,
  ZCustomerListQuery,
  ZCustomerSummary,
  ZTimelineItem,
  ZTimelineQuery,
} from "../../core/customers/customers.schema.js";
import { getCustomer } from "../../core/customers/get-customer.js";
import { listCustomers } from "../../core/customers/list-customers.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/customers";
const CustomerParams = WorkspaceParams.extend({
  customerId: z.string().openapi({ param: { name: "customerId", in: "path" } }),
});

/** Customer profiles and timelines (docs/api/observe.md §2), read-only. */
export function customerRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: ["customers"],
      summary: "Customers, most recently seen first; q finds an id, an e-mail address or trait text",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZCustomerListQuery },
      responses: {
        200: { description: "Page of customers", ...json(page(named(ZCustomerSummary, "CustomerSummary"))) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listCustomers(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{customerId}`,
      tags: ["customers"],
      summary: "A customer's profile; a merged customer's id answers with the survivor",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: CustomerParams },
      responses: {
        200: { description: "The profile", ...json(named(ZCustomer, "Customer")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getCustomer(reportCtx(c), c.req.valid("param").customerId), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{customerId}/timeline`,
      tags: ["customers"],
      summary: "A customer's events and feedback in one list, newest first",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: CustomerParams, query: ZTimelineQuery },
      responses: {
        200: { description: "Page of the timeline", ...json(page(ZTimelineItem)) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await customerTimeline(reportCtx(c), c.req.valid("param").customerId, c.req.valid("query")),
        200,
      ),
  );

  return app;
}

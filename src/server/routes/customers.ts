import { createRoute, z } from "@hono/zod-openapi";
import { customerTimeline } from "../../core/customers/customer-timeline.js";
import {
  ZCustomer,
  ZCustomerListQuery,
  ZCustomerSummary,
  ZTimelineItem,
  ZTimelineQuery,
} from "../../core/customers/customers.schema.js";
import { eraseCustomer } from "../../core/customers/erase-customer.js";
import { getCustomer } from "../../core/customers/get-customer.js";
import { listCustomers } from "../../core/customers/list-customers.js";
import { liftSuppression, listSuppressions } from "../../core/customers/suppressions.js";
import { notFound } from "../../core/errors.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/customers";
const CustomerParams = WorkspaceParams.extend({
  customerId: z.string().openapi({ param: { name: "customerId", in: "path" } }),
});

/** Customer profiles and timelines (docs/api/observe.md §2), erasure and suppressions. */
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

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{customerId}`,
      tags: ["customers"],
      summary:
        "Erase a customer (DSGVO Art. 17): profile, traits, ids and merged customers now, their events from the facts store by an outbox job; their ids are suppressed",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: CustomerParams },
      responses: {
        200: { description: "Erased", ...json(named(ZErasedCustomer, "ErasedCustomer")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await eraseCustomer(reportCtx(c), c.req.valid("param").customerId), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/workspaces/{workspaceId}/suppressions",
      tags: ["customers"],
      summary: "Suppressed distinct ids (erased customers): their events are refused with code suppressed",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: WorkspaceParams },
      responses: {
        200: {
          description: "Newest first, at most 500",
          ...json(z.object({ items: z.array(named(ZSuppression, "Suppression")) })),
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { db, access } = ctx(c);
      return c.json({ items: await listSuppressions(db, access.workspaceId) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/workspaces/{workspaceId}/suppressions/{distinctId}",
      tags: ["customers"],
      summary: "Lift a suppression: events for this id are accepted again",
      security,
      middleware: [requireWorkspace("admin")],
      request: {
        params: WorkspaceParams.extend({
          distinctId: z
            .string()
            .max(300)
            .openapi({ param: { name: "distinctId", in: "path" } }),
        }),
      },
      responses: { 204: { description: "Lifted" }, ...errorResponses },
    }),
    async (c) => {
      const { db, access } = ctx(c);
      if (!(await liftSuppression(db, access.workspaceId, c.req.valid("param").distinctId)))
        throw notFound("Suppression");
      return c.body(null, 204);
    },
  );

  return app;
}

const ZErasedCustomer = z.object({
  customerId: z.string(),
  merged: z.number().int(),
  suppressedIds: z.number().int(),
  feedback: z.number().int(),
});
const ZSuppression = z.object({ distinctId: z.string(), reason: z.string(), createdAt: z.string() });

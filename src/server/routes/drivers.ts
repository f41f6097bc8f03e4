import { createRoute, z } from "@hono/zod-openapi";
import { keyDrivers } from "../../core/drivers/key-drivers.js";
import { type TKeyDrivers, ZKeyDrivers, ZKeyDriversRequest } from "../../core/drivers/key-drivers.schema.js";
import { toCsv } from "../../core/files/csv-export.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { WorkspaceParams } from "./shared.js";

const ZFormat = z.object({
  format: z.enum(["json", "csv"]).default("json").openapi({ description: "csv: the drivers as a file" }),
});

export const DRIVER_CSV_COLUMNS = [
  "key",
  "label",
  "weight",
  "share",
  "sign",
  "ci_low",
  "ci_high",
  "significant",
  "n",
  "performance",
  "quadrant",
  "outcome",
  "r2",
  "model_n",
] as const;

/** The drivers as CSV rows (formula-safe cells through toCsv), strongest first. */
export function driversCsv(r: TKeyDrivers): string {
  return toCsv(
    DRIVER_CSV_COLUMNS,
    r.drivers.map((d) => [
      d.key,
      d.label,
      d.weight,
      d.share,
      d.sign,
      d.ci?.[0] ?? null,
      d.ci?.[1] ?? null,
      d.significant === null ? null : d.significant ? "yes" : "no",
      d.n,
      d.performance,
      d.quadrant,
      r.outcome,
      r.r2,
      r.n,
    ]),
  );
}

/** Key driver analysis (docs/api/measure-the-gap.md §1). */
export function driverRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/workspaces/{workspaceId}/drivers",
      tags: ["drivers"],
      summary:
        "Key drivers: Johnson's relative weights of touchpoint or stage ratings, text aspects or operational " +
        "factors on overall NPS, overall CSAT or detractor, with bootstrap intervals and the quadrant",
      description:
        "Respondent = the feedback records' customer (operations: the linked journey instance). Raw weights " +
        "sum to R²; share = weight / R²; sign of the driver–outcome correlation; intervals: 95 % bootstrap " +
        "percentile (seeded). Drivers observed for fewer than minN respondents are excluded. Too few " +
        "respondents for the drivers (n < drivers + 2) or linearly dependent drivers: 422. A journey of " +
        "another workspace: 404. format=csv exports the drivers.",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        query: ZFormat,
        ...jsonBody(named(ZKeyDriversRequest, "KeyDriversRequest"), {
          from: "2026-08-01T00:00:00Z",
          to: "2026-11-01T00:00:00Z",
          journeyId: "0193a1c2-7d4e-7f00-8a00-000000000002",
          outcome: "nps",
          driverSet: "touchpoints",
          minN: 30,
          missing: "mean",
          resamples: 200,
        }),
      },
      responses: {
        200: {
          description: "The drivers (JSON), or the CSV file",
          content: {
            "application/json": { schema: named(ZKeyDrivers, "KeyDrivers") },
            "text/csv": { schema: { type: "string" } },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const result = await keyDrivers(reportCtx(c), c.req.valid("json"));
      if (c.req.valid("query").format === "json") return c.json(result, 200);
      return c.body(driversCsv(result), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="key-drivers-${result.driverSet}.csv"`,
      });
    },
  );

  return app;
}

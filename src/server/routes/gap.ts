import { createRoute, z } from "@hono/zod-openapi";
import { listMyAssessments, submitAssessment } from "../../core/gap/assessments.js";
import {
  ZAssessment,
  ZCreateRound,
  ZGapReport,
  ZGapRequest,
  ZRemindResult,
  ZRound,
  ZRoundDetail,
  ZSubmitAssessment,
  ZUpdateRound,
} from "../../core/gap/gap.schema.js";
import { gapCsv } from "../../core/gap/gap-csv.js";
import { gapReport } from "../../core/gap/gap-report.js";
import { remindRound } from "../../core/gap/remind-round.js";
import {
  closeRound,
  createRound,
  deleteRound,
  getRound,
  listRounds,
  updateRound,
} from "../../core/gap/rounds.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { ctx, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/gap";
const RoundParams = WorkspaceParams.extend({
  roundId: z.string().openapi({ param: { name: "roundId", in: "path" } }),
});
const AssessmentParams = WorkspaceParams.extend({
  assessmentId: z.string().openapi({ param: { name: "assessmentId", in: "path" } }),
});
const ZRoundDetailSchema = named(ZRoundDetail, "AssessmentRound");
const ZAssessmentSchema = named(ZAssessment, "Assessment");

const reportDescription =
  "Internal rating (the answers of a round, default the latest closed round, else the open one; without " +
  "any round the touchpoints' stored internal rating) vs the measured customer rating of linked feedback " +
  "(finished, unflagged, undeleted, received in `[from, to)`, default the last 90 days), every rating " +
  "normalised to 1–5 as 1 + 4·(v − min)/(max − min). gap = internal − measured, with a Welch interval. " +
  "Blindspot: gap > `threshold` and importance above the median. A round or journey of another " +
  "workspace answers 404. See docs/api/measure-the-gap.md §2.";

const roundExample: z.input<typeof ZCreateRound> = {
  title: "Umzug – Selbsteinschätzung Q4",
  journeyId: "0193a1c2-7d4e-7f00-8a00-000000000002",
  dueAt: "2026-12-04T17:00:00+01:00",
};

/** Inside-out vs outside-in: assessment rounds and the experience gap (docs/api/measure-the-gap.md §2). */
export function gapRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/rounds`,
      tags: ["gap"],
      summary: "Start an assessment round: one open assessment per touchpoint in scope, for its owner",
      description:
        "Scope: the touchpoints a journey's steps reference (`journeyId`), or the whole register (no " +
        "`journeyId`). A touchpoint without a user as owner goes to the round's creator.",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams, ...jsonBody(ZCreateRound, roundExample) },
      responses: {
        201: { description: "The round with its assessments", ...json(ZRoundDetailSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await createRound(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/rounds`,
      tags: ["gap"],
      summary: "Every assessment round, newest first, with its progress",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: {
        200: {
          description: "Rounds",
          ...json(z.object({ items: z.array(named(ZRound, "AssessmentRoundSummary")) })),
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await listRounds(ctx(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/rounds/{roundId}`,
      tags: ["gap"],
      summary: "One round with all its assessments",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: RoundParams },
      responses: { 200: { description: "The round", ...json(ZRoundDetailSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getRound(ctx(c), c.req.valid("param").roundId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/rounds/{roundId}`,
      tags: ["gap"],
      summary: "Change a round's title, due date or reminder relay",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: RoundParams, ...jsonBody(ZUpdateRound, { dueAt: "2026-12-11T17:00:00+01:00" }) },
      responses: { 200: { description: "The round", ...json(ZRoundDetailSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await updateRound(ctx(c), c.req.valid("param").roundId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/rounds/{roundId}`,
      tags: ["gap"],
      summary: "Delete a round with its assessments (rounds are normally kept to track the gap over time)",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: RoundParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deleteRound(ctx(c), c.req.valid("param").roundId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/rounds/{roundId}/close`,
      tags: ["gap"],
      summary: "Close a round; each rated touchpoint's internal rating becomes the mean of its answers",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: RoundParams },
      responses: {
        200: { description: "The closed round", ...json(ZRoundDetailSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await closeRound(ctx(c), c.req.valid("param").roundId), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/rounds/{roundId}/remind`,
      tags: ["gap"],
      summary: "Remind every owner with open assessments (one reminder each, sent by the worker)",
      description:
        "Through the round's mail relay when it has one, else as an in-app alert (`assessment_reminder`).",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: RoundParams },
      responses: {
        202: { description: "Reminders enqueued", ...json(named(ZRemindResult, "AssessmentReminders")) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await remindRound(ctx(c), c.req.valid("param").roundId), 202),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/assessments/mine`,
      tags: ["gap"],
      summary: "The signed-in person's assessments: open ones of open rounds, or all with `status=all`",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        query: z.object({ status: z.enum(["open", "all"]).default("open") }),
      },
      responses: {
        200: { description: "Assessments", ...json(z.object({ items: z.array(ZAssessmentSchema) })) },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await listMyAssessments(ctx(c), c.req.valid("query").status) }, 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: `${base}/assessments/{assessmentId}`,
      tags: ["gap"],
      summary: "Answer an assessment (its owner, or an admin); again while the round is open",
      description:
        "`rating`: 1–5 as a customer would rate the touchpoint on the 1–5 scale; `predicted`: the expected " +
        "CSAT % (0–100) or NPS (−100–100).",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: AssessmentParams,
        ...jsonBody(ZSubmitAssessment, {
          rating: 4,
          predicted: { metric: "csat", value: 80 },
          comment: "Lieferung klappt meist.",
        }),
      },
      responses: {
        200: { description: "The answered assessment", ...json(ZAssessmentSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(await submitAssessment(ctx(c), c.req.valid("param").assessmentId, c.req.valid("json")), 200),
  );

  const reportBody = jsonBody(ZGapRequest, {
    from: "2026-08-01T00:00:00Z",
    to: "2026-11-01T00:00:00Z",
    journeyId: "0193a1c2-7d4e-7f00-8a00-000000000002",
    threshold: 0.5,
    importance: "volume",
  });

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags: ["gap"],
      summary: "The experience gap per touchpoint, step, stage and journey, with blindspots first",
      description: reportDescription,
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, ...reportBody },
      responses: {
        200: { description: "The gap report", ...json(named(ZGapReport, "GapReport")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await gapReport(reportCtx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/export`,
      tags: ["gap"],
      summary: "The same gap report as CSV",
      description: `${reportDescription} Columns: level,id,name,owner,class,importance,internal_n,internal_mean,…`,
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, ...reportBody },
      responses: {
        200: {
          description: "The CSV file, as an attachment",
          content: { "text/csv": { schema: { type: "string" } } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const file = gapCsv(await gapReport(reportCtx(c), c.req.valid("json")));
      return c.body(file.body, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
      });
    },
  );

  return app;
}

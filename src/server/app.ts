import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import type { AppConfig } from "../core/config.js";
import { AppError, isAppError } from "../core/errors.js";
import type { Stores } from "../core/stores.js";
import type { AppEnv } from "./env.js";
import { resolveActor } from "./middleware/auth.js";
import { idempotency } from "./middleware/idempotency.js";
import { rateLimit } from "./middleware/rate-limit.js";
import { router } from "./openapi.js";
import { problem } from "./problem.js";
import { alertRuleRoutes } from "./routes/alert-rules.js";
import { alertRoutes } from "./routes/alerts.js";
import { analyticsFunnelRoutes } from "./routes/analytics-funnel.js";
import { analyticsJourneyRoutes } from "./routes/analytics-journeys.js";
import { analyticsPathsRoutes } from "./routes/analytics-paths.js";
import { analyticsRepeatContactsRoutes } from "./routes/analytics-repeat-contacts.js";
import { analyticsScorecardRoutes } from "./routes/analytics-scorecard.js";
import { analyticsWaitingRoutes } from "./routes/analytics-waiting.js";
import { analyticsXoRoutes } from "./routes/analytics-xo.js";
import { apiKeyRoutes } from "./routes/api-keys.js";
import { authRoutes } from "./routes/auth.js";
import { caseRuleRoutes } from "./routes/case-rules.js";
import { caseSettingsRoutes } from "./routes/case-settings.js";
import { caseRoutes } from "./routes/cases.js";
import { caseCockpitRoutes } from "./routes/cases-cockpit.js";
import { customerRoutes } from "./routes/customers.js";
import { driverRoutes } from "./routes/drivers.js";
import { eventImportRoutes } from "./routes/events-import.js";
import { failedEventRoutes } from "./routes/failed-events.js";
import { feedbackRoutes } from "./routes/feedback.js";
import { gapRoutes } from "./routes/gap.js";
import { healthRoutes } from "./routes/health.js";
import { ingestRoutes } from "./routes/ingest.js";
import { journeyRoutes } from "./routes/journeys.js";
import { kpiRoutes } from "./routes/kpis.js";
import { memberRoutes } from "./routes/members.js";
import { metricsRoutes } from "./routes/metrics.js";
import { notificationRoutes } from "./routes/notifications.js";
import { outboxRoutes } from "./routes/outbox.js";
import { personaRoutes } from "./routes/personas.js";
import { surveyPublicRoutes } from "./routes/survey-public.js";
import { surveyResultsRoutes } from "./routes/survey-results.js";
import { surveyRoutes } from "./routes/surveys.js";
import { teamRoutes } from "./routes/teams.js";
import { textRoutes } from "./routes/text.js";
import { textTaxonomyRoutes } from "./routes/text-taxonomy.js";
import { touchpointRoutes } from "./routes/touchpoints.js";
import { userRoutes } from "./routes/users.js";
import { webhookRoutes } from "./routes/webhooks.js";
import { workspaceRoutes } from "./routes/workspaces.js";
import { serveSurveyPage } from "./survey-page.js";
import { serveWeb } from "./web.js";

export interface CreateAppOptions {
  stores: Stores;
  config: AppConfig;
  /** Receives one line per request (status, method, path, duration, request id). */
  accessLog?: (line: string) => void;
}

/** Feature routers. A new feature adds its router here and nothing else. */
const features = [
  healthRoutes,
  authRoutes,
  userRoutes,
  workspaceRoutes,
  memberRoutes,
  apiKeyRoutes,
  outboxRoutes,
  journeyRoutes,
  touchpointRoutes,
  personaRoutes,
  surveyRoutes,
  surveyResultsRoutes,
  surveyPublicRoutes,
  feedbackRoutes,
  metricsRoutes,
  textTaxonomyRoutes,
  alertRoutes,
  alertRuleRoutes,
  textRoutes,
  customerRoutes,
  ingestRoutes,
  failedEventRoutes,
  eventImportRoutes,
  analyticsFunnelRoutes,
  analyticsWaitingRoutes,
  analyticsPathsRoutes,
  analyticsJourneyRoutes,
  analyticsRepeatContactsRoutes,
  analyticsXoRoutes,
  driverRoutes,
  gapRoutes,
  teamRoutes,
  caseRoutes,
  caseCockpitRoutes,
  caseSettingsRoutes,
  webhookRoutes,
  caseRuleRoutes,
  kpiRoutes,
  analyticsScorecardRoutes,
  notificationRoutes,
];

const STORE_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|connection terminated|Connection terminated|PGlite is closed|socket hang up/i;

export function createApp({ stores, config, accessLog }: CreateAppOptions): OpenAPIHono<AppEnv> {
  const app = router();

  app.use("*", requestId({ headerName: "X-Request-Id", limitLength: 200 }));
  if (accessLog) {
    app.use("*", async (c, next) => {
      const started = performance.now();
      await next();
      const ms = (performance.now() - started).toFixed(1);
      accessLog(`${c.res.status} ${c.req.method} ${c.req.path} ${ms} ms req=${c.get("requestId")}`);
    });
  }
  app.use("*", async (c, next) => {
    c.set("stores", stores);
    c.set("config", config);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    await next();
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: config.limits.maxBodyBytes,
      onError: (c) => problem(c, "payload_too_large", `The body exceeds ${config.limits.maxBodyBytes} bytes`),
    }),
  );
  app.use("/api/*", async (c, next) => {
    const encoding = c.req.header("content-encoding");
    if (encoding && encoding !== "identity") {
      throw new AppError("validation_failed", "Compressed bodies are accepted on the ingestion API only", {
        errors: [
          { pointer: "/header/Content-Encoding", code: "unsupported", message: "send an uncompressed body" },
        ],
      });
    }
    await next();
  });
  app.use("/api/*", resolveActor);
  app.use(
    "/api/*",
    rateLimit(() => config.limits.rateLimitPerMinute),
  );
  app.use("/api/*", idempotency);

  for (const feature of features) app.route("/", feature());

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API key (`jl_…`), also accepted as Basic auth with the key as user name",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "jl_session",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Journeylens API",
      version: "1",
      description:
        "Management API of Journeylens. Errors are RFC 9457 problem details; lists use cursor pagination.",
    },
  });

  if (config.webDir) {
    serveSurveyPage(app, config.webDir);
    serveWeb(app, config.webDir);
  }

  app.notFound((c) => problem(c, "not_found", `No route ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    if (isAppError(err))
      return problem(c, err.code, err.message, err.errors, err.retryAfterSeconds, err.extra);
    if (err instanceof HTTPException && err.status === 400) {
      return problem(c, "validation_failed", "The body is not valid JSON", [
        { pointer: "/body", code: "invalid_json", message: err.message },
      ]);
    }
    if (err instanceof HTTPException && err.status === 413)
      return problem(c, "payload_too_large", err.message);
    if (STORE_ERROR.test(String((err as Error)?.message ?? err))) {
      return problem(c, "unavailable", "A data store is unreachable; retry later", [], 5);
    }
    console.error(`[${c.get("requestId")}]`, err);
    return problem(
      c,
      "internal",
      "An unexpected error occurred; the request id identifies it in the server log",
    );
  });
  return app;
}

import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";

/** The hosted survey page `/s/<surveyId>` (docs/api/listen.md). Placeholder until it lands. */
export function serveSurveyPage(_app: OpenAPIHono<AppEnv>, _webDir: string): void {}

import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env.js";

export function surveyTriggerRoutes(_app: OpenAPIHono<AppEnv>): void {}

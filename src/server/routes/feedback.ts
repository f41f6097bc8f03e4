import { router } from "../openapi.js";

/** Placeholder until the feature lands (docs/api/listen.md). */
export function feedbackRoutes() {
  return router();
}

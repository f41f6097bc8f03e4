import { router } from "../openapi.js";

/** Placeholder until the feature lands (docs/api/listen.md). */
export function surveyRoutes() {
  return router();
}

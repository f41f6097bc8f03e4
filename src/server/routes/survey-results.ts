import { router } from "../openapi.js";

/** Placeholder until the feature lands (docs/api/listen.md §1, results). */
export function surveyResultsRoutes() {
  return router();
}

import { router } from "../openapi.js";

export function journeyRoutes() {
  const app = router();
  return app;
}

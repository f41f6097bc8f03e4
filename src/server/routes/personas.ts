import { router } from "../openapi.js";

export function personaRoutes() {
  const app = router();
  return app;
}

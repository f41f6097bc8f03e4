import { router } from "../openapi.js";

export function touchpointRoutes() {
  const app = router();
  return app;
}

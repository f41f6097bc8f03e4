import { createRoute } from "@hono/zod-openapi";
import { createUser } from "../../core/users/create-user.js";
import { ZCreateUser, ZUser } from "../../core/users/users.schema.js";
import { requireActor } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";

/** Operator endpoints, open only to the system actor (the local CLI). */
export function userRoutes() {
  const app = router();
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/users",
      tags: ["operator"],
      summary: "Create an account (operator only; people join workspaces through members)",
      security,
      middleware: [requireActor("system")],
      request: jsonBody(ZCreateUser, {
        email: "jonas.weber@example.com",
        name: "Jonas Weber",
        password: "initial-pass-123",
      }),
      responses: {
        201: { description: "Created", ...json(named(ZUser, "User")) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await createUser(c.get("stores").sor.db, c.req.valid("json")), 201),
  );
  return app;
}

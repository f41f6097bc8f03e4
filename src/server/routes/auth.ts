import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { createSession, deleteSession } from "../../core/auth/sessions.js";
import { AppError } from "../../core/errors.js";
import { authenticate } from "../../core/users/authenticate.js";
import { getProfile } from "../../core/users/get-profile.js";
import { updateProfile } from "../../core/users/update-profile.js";
import { ZLogin, ZUpdateMe, ZUser } from "../../core/users/users.schema.js";
import { ZRole } from "../../core/workspaces/workspaces.schema.js";
import { currentActor, requireActor, SESSION_COOKIE } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, router, security } from "../openapi.js";

const ZProfile = z
  .object({
    user: ZUser,
    workspaces: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), role: ZRole })),
  })
  .openapi("Profile");

export function authRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/login",
      tags: ["auth"],
      summary: "Log in with e-mail and password; sets the session cookie",
      request: jsonBody(ZLogin, { email: "demo@journeylens.local", password: "journeylens-demo" }),
      responses: { 200: { description: "Logged in", ...json(ZProfile) }, ...errorResponses },
    }),
    async (c) => {
      const { email, password } = c.req.valid("json");
      const { db } = c.get("stores").sor;
      const user = await authenticate(db, email, password);
      if (!user) throw new AppError("unauthenticated", "E-mail or password is wrong");
      const config = c.get("config");
      const token = await createSession(db, user.id, config.sessionTtlSeconds);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: config.publicUrl.startsWith("https:"),
        path: "/",
        maxAge: config.sessionTtlSeconds,
      });
      return c.json(await getProfile(db, user.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/logout",
      tags: ["auth"],
      summary: "End the session",
      security,
      middleware: [requireActor("user")],
      responses: { 204: { description: "Logged out" }, ...errorResponses },
    }),
    async (c) => {
      const token = c.get("sessionToken");
      if (token) await deleteSession(c.get("stores").sor.db, token);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me",
      tags: ["auth"],
      summary: "The logged-in person and their workspaces",
      security,
      middleware: [requireActor("user")],
      responses: { 200: { description: "Profile", ...json(ZProfile) }, ...errorResponses },
    }),
    async (c) => {
      const actor = currentActor(c);
      if (actor.kind !== "user") throw new AppError("forbidden", "Only people have a profile");
      return c.json(await getProfile(c.get("stores").sor.db, actor.userId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/me",
      tags: ["auth"],
      summary: "Change your name or UI language",
      security,
      middleware: [requireActor("user")],
      request: jsonBody(ZUpdateMe, { locale: "en" }),
      responses: { 200: { description: "Updated", ...json(z.object({ user: ZUser })) }, ...errorResponses },
    }),
    async (c) => {
      const actor = currentActor(c);
      if (actor.kind !== "user") throw new AppError("forbidden", "Only people have a profile");
      const user = await updateProfile(c.get("stores").sor.db, actor.userId, c.req.valid("json"));
      return c.json({ user }, 200);
    },
  );

  return app;
}

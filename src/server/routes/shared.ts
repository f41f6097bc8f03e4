import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { WorkspaceContext } from "../../core/context.js";
import type { AppEnv } from "../env.js";

export const WorkspaceParams = z.object({
  workspaceId: z
    .string()
    .openapi({ param: { name: "workspaceId", in: "path" }, example: "0193a1c2-7d4e-7f00-8a00-000000000001" }),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ctx = (c: Context<AppEnv>): WorkspaceContext => ({
  db: c.get("stores").sor.db,
  access: c.get("access"),
  requestId: c.get("requestId"),
});

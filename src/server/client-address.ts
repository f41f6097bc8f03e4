import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";

/**
 * The client's address, for per-address limits: the socket's, or the first X-Forwarded-For hop only
 * behind a trusted proxy (otherwise a client could pick a fresh address per request). In-process
 * requests (tests, the local CLI) have no socket.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get("config").trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}

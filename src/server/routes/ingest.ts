import { availableParallelism } from "node:os";
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cors } from "hono/cors";
import { resolveApiKey } from "../../core/auth/api-keys.js";
import { AppError } from "../../core/errors.js";
import { type TEventType, ZIngestResult } from "../../core/events/event.schema.js";
import { ingestEvents, storePrepared } from "../../core/events/ingest-events.js";
import { PreparePool, rowsOf } from "../../core/events/prepare-pool.js";
import { gunzipCappedSync, itemsOfBody, parseBodyObject } from "../../core/events/request-body.js";
import type { AppEnv } from "../env.js";
import { rateLimit } from "../middleware/rate-limit.js";
import { errorResponses, json, router } from "../openapi.js";
import { bodyEncoding, readCapped, readIngestBody } from "./ingest-body.js";

const SINGLE: TEventType[] = ["track", "identify", "page", "screen", "group", "alias"];

let pool: PreparePool | null | undefined;
/**
 * The process's ingestion worker threads (JOURNEYLENS_INGEST_WORKERS, default 2 or the cores there
 * are if fewer; 0 parses on the main thread), started on first use and shared by every app in the
 * process. Preparing is the largest part of an event's cost, so two workers keep both cores of a
 * small machine busy (docs/benchmarks.md).
 */
function preparePool(): PreparePool | null {
  if (pool === undefined) {
    const n = Number(process.env.JOURNEYLENS_INGEST_WORKERS ?? Math.min(2, availableParallelism()));
    pool = Number.isInteger(n) && n > 0 ? new PreparePool(Math.min(n, 16)) : null;
  }
  return pool;
}

/** The write key from Basic (`key:`) or Bearer; `writeKey` in the body is read later. */
function headerKeyOf(c: Context<AppEnv>): string | undefined {
  const header = c.req.header("authorization");
  if (!header) return undefined;
  const [scheme, value = ""] = header.split(/\s+/, 2);
  if (scheme?.toLowerCase() === "bearer" && value) return value;
  if (scheme?.toLowerCase() === "basic" && value) {
    const decoded = Buffer.from(value, "base64").toString();
    const user = decoded.includes(":") ? decoded.slice(0, decoded.indexOf(":")) : decoded;
    if (user) return user;
  }
  return undefined;
}

/** Resolves the key (scope `ingest`) and sets it as the actor, for the rate limit. */
async function authenticate(c: Context<AppEnv>, secret: string): Promise<string> {
  const key = await resolveApiKey(c.get("stores").sor.db, secret);
  if (!key) throw new AppError("unauthenticated", "The write key is unknown, revoked or expired");
  if (!key.scopes.includes("ingest"))
    throw new AppError("forbidden", `This needs the "ingest" scope; the key holds: ${key.scopes.join(", ")}`);
  c.set("actor", { kind: "api_key", keyId: key.keyId, workspaceId: key.workspaceId, scopes: key.scopes });
  return key.workspaceId;
}

const description = (what: string) =>
  `${what} Segment HTTP API compatible: write key as Basic \`key:\`, Bearer or \`writeKey\`; ` +
  "gzip bodies; per-item results; rejected items are kept in failed events. See docs/api/observe.md §1.";

export function ingestRoutes() {
  const app = router();
  app.use(
    "/v1/*",
    cors({ origin: "*", allowHeaders: ["Authorization", "Content-Type", "Content-Encoding"] }),
  );

  // Per write key, after authentication (the key may sit in the body); the limit is the app's config.
  let perMinute = 0;
  const limiter = rateLimit(() => perMinute);

  const handle = (type: TEventType | undefined) => async (c: Context<AppEnv>) => {
    const config = c.get("config");
    const limits = config.ingest;
    const receivedAt = new Date();
    perMinute = limits.requestsPerMinute;
    // A key in the header is checked (and counted) before the body is read and parsed.
    const headerKey = headerKeyOf(c);
    let workspaceId = headerKey ? await authenticate(c, headerKey) : undefined;
    if (workspaceId) await limiter(c, async () => {});
    const workers = preparePool();
    if (workspaceId && workers?.usable) {
      // The usual case (key in the header): a worker thread parses and normalises the body.
      const gzip = bodyEncoding(c) === "gzip";
      const raw = await readCapped(c, limits.maxRequestBytes);
      const reply = await workers.prepare({
        body: raw,
        gzip,
        type,
        workspaceId,
        receivedAt: receivedAt.getTime(),
        limits,
        source: "http",
      });
      let items: unknown[] | undefined;
      // Only a duplicate_conflict needs an item's own JSON again (for failed_events).
      const itemAt = (i: number) => {
        items ??= itemsOfBody(
          parseBodyObject(gzip ? gunzipCappedSync(raw, limits.maxRequestBytes) : raw),
          type,
          limits,
        ).items;
        return items[i];
      };
      const prepared = {
        rows: rowsOf(workspaceId, "http", reply.cols),
        rowIndex: reply.rowIndex,
        failed: reply.failed,
        warnings: reply.warnings,
      };
      const result = await storePrepared(
        c.get("stores"),
        workspaceId,
        prepared,
        { ...(type && { type }), receivedAt, source: "http" },
        itemAt,
      );
      return c.json(result, 200);
    }
    const parsed = await readIngestBody(c, limits.maxRequestBytes);
    if (!workspaceId) {
      if (typeof parsed.writeKey !== "string" || !parsed.writeKey)
        throw new AppError(
          "unauthenticated",
          "Send the write key as Basic auth (key:), a Bearer token or writeKey in the body",
        );
      workspaceId = await authenticate(c, parsed.writeKey);
      await limiter(c, async () => {});
    }
    const { items, envelope } = itemsOfBody(parsed, type, limits);
    const result = await ingestEvents(c.get("stores"), workspaceId, items, {
      ...(type && { type }),
      envelope,
      receivedAt,
      limits,
      source: "http",
    });
    return c.json(result, 200);
  };

  const responses = {
    200: { description: "Stored durably; per-item results", ...json(ZIngestResult) },
    ...errorResponses,
  };
  const security = [{ bearer: [] }];
  for (const t of SINGLE) {
    app.openapi(
      createRoute({
        method: "post",
        path: `/v1/${t}`,
        tags: ["events"],
        summary: `Ingest one ${t} call`,
        description: description(`One \`${t}\` event.`),
        security,
        responses,
      }),
      handle(t),
    );
  }
  for (const path of ["/v1/batch", "/v1/import"]) {
    app.openapi(
      createRoute({
        method: "post",
        path,
        tags: ["events"],
        summary: path === "/v1/batch" ? "Ingest a batch of calls" : "Alias of /v1/batch",
        description: description(
          "`{ batch: [...], context?, integrations?, sentAt?, writeKey? }` (≤ 1,000).",
        ),
        security,
        responses,
      }),
      handle(undefined),
    );
  }
  return app;
}

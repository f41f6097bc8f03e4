import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode, FieldError } from "../core/errors.js";

/** The one table from error codes to HTTP status. */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  idempotency_in_flight: 409,
  payload_too_large: 413,
  unprocessable: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  data_dir_locked: 503,
};

const TITLES: Record<ErrorCode, string> = {
  validation_failed: "The request is not valid",
  unauthenticated: "Authentication required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  gone: "No longer available",
  idempotency_in_flight: "A request with this Idempotency-Key is still in progress",
  payload_too_large: "Request body too large",
  unprocessable: "The request is understood but cannot be carried out",
  idempotency_key_reused: "Idempotency-Key reused with a different request",
  rate_limited: "Too many requests",
  internal: "Internal error",
  unavailable: "Service unavailable",
  data_dir_locked: "Data directory in use",
};

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ pointer: z.string(), code: z.string(), message: z.string() })),
  })
  .openapi("Problem");

export function problem(
  c: Context,
  code: ErrorCode,
  detail: string,
  errors: FieldError[] = [],
  retryAfterSeconds?: number,
  extra?: Record<string, unknown>,
): Response {
  const status = STATUS[code];
  const requestId = (c.get("requestId") as string | undefined) ?? "";
  if (retryAfterSeconds !== undefined)
    c.header("Retry-After", String(Math.max(1, Math.ceil(retryAfterSeconds))));
  const body = {
    ...extra,
    type: `urn:journeylens:problem:${code}`,
    title: TITLES[code],
    status,
    detail,
    code,
    requestId,
    errors,
  };
  // Through the context, so headers set earlier (X-Request-Id, X-RateLimit-*) stay on the response.
  return c.body(JSON.stringify(body), status, { "Content-Type": "application/problem+json" });
}

import { OpenAPIHono, type z } from "@hono/zod-openapi";
import { AppError, type FieldError } from "../core/errors.js";
import type { AppEnv } from "./env.js";
import { ZProblem } from "./problem.js";

const TARGET_POINTER: Record<string, string> = {
  json: "/body",
  query: "/query",
  param: "/path",
  header: "/header",
  cookie: "/cookie",
  form: "/body",
};

/** Zod issues → field errors with JSON pointers into the request (`/body/scopes/0`). */
export function fieldErrors(target: string, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const base = TARGET_POINTER[target] ?? `/${target}`;
  return issues.map((issue) => ({
    pointer: [base, ...issue.path.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1"))].join(
      "/",
    ),
    code: issue.code,
    message: issue.message,
  }));
}

/** A router whose validation failures become 400 problems naming each failing field. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = fieldErrors(result.target, result.error.issues);
        const summary = errors.map((e) => `${e.pointer}: ${e.message}`).join("; ");
        throw new AppError("validation_failed", summary, { errors });
      }
    },
  });
}

/**
 * Names a schema in the OpenAPI document. Core schemas are built with plain zod, possibly before
 * `@hono/zod-openapi` has extended it, so they are copied (`extend({})`) before being named.
 */
export const named = <T extends z.ZodRawShape>(schema: z.ZodObject<T>, id: string) =>
  schema.extend({}).openapi(id);

export const json = <T extends z.ZodType>(schema: T, example?: z.input<T>) => ({
  content: { "application/json": { schema, ...(example !== undefined && { example }) } },
});

export const jsonBody = <T extends z.ZodType>(schema: T, example: z.input<T>) => ({
  body: { ...json(schema, example), required: true },
});

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ZProblem } },
});

/** Error responses every authenticated route can give. */
export const errorResponses = {
  400: problemResponse("Invalid request: `errors` names each failing field"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Authenticated, but not allowed"),
  404: problemResponse("Not found, or in a workspace the caller cannot see"),
  413: problemResponse("Request body too large"),
  429: problemResponse("Rate limit exceeded; see Retry-After"),
} as const;

export const conflictResponse = { 409: problemResponse("Conflicts with the current state") } as const;

export const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

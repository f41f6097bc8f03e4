/**
 * One error type for the whole core. Codes are stable strings; the HTTP layer maps them to
 * status codes in exactly one table (src/server/problem.ts).
 */
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "idempotency_key_reused"
  | "idempotency_in_flight"
  | "payload_too_large"
  | "unprocessable"
  | "rate_limited"
  | "unavailable"
  | "data_dir_locked"
  | "internal";

export interface FieldError {
  /** JSON pointer into the request (e.g. `/body/email`, `/query/limit`). */
  pointer: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | undefined;
  /** Extra problem members (e.g. the current state on a 409); the standard members win on a clash. */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      extra?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.errors = options.errors ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.extra = options.extra;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);

export const invalid = (pointer: string, message: string, code = "invalid") =>
  new AppError("validation_failed", message, { errors: [{ pointer, code, message }] });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

import type { Page } from "./types";

export interface FieldError {
  /** JSON pointer into the request, e.g. `/body/name`. */
  pointer: string;
  code: string;
  message: string;
}

/** An RFC 9457 problem answered by the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: FieldError[];
  /** The whole problem body, for members a route adds (e.g. `currentVersion` on a 409). */
  readonly body: Record<string, unknown>;

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    type?: string;
    requestId?: string;
    errors?: FieldError[];
    body?: Record<string, unknown>;
  }) {
    super(init.detail ?? init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.body = init.body ?? {};
  }

  /** The first field error whose pointer is `pointer` or lies below it. */
  fieldError(pointer: string): FieldError | undefined {
    return this.errors.find((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`));
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** Sent as is (a file upload) instead of JSON. */
  raw?: { body: Blob; contentType: string };
  signal?: AbortSignal;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function parseFieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isRecord).map((e) => ({
    pointer: str(e.pointer) ?? "",
    code: str(e.code) ?? "invalid",
    message: str(e.message) ?? "",
  }));
}

async function toApiError(res: Response): Promise<ApiError> {
  const requestId = res.headers.get("x-request-id") ?? undefined;
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (!isRecord(body)) return new ApiError({ status: res.status, title: res.statusText, requestId });
  return new ApiError({
    status: typeof body.status === "number" ? body.status : res.status,
    title: str(body.title) ?? res.statusText,
    detail: str(body.detail),
    type: str(body.type),
    requestId: str(body.requestId) ?? requestId,
    errors: parseFieldErrors(body.errors),
    body,
  });
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (options.raw) headers["Content-Type"] = options.raw.contentType;
  else if (options.body !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.raw
        ? options.raw.body
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({ status: 0, title: "Network error" });
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "POST", body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: "PUT", body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: "PATCH", body }),
  upload: <T>(path: string, body: Blob, contentType: string) =>
    apiRequest<T>(path, { method: "POST", raw: { body, contentType } }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: "DELETE" }),
};

const MAX_PAGES = 50;

/** Follows `nextCursor` until the list is complete; used for lists that stay small (members, keys). */
export async function fetchAllPages<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const sep = path.includes("?") ? "&" : "?";
    const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page: Page<T> = await api.get<Page<T>>(`${path}${sep}${query}`, signal);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

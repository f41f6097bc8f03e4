import { readFileSync } from "node:fs";
import { defaultAppConfig } from "../core/config.js";
import { acquireLock, readLock } from "../core/datadir/lock.js";
import { randomToken } from "../core/ids.js";
import { migrateStores, openStores } from "../core/stores.js";
import { createApp } from "../server/app.js";
import { systemTokenPath } from "../server/start.js";
import type { envConfig } from "./env.js";

export type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** A file in or out: for routes whose body or response is not JSON (imports, exports). */
export interface RawBody {
  contentType: string;
  data: Uint8Array;
}
export type RawCall = (method: string, path: string, body?: RawBody) => Promise<RawBody>;

export class CliError extends Error {}

interface Problem {
  detail?: string;
  errors?: { pointer: string; message: string }[];
}

async function parse<T>(res: Response): Promise<T> {
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const p = (body ?? {}) as Problem;
    const fields = (p.errors ?? [])
      .map((e) => `\n  ${e.pointer.replace(/^\/body\//, "--")}: ${e.message}`)
      .join("");
    throw new CliError(`${p.detail ?? `HTTP ${res.status}`}${fields}`);
  }
  return body as T;
}

/** Like `parse`, for files; row errors (`/rows/…`) already name their row and column. */
async function parseRaw(res: Response): Promise<RawBody> {
  const data = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) {
    let p: Problem = {};
    try {
      p = JSON.parse(Buffer.from(data).toString("utf8")) as Problem;
    } catch {
      // Not a problem document (e.g. a proxy's error page): the status line says enough.
    }
    const lines = (p.errors ?? []).map((e) =>
      e.pointer.startsWith("/rows/")
        ? `\n  ${e.message}`
        : `\n  ${e.pointer.replace(/^\/body\//, "--")}: ${e.message}`,
    );
    throw new CliError(`${p.detail ?? `HTTP ${res.status}`}${lines.join("")}`);
  }
  return { contentType: res.headers.get("content-type") ?? "", data };
}

const rawInit = (method: string, token: string, body?: RawBody): RequestInit => ({
  method,
  headers: { authorization: `Bearer ${token}`, ...(body && { "content-type": body.contentType }) },
  ...(body && { body: body.data as Uint8Array<ArrayBuffer> }),
});

/**
 * Runs `work` against the management API as the system actor: over HTTP when a server owns the
 * data directory, otherwise in-process on the opened data directory. One code path either way.
 */
export async function withApi<T>(
  env: ReturnType<typeof envConfig>,
  work: (call: Call, raw: RawCall) => Promise<T>,
): Promise<T> {
  const owner = readLock(env.dataDir);
  if (owner?.url) {
    const token = readFileSync(systemTokenPath(env.dataDir), "utf8").trim();
    const base = owner.url;
    return work(
      (method, path, body) =>
        fetch(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body !== undefined && { "content-type": "application/json" }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        }).then((r) => parse(r)),
      (method, path, body) => fetch(`${base}${path}`, rawInit(method, token, body)).then(parseRaw),
    );
  }
  const lock = acquireLock(env.dataDir);
  try {
    const stores = await openStores(env);
    try {
      await migrateStores(stores);
      const systemToken = randomToken();
      const app = createApp({
        stores,
        config: defaultAppConfig({ systemToken, ...(env.publicUrl && { publicUrl: env.publicUrl }) }),
      });
      return await work(
        (method, path, body) =>
          Promise.resolve(
            app.request(path, {
              method,
              headers: {
                authorization: `Bearer ${systemToken}`,
                ...(body !== undefined && { "content-type": "application/json" }),
              },
              ...(body !== undefined && { body: JSON.stringify(body) }),
            }),
          ).then((r) => parse(r)),
        (method, path, body) =>
          Promise.resolve(app.request(path, rawInit(method, systemToken, body))).then(parseRaw),
      );
    } finally {
      await stores.close();
    }
  } finally {
    lock.release();
  }
}

interface WorkspaceRef {
  id: string;
  slug: string;
  name: string;
}

/** Accepts a workspace id or slug. */
export async function findWorkspace(call: Call, ref: string): Promise<WorkspaceRef> {
  let cursor: string | null = null;
  do {
    const qs: string = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : "?limit=100";
    const page: { items: WorkspaceRef[]; nextCursor: string | null } = await call(
      "GET",
      `/api/v1/workspaces${qs}`,
    );
    const hit = page.items.find((w) => w.id === ref || w.slug === ref);
    if (hit) return hit;
    cursor = page.nextCursor;
  } while (cursor);
  throw new CliError(`No workspace with id or slug "${ref}" (see: journeylens workspace list)`);
}

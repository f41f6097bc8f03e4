import type { Db } from "../db/connect.js";
import { DbReadCache } from "../db/read-cache.js";
import type { ApiKeyRow, Scope } from "../db/schema.js";
import { randomToken } from "../ids.js";
import type { TApiKey } from "./api-keys.schema.js";
import { sha256 } from "./secrets.js";

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function toApiKey(row: ApiKeyRow): TApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  };
}

/**
 * Secrets look like `jl_<8 chars prefix>_<43 chars secret>`. The prefix is stored in clear so
 * people can recognise a key in lists and logs; only the SHA-256 of the whole secret is kept.
 */
export function generateApiKeySecret(): { prefix: string; secret: string } {
  const prefix = `jl_${randomToken(6).replace(/[-_]/g, "x").slice(0, 8)}`;
  return { prefix, secret: `${prefix}_${randomToken(32)}` };
}

export const prefixOf = (secret: string): string | undefined =>
  /^(jl_[A-Za-z0-9]{8})_[A-Za-z0-9_-]{43}$/.exec(secret)?.[1];

export interface ResolvedApiKey {
  keyId: string;
  workspaceId: string;
  scopes: Scope[];
}

/**
 * How long a looked-up key is reused without reading the database again. Revocation in this process
 * takes effect at once (`forgetApiKeys`); another process sharing the database sees it within this
 * time. It spares the ingestion endpoints a database read per request.
 */
export const API_KEY_CACHE_MS = 5_000;
/** Per database handle, by the secret's SHA-256 (the secret itself is not kept). */
const cache = new DbReadCache<ApiKeyRow | undefined>(API_KEY_CACHE_MS);

/** Drops every cached key lookup; call after a key changed (revocation). */
export function forgetApiKeys(): void {
  cache.forget();
}

function lookUp(db: Db, prefix: string, hash: string): Promise<ApiKeyRow | undefined> {
  return cache.get(db, hash, async () => {
    const row = await db.selectFrom("api_keys").selectAll().where("prefix", "=", prefix).executeTakeFirst();
    return row && row.secret_hash === hash ? row : undefined;
  });
}

/** A usable key: known, not revoked, not expired. Touches `last_used_at` at most once a minute. */
export async function resolveApiKey(db: Db, secret: string): Promise<ResolvedApiKey | undefined> {
  const prefix = prefixOf(secret);
  if (!prefix) return undefined;
  const row = await lookUp(db, prefix, sha256(secret));
  if (!row || row.revoked_at !== null) return undefined;
  if (row.expires_at !== null && new Date(row.expires_at).getTime() <= Date.now()) return undefined;
  const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : 0;
  if (Date.now() - lastUsed > 60_000) {
    const now = new Date();
    // The cached row learns it too, so cached lookups do not write again within the minute.
    row.last_used_at = now;
    await db.updateTable("api_keys").set({ last_used_at: now }).where("id", "=", row.id).execute();
  }
  return { keyId: row.id, workspaceId: row.workspace_id, scopes: row.scopes };
}

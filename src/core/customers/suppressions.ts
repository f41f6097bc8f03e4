import type { Db } from "../db/connect.js";
import { DbReadCache } from "../db/read-cache.js";

/** How long a workspace's suppressed ids are reused before reading them again (other processes). */
export const SUPPRESSIONS_CACHE_MS = 5_000;

const cache = new DbReadCache<ReadonlySet<string>>(SUPPRESSIONS_CACHE_MS);

/** Drops the cached sets; call after suppressions changed in this process. */
export function forgetSuppressions(): void {
  cache.forget();
}

/**
 * The workspace's suppressed distinct ids (`user:…`, `anon:…`, `email:<hash>` …), cached a few
 * seconds per database handle: ingestion asks on every request, erasures are rare.
 */
export function suppressedIds(db: Db, workspaceId: string): Promise<ReadonlySet<string>> {
  return cache.get(db, workspaceId, async () => {
    const rows = await db
      .selectFrom("suppressions")
      .select("distinct_id")
      .where("workspace_id", "=", workspaceId)
      .execute();
    return new Set(rows.map((r) => r.distinct_id));
  });
}

export interface TSuppression {
  /** `user:<id>` and `anon:<id>` as they are; hashed kinds (e-mail, phone) only by kind and hash. */
  distinctId: string;
  reason: string;
  createdAt: string;
}

/** The workspace's suppressions, newest first (at most `limit`). */
export async function listSuppressions(db: Db, workspaceId: string, limit = 500): Promise<TSuppression[]> {
  const rows = await db
    .selectFrom("suppressions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .orderBy("distinct_id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    distinctId: r.distinct_id,
    reason: r.reason,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Lifts a suppression (the person agreed to be tracked again); false when there was none. */
export async function liftSuppression(db: Db, workspaceId: string, distinctId: string): Promise<boolean> {
  const r = await db
    .deleteFrom("suppressions")
    .where("workspace_id", "=", workspaceId)
    .where("distinct_id", "=", distinctId)
    .executeTakeFirst();
  forgetSuppressions();
  return Number(r.numDeletedRows) > 0;
}

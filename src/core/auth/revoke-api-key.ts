import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { forgetApiKeys, toApiKey } from "./api-keys.js";
import type { TApiKey } from "./api-keys.schema.js";

/**
 * Revocation takes effect on this process's next request; other processes sharing the database
 * see it within `API_KEY_CACHE_MS`.
 */
export async function revokeApiKey(ctx: WorkspaceContext, keyId: string): Promise<TApiKey> {
  if (!isUuid(keyId)) throw notFound("API key");
  const { db, access } = ctx;
  const revoked = await db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable("api_keys")
      .set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(new Date())) }))
      .where("id", "=", keyId)
      .where("workspace_id", "=", access.workspaceId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound("API key");
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: keyId,
      outcome: "success",
      details: { prefix: row.prefix },
      requestId: ctx.requestId,
    });
    return toApiKey(row);
  });
  // After the commit: a lookup racing the transaction cannot cache the key as still valid.
  forgetApiKeys();
  return revoked;
}

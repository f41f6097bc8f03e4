import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError, invalid } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { actorId, canGrantScopes } from "../permissions/index.js";
import { generateApiKeySecret, toApiKey } from "./api-keys.js";
import type { TApiKey, TCreateApiKey } from "./api-keys.schema.js";
import { sha256 } from "./secrets.js";

/** Creates a key and returns its secret, which is never retrievable again. */
export async function createApiKey(
  ctx: WorkspaceContext,
  input: TCreateApiKey,
): Promise<{ apiKey: TApiKey; secret: string }> {
  const { access, db } = ctx;
  if (!canGrantScopes(access, input.scopes)) {
    await recordAudit(db, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "api_key.create",
      targetType: "api_key",
      targetId: null,
      outcome: "denied",
      details: { scopes: input.scopes },
      requestId: ctx.requestId,
    });
    throw new AppError("forbidden", "You cannot create a key with scopes you do not hold yourself", {
      errors: [
        { pointer: "/body/scopes", code: "scope_not_held", message: `You hold: ${access.scopes.join(", ")}` },
      ],
    });
  }
  if (input.expiresAt && new Date(input.expiresAt).getTime() <= Date.now()) {
    throw invalid("/body/expiresAt", "expiresAt must be in the future", "not_in_future");
  }
  const { prefix, secret } = generateApiKeySecret();
  const id = uuidv7();
  const creator = access.actor.kind === "user" ? access.actor.userId : null;
  const row = await db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto("api_keys")
      .values({
        id,
        workspace_id: access.workspaceId,
        name: input.name,
        prefix,
        secret_hash: sha256(secret),
        scopes: JSON.stringify([...new Set(input.scopes)]),
        created_by: creator,
        expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "api_key.create",
      targetType: "api_key",
      targetId: id,
      outcome: "success",
      details: { name: input.name, prefix, scopes: input.scopes, by: actorId(access.actor) },
      requestId: ctx.requestId,
    });
    return inserted;
  });
  return { apiKey: toApiKey(row), secret };
}

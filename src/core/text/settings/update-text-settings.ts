import { isIP } from "node:net";
import { recordAudit } from "../../audit/record-audit.js";
import type { WorkspaceContext } from "../../context.js";
import { AppError, invalid } from "../../errors.js";
import { hasScope } from "../../permissions/index.js";
import { isPrivateAddress } from "../../webhooks/post-webhook.js";
import { loadTextSettings, publicTextSettings } from "./get-text-settings.js";
import {
  type StoredProvider,
  type TTextSettings,
  type TUpdateTextSettings,
  ZUpdateTextSettings,
} from "./text-settings.schema.js";

export interface UpdateTextSettingsOptions {
  /** Same rule as webhooks (config.webhooks.allowPrivateAddresses). */
  allowPrivateAddresses: boolean;
}

/**
 * Chooses the text engine (admin). The key of an HTTP provider is write-only: omitted keeps the
 * saved one, null removes it. An IP literal in a private range is refused here already; host names
 * are checked again at connect time, so a name that resolves inward is never reached either.
 */
export async function updateTextSettings(
  ctx: WorkspaceContext,
  body: TUpdateTextSettings,
  options: UpdateTextSettingsOptions,
): Promise<TTextSettings> {
  const { db, access } = ctx;
  if (!hasScope(access, "admin"))
    throw new AppError("forbidden", "Changing the text engine needs the admin role or scope");
  const parsed = ZUpdateTextSettings.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw invalid(`/body/${first?.path.join("/") ?? ""}`, first?.message ?? "invalid settings");
  }
  const input = parsed.data.provider;
  if (input.kind === "http" && !options.allowPrivateAddresses) {
    const host = new URL(input.url).hostname.replace(/^\[|\]$/g, "");
    if (host === "localhost" || (isIP(host) !== 0 && isPrivateAddress(host)))
      throw invalid(
        "/body/provider/url",
        `${host} is a private or loopback address; providers must be reachable on the public internet`,
        "private_address",
      );
  }

  const workspaceId = access.workspaceId;
  return db.transaction().execute(async (tx) => {
    const current = await loadTextSettings(tx, workspaceId);
    let provider: StoredProvider = { kind: "builtin" };
    if (input.kind === "http") {
      const keptKey = current.provider.kind === "http" ? current.provider.apiKey : undefined;
      const apiKey = input.apiKey === undefined ? keptKey : (input.apiKey ?? undefined);
      provider = {
        kind: "http",
        url: input.url,
        timeoutMs: input.timeoutMs,
        ...(apiKey !== undefined && { apiKey }),
      };
    }
    const json = JSON.stringify(provider);
    await tx
      .insertInto("text_settings")
      .values({ workspace_id: workspaceId, provider: json, updated_at: new Date() })
      .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ provider: json, updated_at: new Date() }))
      .execute();
    const result = publicTextSettings({ ...current, provider });
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "text.settings.update",
      targetType: "text_settings",
      targetId: workspaceId,
      outcome: "success",
      details: { provider: result.provider },
      requestId: ctx.requestId,
    });
    return result;
  });
}

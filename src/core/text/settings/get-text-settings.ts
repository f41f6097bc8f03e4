import type { WorkspaceContext } from "../../context.js";
import type { Db } from "../../db/connect.js";
import { type StoredProvider, type TTextSettings, ZStoredProvider } from "./text-settings.schema.js";

export interface TextSettingsState {
  provider: StoredProvider;
  version: number;
  taxonomyCustom: boolean;
}

/**
 * The workspace's text settings as the enrichment uses them (API key included). A workspace that
 * never saved any has the defaults: built-in engine, default taxonomy, version 1. A stored provider
 * that no longer parses (hand-edited row) falls back to the built-in engine rather than failing.
 */
export async function loadTextSettings(db: Db, workspaceId: string): Promise<TextSettingsState> {
  const row = await db
    .selectFrom("text_settings")
    .select(["provider", "version", "taxonomy"])
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!row) return { provider: { kind: "builtin" }, version: 1, taxonomyCustom: false };
  const provider = ZStoredProvider.safeParse(row.provider);
  return {
    provider: provider.success ? provider.data : { kind: "builtin" },
    version: row.version,
    taxonomyCustom: row.taxonomy !== null,
  };
}

/** The client's view: the API key is never returned, only whether one is set. */
export function publicTextSettings(state: TextSettingsState): TTextSettings {
  const p = state.provider;
  return {
    provider:
      p.kind === "http"
        ? { kind: "http", url: p.url, hasApiKey: p.apiKey !== undefined, timeoutMs: p.timeoutMs }
        : { kind: "builtin" },
    taxonomyCustom: state.taxonomyCustom,
    version: state.version,
  };
}

export async function getTextSettings(ctx: WorkspaceContext): Promise<TTextSettings> {
  return publicTextSettings(await loadTextSettings(ctx.db, ctx.access.workspaceId));
}

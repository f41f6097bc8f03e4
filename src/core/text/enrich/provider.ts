import type { Db } from "../../db/connect.js";
import type { Taxonomy } from "../analysis.js";
import { analyzeText, ENGINE } from "../analyze-text.js";
import type { CompiledTaxonomy } from "../aspects/detect-aspects.js";
import type { StoredProvider } from "../settings/text-settings.schema.js";
import type { StoredAnalysis } from "./analysis.schema.js";
import { httpProvider } from "./http-provider.js";

/** One text to analyse: the analysed text (title and text joined) and the record's stored language. */
export interface ProviderItem {
  id: string;
  text: string;
  /** The record's language when it is one with rules; null lets the text decide. */
  language: "de" | "en" | null;
}

export interface ProviderContext {
  taxonomy: Taxonomy;
  compiled: CompiledTaxonomy;
}

/**
 * An engine behind the enrichment (docs/api/understand.md §3). `analyze` answers every item (an
 * external engine falls back to the built-in result per item) and never throws for one bad text.
 */
export interface TextProvider {
  /** Part of every input hash, so a change of engine or provider address re-analyses. */
  readonly fingerprint: string;
  analyze(items: readonly ProviderItem[], context: ProviderContext): Promise<Map<string, StoredAnalysis>>;
}

/** The offline, explainable rules: the default engine and every external provider's fallback. */
export const builtinProvider: TextProvider = {
  fingerprint: ENGINE,
  async analyze(items, { compiled }) {
    return new Map(items.map((i) => [i.id, analyzeText(i.text, { compiled, language: i.language })]));
  },
};

export interface ProviderEnvironment {
  db: Db;
  workspaceId: string;
  /** config.webhooks.allowPrivateAddresses: the same address rule as webhooks. */
  allowPrivateAddresses: boolean;
}

/** The workspace's engine from its stored settings. */
export function providerFor(settings: StoredProvider, env: ProviderEnvironment): TextProvider {
  return settings.kind === "http" ? httpProvider(settings, env) : builtinProvider;
}

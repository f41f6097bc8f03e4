import type { WorkspaceContext } from "../../context.js";
import type { Db } from "../../db/connect.js";
import type { Taxonomy } from "../analysis.js";
import { DEFAULT_TAXONOMY } from "./default-taxonomy.js";
import { type TTaxonomyState, ZTaxonomy } from "./taxonomy.schema.js";

/** The version of a workspace without a text_settings row: the column default, so creating the row changes nothing. */
export const INITIAL_TAXONOMY_VERSION = 1;

export interface WorkspaceTaxonomy {
  /** text_settings.version; bumped by every taxonomy change (part of the enrichment input hash). */
  version: number;
  /** False while the workspace uses DEFAULT_TAXONOMY. */
  custom: boolean;
  taxonomy: Taxonomy;
}

/** The workspace's taxonomy: its saved one, or the built-in default (no row, or taxonomy null). */
export async function loadTaxonomy(db: Db, workspaceId: string): Promise<WorkspaceTaxonomy> {
  const row = await db
    .selectFrom("text_settings")
    .select(["taxonomy", "version"])
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  const version = row?.version ?? INITIAL_TAXONOMY_VERSION;
  if (row?.taxonomy == null) return { version, custom: false, taxonomy: DEFAULT_TAXONOMY };
  return { version, custom: true, taxonomy: parseStored(workspaceId, row.taxonomy) };
}

// The same object for an unchanged taxonomy, so compileTaxonomy's memo spares every batch a recompile.
const parsed = new Map<string, { json: string; taxonomy: Taxonomy }>();
const MAX_CACHED = 200;

function parseStored(workspaceId: string, stored: unknown): Taxonomy {
  const json = JSON.stringify(stored);
  const hit = parsed.get(workspaceId);
  if (hit?.json === json) return hit.taxonomy;
  const taxonomy = ZTaxonomy.parse(stored);
  if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value as string);
  parsed.set(workspaceId, { json, taxonomy });
  return taxonomy;
}

/** GET /text/taxonomy: the taxonomy in use, whether it is the workspace's own, and its version. */
export async function getTaxonomy(ctx: WorkspaceContext): Promise<TTaxonomyState> {
  const { version, custom, taxonomy } = await loadTaxonomy(ctx.db, ctx.access.workspaceId);
  return { version, custom, aspects: taxonomy.aspects };
}

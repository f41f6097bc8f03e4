import { z } from "zod";
import type { WorkspaceContext } from "../../context.js";
import type { TextAnalysis } from "../analysis.js";
import { analyzeText } from "../analyze-text.js";
import { compileTaxonomy } from "../aspects/detect-aspects.js";
import { loadTaxonomy } from "../aspects/get-taxonomy.js";
import { MAX_ANALYSED_CHARS } from "../tokenize.js";

export const ZAnalyzeTextBody = z.object({
  text: z.string().max(MAX_ANALYSED_CHARS, `at most ${MAX_ANALYSED_CHARS} characters`),
  /** The text decides when omitted. */
  language: z.enum(["de", "en"]).optional(),
});
export type TAnalyzeTextBody = z.infer<typeof ZAnalyzeTextBody>;

/** `POST /text/analyze`: the built-in analysis with the workspace's taxonomy; nothing is stored. */
export async function analyzePlayground(
  ctx: WorkspaceContext,
  body: TAnalyzeTextBody,
): Promise<TextAnalysis> {
  const { taxonomy } = await loadTaxonomy(ctx.db, ctx.access.workspaceId);
  return analyzeText(body.text, { compiled: compileTaxonomy(taxonomy), language: body.language ?? null });
}

import type { Command } from "commander";
import type { TextAnalysis } from "../../core/text/analysis.js";
import { analyzeText } from "../../core/text/analyze-text.js";
import { DEFAULT_TAXONOMY } from "../../core/text/aspects/default-taxonomy.js";
import { compileTaxonomy } from "../../core/text/aspects/detect-aspects.js";
import type { TTextBackfill } from "../../core/text/enrich/backfill.js";
import { CliError, findWorkspace, withApi } from "../api.js";
import { envConfig } from "../env.js";
import { createProgress } from "../progress.js";

const signed = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x.toFixed(2));
const quoted = (s: string) => JSON.stringify(s.replace(/\s+/g, " "));

/** The analysis as a person reads it: the verdict, then the evidence per clause, then aspects. */
export function formatAnalysis(a: TextAnalysis): string {
  const labels = new Map(DEFAULT_TAXONOMY.aspects.map((x) => [x.key, x.label]));
  const lines = [`Sentiment: ${a.label} (${signed(a.score)}), language ${a.language}, engine ${a.engine}`];
  if (a.clauses.length > 0) lines.push("Clauses:");
  a.clauses.forEach((c, i) => {
    lines.push(`  ${i + 1}. ${quoted(c.text)} – ${c.label} (${signed(c.score)})`);
    for (const cue of c.cues)
      lines.push(`       ${cue.kind} ${quoted(cue.text)}${cue.value !== 0 ? ` ${signed(cue.value)}` : ""}`);
  });
  lines.push(a.aspects.length > 0 ? "Aspects:" : "Aspects: none found");
  for (const hit of a.aspects) {
    const label = labels.get(hit.aspect)?.[a.language === "de" ? "de" : "en"];
    const words = hit.triggers.map((t) => quoted(t.text)).join(", ");
    lines.push(
      `  ${hit.aspect}${label ? ` (${label})` : ""}: ${hit.label} (${signed(hit.score)}) – ${words}`,
    );
  }
  lines.push(`Keywords: ${a.keywords.join(", ") || "none"}`);
  return lines.join("\n");
}

async function backfill(workspace: string): Promise<TTextBackfill> {
  return withApi(envConfig(), async (call) => {
    const w = await findWorkspace(call, workspace);
    const base = `/api/v1/workspaces/${w.id}/text/backfills`;
    // Returns the running backfill when there is one, so an interrupted run resumes at its cursor.
    let b = await call<TTextBackfill>("POST", base);
    const progress = createProgress({ total: b.total, label: "records analysed" });
    progress.update(b.processed);
    try {
      while (b.status === "running") {
        b = await call<TTextBackfill>("POST", `${base}/${b.id}/step`);
        progress.update(b.processed);
      }
    } finally {
      progress.finish();
    }
    return b;
  });
}

export function textCommand(program: Command): void {
  const text = program
    .command("text")
    .description("Text analytics: sentiment, aspects and keywords of feedback");

  text
    .command("backfill")
    .description(
      "Re-analyse every feedback record of a workspace (e.g. after changing the taxonomy or the engine). " +
        "Resumes the running backfill if there is one; works with or without a running server.",
    )
    .requiredOption("--workspace <idOrSlug>", "workspace id or slug")
    .action(async (o: { workspace: string }) => {
      const b = await backfill(o.workspace);
      if (b.status !== "done") throw new CliError(`Backfill ${b.id} ended ${b.status}: ${b.error ?? ""}`);
      console.log(`Backfill ${b.id}: ${b.processed} records analysed`);
    });

  text
    .command("analyze")
    .description(
      "Analyse one text with the built-in engine and the default taxonomy (offline, nothing stored)",
    )
    .argument("<text>", "the text, quoted")
    .option("--language <language>", "de or en (detected from the text when omitted)")
    .option("--json", "print the analysis as JSON")
    .action((input: string, o: { language?: string; json?: boolean }) => {
      if (o.language !== undefined && o.language !== "de" && o.language !== "en")
        throw new CliError(`--language: "${o.language}" is not de or en`);
      const analysis = analyzeText(input, {
        compiled: compileTaxonomy(DEFAULT_TAXONOMY),
        language: (o.language as "de" | "en" | undefined) ?? null,
      });
      console.log(o.json ? JSON.stringify(analysis, null, 2) : formatAnalysis(analysis));
    });
}

/**
 * Text enrichment benchmark. (1) `analyzeText`, the whole built-in pipeline (tokenize, language,
 * sentiment, aspects, keywords), on one thread over the shared development texts (GermEval 2017
 * dev and English reviews, read at run time), median of 3 runs of 3 s. (2) A backfill of N records
 * through `stepBackfill` on embedded stores: analysis plus the enrichment upsert (PGlite) and the
 * facts insert (chDB), chunks of 500.
 * Run: npx tsx bench/text-enrichment.ts [records=20000]
 */
import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { parse } from "csv-parse/sync";
import { ingestFeedback } from "../src/core/feedback/ingest-feedback.js";
import { analyzeText } from "../src/core/text/analyze-text.js";
import { DEFAULT_TAXONOMY } from "../src/core/text/aspects/default-taxonomy.js";
import { compileTaxonomy } from "../src/core/text/aspects/detect-aspects.js";
import { startBackfill, stepBackfill } from "../src/core/text/enrich/backfill.js";
import { sharedDataFile } from "../src/testing/shared-data.js";
import { openBenchWorkspace } from "./bench-workspace.js";

const N = Number(process.argv[2] ?? 20_000);
const GERMAN = sharedDataFile("feedback_de/germeval2017_dev_docs.jsonl");
const ENGLISH = sharedDataFile("feedback_en/womens_clothing_ecommerce_reviews_subset.csv");

function corpus(): string[] {
  const texts: string[] = [];
  if (existsSync(GERMAN))
    for (const line of readFileSync(GERMAN, "utf8").split("\n"))
      if (line.trim() !== "") texts.push((JSON.parse(line) as { text: string }).text);
  if (existsSync(ENGLISH))
    for (const row of parse(readFileSync(ENGLISH), { columns: true }) as Record<string, string>[])
      if (row["Review Text"]) texts.push(row["Review Text"]);
  if (texts.length === 0) throw new Error(`no texts: neither ${GERMAN} nor ${ENGLISH} exists`);
  return texts;
}

const texts = corpus();
const chars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
const compiled = compileTaxonomy(DEFAULT_TAXONOMY);
console.log(`${cpus()[0]?.model ?? "?"} × ${cpus().length}, Node ${process.version}`);
console.log(`${texts.length} texts of ${Math.round(chars)} characters on average`);

const rates: number[] = [];
for (const t of texts) analyzeText(t, { compiled });
for (let run = 0; run < 3; run++) {
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < 3000) {
    for (const t of texts) analyzeText(t, { compiled });
    done += texts.length;
  }
  rates.push(done / ((performance.now() - started) / 1000));
}
rates.sort((a, b) => a - b);
console.log(
  `analyzeText, one thread: ${Math.round(rates[1] ?? 0)} texts/s (runs: ${rates.map(Math.round).join(", ")})`,
);

const { stores, workspaceId, access, close } = await openBenchWorkspace("text");
try {
  const ctx = { db: stores.sor.db, access };
  for (let i = 0; i < N; i += 1000) {
    const items = Array.from({ length: Math.min(1000, N - i) }, (_, j) => ({
      input: { channel: "email" as const, text: texts[(i + j) % texts.length] as string },
      pointer: `/items/${i + j}`,
    }));
    await ingestFeedback(ctx, items);
  }
  const { backfill } = await startBackfill(ctx);
  const started = performance.now();
  let b = backfill;
  while (b.status === "running")
    b = await stepBackfill(stores, workspaceId, b.id, { allowPrivateAddresses: false });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `backfill of ${b.processed} records (embedded PGlite + chDB): ${seconds.toFixed(2)} s = ${Math.round(b.processed / seconds)} records/s`,
  );
} finally {
  await close();
}

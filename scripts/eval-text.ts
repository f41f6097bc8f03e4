/**
 * Evaluation of the built-in text analytics on the shared development data (read at run time, never
 * copied): GermEval 2017 dev (German document sentiment on relevant documents, aspect detection),
 * the Women's E-Commerce Clothing Reviews subset (English 3-class sentiment from the star rating),
 * and single-thread throughput of tokenize + sentiment + aspects. Figures go to docs/benchmarks.md.
 * Run: npm run eval:text
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Polarity, RuleLanguage } from "../src/core/text/analysis.js";
import { DEFAULT_TAXONOMY } from "../src/core/text/aspects/default-taxonomy.js";
import { compileTaxonomy, detectAspects } from "../src/core/text/aspects/detect-aspects.js";
import { analyzeSentiment } from "../src/core/text/sentiment/analyze-sentiment.js";
import { tokenize } from "../src/core/text/tokenize.js";
import { sharedDataFile } from "../src/testing/shared-data.js";

const LABELS: Polarity[] = ["negative", "neutral", "positive"];

interface Doc {
  text: string;
  gold: Polarity;
  categories: string[];
}

/**
 * GermEval categories (railway feedback) mapped to the default taxonomy's keys. Categories without a
 * counterpart (Allgemein, Zugfahrt#Streckennetz, Auslastung, Barrierefreiheit, Komfort, Image,
 * Design, Gepäck, Reisen mit Kindern, technical damage) are left out of the aspect score; so are
 * predicted aspects no category maps to (refund, contract, billing …), which GermEval cannot judge.
 */
const CATEGORY_TO_ASPECT: Record<string, string> = {
  "Zugfahrt#Pünktlichkeit": "punctuality",
  "Zugfahrt#Anschlusserreichung": "punctuality",
  "Zugfahrt#Fahrtzeit_und_Schnelligkeit": "punctuality",
  "Sonstige_Unregelmässigkeiten#Haupt": "punctuality",
  "Service_und_Kundenbetreuung#Haupt": "staff_friendliness",
  "Service_und_Kundenbetreuung#Zugbetreuung": "staff_friendliness",
  "Informationen#Haupt": "communication",
  "DB_App_und_Website#Haupt": "digital",
  "DB_App_und_Website#Störungen_DB_App_und_Website": "digital",
  "DB_App_und_Website#Informationen_DB_App_und_Website": "digital",
  "Connectivity#Haupt": "connectivity",
  "Connectivity#WLAN_und_Internet": "connectivity",
  "Connectivity#ICE_Portal": "connectivity",
  "Connectivity#Telefonie_und_Handyempfang": "connectivity",
  "Ticketkauf#Haupt": "price",
  "Gastronomisches_Angebot#Preise": "price",
  "Atmosphäre#Haupt": "cleanliness",
  "Atmosphäre#Sauberkeit_allgemein": "cleanliness",
  "Atmosphäre#Geruch": "cleanliness",
  "Atmosphäre#Lautstärke": "cleanliness",
  "Atmosphäre#Temperatur": "cleanliness",
  "Atmosphäre#Beleuchtung": "cleanliness",
  "Komfort_und_Ausstattung#Sauberkeit_Sitzplatz": "cleanliness",
  "Toiletten#Haupt": "cleanliness",
  "Toiletten#Funktionsfähigkeit_Toiletten": "cleanliness",
  "Sicherheit#Haupt": "safety",
};
const EVALUATED_ASPECTS = new Set(Object.values(CATEGORY_TO_ASPECT));

function germanDocs(): Doc[] {
  const lines = readFileSync(sharedDataFile("feedback_de/germeval2017_dev_docs.jsonl"), "utf8").split("\n");
  const docs: Doc[] = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    const d = JSON.parse(line) as {
      text: string;
      relevance: boolean;
      sentiment: Polarity;
      opinions: { category: string }[];
    };
    if (d.relevance)
      docs.push({ text: d.text, gold: d.sentiment, categories: d.opinions.map((o) => o.category) });
  }
  return docs;
}

function englishDocs(): Doc[] {
  const rows = parse(
    readFileSync(sharedDataFile("feedback_en/womens_clothing_ecommerce_reviews_subset.csv")),
    {
      columns: true,
      skip_empty_lines: true,
    },
  ) as Record<string, string>[];
  return rows.map((r) => {
    const rating = Number(r.Rating);
    const text = [r.Title, r.ReviewText ?? r["Review Text"]].filter((s) => s && s.trim() !== "").join("\n\n");
    return { text, gold: rating <= 2 ? "negative" : rating === 3 ? "neutral" : "positive", categories: [] };
  });
}

interface Scores {
  accuracy: number;
  microF1: number;
  macroF1: number;
  matrix: number[][];
  majority: number;
}

function score(gold: Polarity[], predicted: Polarity[]): Scores {
  const matrix = LABELS.map(() => LABELS.map(() => 0));
  gold.forEach((g, i) => {
    const row = matrix[LABELS.indexOf(g)] as number[];
    const col = LABELS.indexOf(predicted[i] as Polarity);
    row[col] = (row[col] ?? 0) + 1;
  });
  const at = (r: number, c: number) => matrix[r]?.[c] ?? 0;
  const correct = LABELS.reduce((s, _, k) => s + at(k, k), 0);
  const f1s = LABELS.map((_, k) => {
    const tp = at(k, k);
    const predictedK = LABELS.reduce((s, _, r) => s + at(r, k), 0);
    const goldK = LABELS.reduce((s, _, c) => s + at(k, c), 0);
    return tp === 0 ? 0 : (2 * tp) / (predictedK + goldK);
  });
  const counts = LABELS.map((l) => gold.filter((g) => g === l).length);
  // With one label per document, micro-F1 over the three classes equals accuracy.
  return {
    accuracy: correct / gold.length,
    microF1: correct / gold.length,
    macroF1: f1s.reduce((a, b) => a + b, 0) / LABELS.length,
    matrix,
    majority: Math.max(...counts) / gold.length,
  };
}

const f3 = (x: number) => x.toFixed(3);

function printSentiment(title: string, docs: Doc[], language: RuleLanguage): void {
  const predicted = docs.map((d) => analyzeSentiment(d.text, tokenize(d.text), language).label);
  const s = score(
    docs.map((d) => d.gold),
    predicted,
  );
  console.log(`\n${title}: ${docs.length} documents`);
  console.log(
    `  accuracy ${f3(s.accuracy)}  micro-F1 ${f3(s.microF1)}  macro-F1 ${f3(s.macroF1)}  majority baseline ${f3(s.majority)}`,
  );
  console.log(`  confusion (rows gold, columns predicted: ${LABELS.join(", ")})`);
  for (const [k, l] of LABELS.entries())
    console.log(`    ${l.padEnd(9)} ${(s.matrix[k] ?? []).map((n) => String(n).padStart(5)).join("")}`);
}

function printAspects(docs: Doc[]): void {
  const compiled = compileTaxonomy(DEFAULT_TAXONOMY);
  const perKey = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (key: string, field: "tp" | "fp" | "fn") => {
    const c = perKey.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    perKey.set(key, c);
  };
  for (const d of docs) {
    const tokens = tokenize(d.text);
    const hits = detectAspects(tokens, analyzeSentiment(d.text, tokens, "de"), "de", compiled);
    const predicted = new Set(hits.map((h) => h.aspect).filter((k) => EVALUATED_ASPECTS.has(k)));
    const gold = new Set(d.categories.flatMap((c) => CATEGORY_TO_ASPECT[c] ?? []));
    for (const k of predicted) bump(k, gold.has(k) ? "tp" : "fp");
    for (const k of gold) if (!predicted.has(k)) bump(k, "fn");
  }
  const sum = (field: "tp" | "fp" | "fn") => [...perKey.values()].reduce((s, c) => s + c[field], 0);
  const [tp, fp, fn] = [sum("tp"), sum("fp"), sum("fn")];
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  console.log(`\nGerman aspects (GermEval categories mapped to taxonomy keys, relevant documents)`);
  console.log(
    `  micro precision ${f3(p)}  recall ${f3(r)}  F1 ${f3(p + r === 0 ? 0 : (2 * p * r) / (p + r))}  (tp ${tp}, fp ${fp}, fn ${fn})`,
  );
  for (const [k, c] of [...perKey].sort())
    console.log(`    ${k.padEnd(20)} tp ${c.tp}  fp ${c.fp}  fn ${c.fn}`);
}

function printThroughput(german: Doc[], english: Doc[]): void {
  const compiled = compileTaxonomy(DEFAULT_TAXONOMY);
  const texts: [string, RuleLanguage][] = [
    ...german.map((d): [string, RuleLanguage] => [d.text, "de"]),
    ...english.map((d): [string, RuleLanguage] => [d.text, "en"]),
  ];
  const run = () => {
    for (const [text, language] of texts) {
      const tokens = tokenize(text);
      detectAspects(tokens, analyzeSentiment(text, tokens, language), language, compiled);
    }
  };
  run();
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < 3000) {
    run();
    done += texts.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const chars = texts.reduce((s, [t]) => s + t.length, 0) / texts.length;
  console.log(
    `\nThroughput (one thread, tokenize + sentiment + aspects, ${texts.length} texts of ${Math.round(chars)} characters on average, repeated for ${seconds.toFixed(1)} s)`,
  );
  console.log(`  ${Math.round(done / seconds)} texts/s`);
}

const german = germanDocs();
const english = englishDocs();
printSentiment("German sentiment (GermEval 2017 dev, relevant documents)", german, "de");
printSentiment(
  "English sentiment (clothing reviews, rating 1-2 negative, 3 neutral, 4-5 positive)",
  english,
  "en",
);
printAspects(german);
printThroughput(german, english);

/**
 * The English lexicon: VADER's (MIT, C. J. Hutto), read from the `vader-sentiment` package at
 * module load, with the project's CX additions on top (they replace VADER's value for a word).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { addEntries, type CompiledLexicon, emptyLexicon } from "../../sentiment/lexicon-format.js";
import { EN_CX } from "./cx.js";

function loadVader(lexicon: CompiledLexicon): void {
  const path = createRequire(import.meta.url).resolve("vader-sentiment/vader_lexicon.txt");
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const [token, mean] = line.split("\t");
    const value = Number(mean);
    if (!token || !Number.isFinite(value)) continue;
    // VADER's emoticons and chat abbreviations ("d:", "gr8") are left to the shared emoji table.
    if (/^[a-z][a-z'-]*$/.test(token)) lexicon.words.set(token, value);
    else if (/^[a-z'-]+(?: [a-z'-]+)+$/.test(token)) addEntries(lexicon, `${token} ${value}`);
  }
}

const lexicon = emptyLexicon();
loadVader(lexicon);
addEntries(lexicon, EN_CX);

export const EN_LEXICON: CompiledLexicon = lexicon;

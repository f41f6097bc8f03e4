/**
 * The German lexicon, written for this project: the word lists of this folder (words-all.ts) and
 * the CX additions (cx.ts), compiled into maps once at module load. Later entries replace earlier
 * ones for the same pattern, so cx.ts can tune the word lists.
 */
import { type CompiledLexicon, compileLexicon } from "../../sentiment/lexicon-format.js";
import { DE_CX } from "./cx.js";
import { DE_WORD_LISTS } from "./words-all.js";

export const DE_LEXICON: CompiledLexicon = compileLexicon(...DE_WORD_LISTS, DE_CX);

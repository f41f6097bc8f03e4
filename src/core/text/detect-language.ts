import { eld } from "eld/medium";
import type { TextLanguage } from "./analysis.js";

export type DetectedLanguage = "de" | "en";

/**
 * Frequent function words of each language. Words both languages use (in, so, also, was, will, an,
 * man, war) are left out: they would count for both and prove nothing.
 */
const GERMAN = new Set(
  (
    "der die das des dem den und ist nicht ich sie es ein eine einen einem einer eines mit auf für fuer von " +
    "zu zum zur im am bei aus nach wie wir ihr ihm ihn mir mich mein meine meinen dich dir sich noch nur " +
    "auch aber oder wenn dann schon sehr hier kein keine keinen sind waren wird werden wurde wurden habe " +
    "haben hatte hat kann können koennen muss müssen soll sollte doch immer wieder leider bitte danke über " +
    "ueber unter durch gegen ohne um bis seit weil dass daß als wo warum jetzt heute gestern mal viel mehr " +
    "ganz nichts etwas uns euch unser unsere diese dieser dieses einfach gibt geht gar nie zwei"
  ).split(" "),
);
const ENGLISH = new Set(
  (
    "the and is are were be been being not you he she it we they of to for from with on at by this that " +
    "these those my your our their have has had do does did can could would should but or if then very " +
    "just no yes what when where why how there here about after before because than too only really " +
    "its it's i'm don't didn't doesn't can't won't isn't wasn't i've i'd you're they're that's there's " +
    "me him them us which who get got would love like"
  ).split(" "),
);
/** Letters English text does not use: each one is evidence for German. */
const GERMAN_LETTERS = /[äöüß]/g;
const WORD = /[a-zäöüß]+(?:'[a-z]+)?/g;

/**
 * Guesses German or English from function words and German letters; null when the evidence is
 * thin or mixed (short texts, names, numbers, other languages). Fast: one pass, no allocation per
 * character, so it can run on every ingested comment.
 */
export function detectLanguage(text: string): DetectedLanguage | null {
  const lower = text.slice(0, 5000).toLowerCase();
  let de = Math.min(3, lower.match(GERMAN_LETTERS)?.length ?? 0);
  let en = 0;
  let words = 0;
  for (const w of lower.matchAll(WORD)) {
    words++;
    if (GERMAN.has(w[0])) de++;
    else if (ENGLISH.has(w[0])) en++;
  }
  const best = Math.max(de, en);
  const other = Math.min(de, en);
  // A short text may carry one clue only; longer ones need two, and a clear majority either way.
  const enough = best >= 2 || (best >= 1 && words <= 4);
  if (!enough || best < 2 * other || best === other) return null;
  return de > en ? "de" : "en";
}

/**
 * Words that decide a very short text on their own ("passt", "Danke!", "great"): n-gram models
 * have too little to go on there. Words both languages use ("top", "super", "ok") are in BOTH.
 */
const SHORT_DE = new Set(
  (
    "passt danke dankeschön vielen gut gute guter sehr schlecht schlechter toll prima spitze klasse bestens " +
    "mies naja geht schade schnell langsam freundlich unfreundlich zufrieden unzufrieden alles wunderbar " +
    "perfekt hervorragend katastrophe katastrophal furchtbar schrecklich nix nichts ja nein " +
    "genial lieferung pünktlich unpünktlich kompetent teuer günstig empfehlenswert weiter enttäuschend " +
    "enttäuscht ärgerlich unverschämt danke! könnte besser gerne wieder immer"
  ).split(" "),
);
const SHORT_EN = new Set(
  (
    "thanks thank great good bad terrible awful love loved excellent amazing fine nice poor slow fast " +
    "friendly unfriendly helpful unhelpful perfect horrible worst best disappointed disappointing " +
    "satisfied happy unhappy recommended recommend cheap expensive rude quick easy yes nope everything " +
    "delivery"
  ).split(" "),
);
const BOTH = new Set("top super ok okay okey mega cool wow flop naja hmm service".split(" "));
const SHORT_WORD = /[\p{L}]+/gu;

/**
 * German, English or other, for every text including one-word ones. Function words decide first;
 * a text of up to three words is decided by word lists (words both languages use go to
 * `fallback`, the workspace's main language, German by default); longer texts by `eld`'s n-gram
 * model, which also recognises other languages. Never throws.
 */
export function detectTextLanguage(text: string, fallback: DetectedLanguage = "de"): TextLanguage {
  const byWords = detectLanguage(text);
  if (byWords) return byWords;
  const sample = text.slice(0, 2000);
  const words = sample.toLowerCase().match(SHORT_WORD) ?? [];
  if (words.length === 0) return "other";
  if (words.length <= 3) {
    let de = 0;
    let en = 0;
    let both = 0;
    for (const w of words) {
      if (SHORT_DE.has(w)) de++;
      else if (SHORT_EN.has(w)) en++;
      else if (BOTH.has(w)) both++;
    }
    if (de > en) return "de";
    if (en > de) return "en";
    if (both > 0 && de === 0) return fallback;
  }
  const result = eld.detect(sample);
  const scores = result.getScores();
  const de = scores.de ?? 0;
  const en = scores.en ?? 0;
  if (result.language === "de" || result.language === "en") {
    const other = result.language === "de" ? en : de;
    const own = result.language === "de" ? de : en;
    if (result.isReliable() || own - other >= 0.05) return result.language;
  }
  return "other";
}

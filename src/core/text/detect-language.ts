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

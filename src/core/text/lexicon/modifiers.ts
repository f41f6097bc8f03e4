/**
 * Words that change the sentiment words near them rather than carrying sentiment themselves, per
 * rule language. Scales multiply the valence of the sentiment word they modify: negations flip it
 * (VADER's −0.74), intensifiers raise it, downtoners lower it ("kaum"/"hardly" lower and flip).
 */
import type { RuleLanguage } from "../analysis.js";

export type ModifierKind = "negation" | "intensifier" | "downtoner";

export interface Modifier {
  kind: ModifierKind;
  scale: number;
}

/**
 * "but"-type words make the following clause dominate; "although"-type (concessive) and "if"-type
 * (conditional) words weaken their own clause.
 */
export type ContrastKind = "but" | "although" | "if";

export interface LanguageModifiers {
  modifiers: Map<string, Modifier>;
  /** Two-word modifiers, keyed "first second": counterfactuals such as "would have", "wanted to". */
  pairModifiers: Map<string, Modifier>;
  contrast: Map<string, ContrastKind>;
  /** Second words of never-again phrases ("nie wieder", "never again"). */
  again: Set<string>;
  /** Words saying a problem is over ("behoben", "resolved"): they negate the problem next to them. */
  resolution: Set<string>;
  /** Sentence adverbs a negation does not flip ("leider nicht", "unfortunately not"). */
  notNegatable: Set<string>;
  /** Words that may follow a verb-final negation up to the clause end ("klappt nicht mehr", "kommt nicht an"). */
  clauseFinalParticles: Set<string>;
  /** Two-word sequences that look like negation but are not ("nicht nur", "not only"). */
  notNegation: Set<string>;
  /** "zu"/"too": followed by an adjective it makes a complaint ("zu teuer", "too small"). */
  excess: Set<string>;
  /** Neutral adjectives that turn negative after "zu"/"too". */
  scalarAdjectives: Set<string>;
  /** Words after "zu"/"too" that are not adjectives (articles, pronouns, particles). */
  notAdjective: Set<string>;
  /** Politeness words: their warmth does not make a complaint positive. */
  politeness: Set<string>;
  /** Words that are a sentiment word alone but an intensifier before one ("super freundlich"). */
  dualIntensifiers: Set<string>;
  /** Praise words that are nouns when capitalised inside a sentence ("2. Klasse", "an der Spitze"). */
  nounsWhenCapitalized: Set<string>;
  /** Words naming nobody (the "no one called back" rule). */
  nobody: Set<string>;
  /** Stems of contacting/responding verbs for the "no one called back" and "called three times" rules. */
  contactStems: string[];
  /** Repetition words ("dreimal", "mehrmals", "twice") for the "called three times" rule. */
  repetition: Set<string>;
  /** Words that follow a number to make a repetition ("3 mal", "3 times"). */
  repetitionUnit: Set<string>;
  /** Number words before a repetition unit ("drei mal", "three times"). */
  numberWords: Set<string>;
  /** Praise words that only approximate before a count ("gut 15 Minuten" = a good 15 minutes). */
  approximators: Set<string>;
}

const words = (kind: ModifierKind, scale: number, list: string): [string, Modifier][] =>
  list
    .trim()
    .split(/\s+/)
    .map((w) => [w, { kind, scale }]);

const set = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

const NEGATION = -0.74;
/**
 * What was wished for did not happen ("wanted to love it", "would have been nice"): English
 * reviews use it for disappointment, so it flips a little; German "wäre toll" is as often a
 * friendly request, so it only cancels.
 */
const COUNTERFACTUAL_EN = -0.3;
const COUNTERFACTUAL_DE = 0;

const DE: LanguageModifiers = {
  modifiers: new Map([
    ...words(
      "negation",
      NEGATION,
      "nicht nich net nix keinerlei keineswegs keinesfalls kein keine keinen keinem keiner keines keins nie niemals nirgends nirgendwo nichts niemand niemanden niemandem ohne weder",
    ),
    ...words("downtoner", -0.4, "kaum wenig"),
    ...words("downtoner", COUNTERFACTUAL_DE, "wäre wären hätte hätten sollte sollten eigentlich"),
    ...words(
      "intensifier",
      1.3,
      "sehr immer zutiefst ständig ernsthaft extrem total echt super richtig wirklich absolut äußerst äusserst voll mega ultra enorm höchst besonders unglaublich unheimlich ungemein derart dermaßen dermassen so viel gar überhaupt völlig komplett durchaus deutlich wahnsinnig furchtbar schrecklich unfassbar unsagbar",
    ),
    ...words(
      "downtoner",
      0.6,
      "etwas ziemlich bisschen bissl recht halbwegs einigermaßen einigermassen eher leicht teilweise relativ mäßig",
    ),
  ]),
  pairModifiers: new Map(
    words("downtoner", COUNTERFACTUAL_DE, "sollte_eigentlich").map(([w, m]) => [w.replace("_", " "), m]),
  ),
  contrast: new Map([
    ...["aber", "jedoch", "allerdings", "trotzdem", "dennoch", "sondern", "leider"].map(
      (w): [string, ContrastKind] => [w, "but"],
    ),
    ...["obwohl", "obgleich", "wenngleich", "zwar"].map((w): [string, ContrastKind] => [w, "although"]),
    ...["wenn", "falls", "sofern"].map((w): [string, ContrastKind] => [w, "if"]),
  ]),
  again: set("wieder mehr"),
  resolution: set(
    "behoben beseitigt gelöst beendet endet vorbei abgewendet aufgehoben repariert geklärt ausgeräumt überstanden",
  ),
  notNegatable: set("leider schade danke hoffentlich zum_glück glücklicherweise"),
  clauseFinalParticles: set(
    "mehr so ganz wirklich richtig auch ja doch wieder immer mal eben halt einfach an auf aus ein mit zu zurück vor weg los nach ab bei her hin fest",
  ),
  notNegation: set("nicht_nur nicht_umsonst kein_wunder nichts_dagegen"),
  excess: set("zu"),
  scalarAdjectives: set(
    "teuer lang langsam spät früh klein groß gross eng weit kurz viel wenig hoch niedrig schwer kompliziert umständlich voll laut leise kalt warm heiß heiss dunkel hell hart weich dünn dick alt stressig aufwendig aufwändig",
  ),
  notAdjective: set(
    "der die das dem den des ein eine einem einer einen mir dir ihm ihr uns euch ihnen sich hause haus fuß fuss tisch ende beginn anfang zeit recht gast besuch mittag abend nacht morgen weihnachten jeder jedem jeden jede allem allen jetzt hilfe dritt zweit viert",
  ),
  politeness: set("danke dank dankeschön vielen bitte gruß grüße gruss grüsse mfg lg vg"),
  dualIntensifiers: set(
    "super total echt richtig voll mega furchtbar schrecklich unglaublich wahnsinnig unfassbar",
  ),
  nounsWhenCapitalized: set("klasse spitze hammer"),
  nobody: set("niemand niemanden niemandem keiner"),
  contactStems: [
    "ruf",
    "zurückgeruf",
    "zurückruf",
    "anruf",
    "angeruf",
    "meld",
    "gemeldet",
    "antwort",
    "beantwort",
    "geantwortet",
    "reagier",
    "kümmer",
    "gekümmert",
    "geschrieben",
    "schreib",
    "nachgefragt",
    "reklamiert",
    "kontaktiert",
    "gemailt",
  ],
  repetition: set(
    "zweimal dreimal viermal fünfmal sechsmal x-mal mehrmals mehrfach etliche zigmal zig-mal hundertmal tausendmal wiederholt",
  ),
  repetitionUnit: set("mal male x"),
  numberWords: set(
    "zwei drei vier fünf sechs sieben acht neun zehn zwanzig mehrere einige etliche unzählige zig",
  ),
  approximators: set("gut gute guten knapp"),
};

const EN: LanguageModifiers = {
  modifiers: new Map([
    ...words(
      "negation",
      NEGATION,
      "not no never nothing nobody none nowhere neither nor without cannot can't cant don't dont doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't arent weren't werent won't wont wouldn't wouldnt couldn't couldnt shouldn't shouldnt haven't havent hasn't hasnt hadn't hadnt ain't aint",
    ),
    ...words("downtoner", -0.4, "hardly barely scarcely"),
    ...words("downtoner", COUNTERFACTUAL_EN, "would've could've should've wish"),
    ...words(
      "intensifier",
      1.3,
      "very really so extremely totally absolutely incredibly super highly truly completely utterly particularly especially exceptionally extraordinarily remarkably terribly awfully hugely immensely insanely seriously deeply entirely fully most more much way",
    ),
    ...words(
      "downtoner",
      0.6,
      "slightly somewhat fairly kinda kindof sorta rather little bit mildly moderately partly reasonably relatively marginally a-bit",
    ),
  ]),
  pairModifiers: new Map(
    words(
      "downtoner",
      COUNTERFACTUAL_EN,
      "would_have could_have should_have wanted_to want_to hoped_to was_hoping really_wanted expected_to",
    ).map(([w, m]) => [w.replace("_", " "), m]),
  ),
  contrast: new Map([
    ...[
      "but",
      "however",
      "though",
      "yet",
      "nevertheless",
      "nonetheless",
      "except",
      "unfortunately",
      "sadly",
    ].map((w): [string, ContrastKind] => [w, "but"]),
    ...["although", "whereas", "while"].map((w): [string, ContrastKind] => [w, "although"]),
    ...["if", "unless"].map((w): [string, ContrastKind] => [w, "if"]),
  ]),
  again: set("again more"),
  resolution: set("resolved fixed solved sorted ended lifted averted repaired cleared"),
  notNegatable: set("unfortunately sadly thanks hopefully luckily fortunately"),
  clauseFinalParticles: new Set(),
  notNegation: set("not_only no_doubt not_just never_fails"),
  excess: set("too"),
  scalarAdjectives: set(
    "expensive pricey long slow late early small big large tight loose short wide narrow high low heavy complicated full loud quiet cold warm hot dark bright hard soft thin thick old boxy baggy sheer lightweight stiff snug tiny huge much many busy crowded",
  ),
  notAdjective: set(
    "the a an and but or so i me you he she it we they him her us them my your his its our their this that is was are were be to of for in on at with as",
  ),
  politeness: set("thanks thank thx please regards cheers"),
  dualIntensifiers: set("super pretty terribly awfully incredibly insanely seriously"),
  nounsWhenCapitalized: new Set(),
  nobody: set("nobody noone no-one"),
  contactStems: [
    "call",
    "phon",
    "email",
    "e-mail",
    "mail",
    "wrote",
    "writ",
    "contact",
    "respond",
    "answer",
    "repl",
    "got back",
    "get back",
    "followed up",
    "follow up",
    "ask",
    "complain",
  ],
  repetition: set("twice several multiple numerous countless repeatedly"),
  repetitionUnit: set("times x"),
  numberWords: set(
    "two three four five six seven eight nine ten twenty several multiple many numerous countless",
  ),
  approximators: set("good"),
};

export const MODIFIERS: Record<RuleLanguage, LanguageModifiers> = { de: DE, en: EN };

import { seededRandom } from "../core/text/topics/kmeans.js";

/**
 * Generated feedback with four clear themes no default aspect covers (parking and breakfast in
 * German, pets and lifts in English), plus a few unrelated one-off texts. Own sentences.
 */
export const THEMES = {
  parking: {
    language: "de" as const,
    sentences: [
      "Der Parkplatz vor dem Haus war belegt",
      "Kein Parkplatz in der Nähe gefunden",
      "Das Parkhaus hatte keinen freien Stellplatz",
      "Die Parkplätze sind zu eng für mein Auto",
      "Ein Stellplatz in der Tiefgarage fehlte",
      "Der Parkplatz ist nur für Anwohner",
    ],
  },
  breakfast: {
    language: "de" as const,
    sentences: [
      "Das Frühstück war kalt",
      "Beim Frühstück fehlten Brötchen",
      "Frühstücksbuffet ohne Obst",
      "Der Kaffee zum Frühstück war dünn",
      "Brötchen und Kaffee waren um neun leer",
      "Frühstück nur bis neun Uhr",
    ],
  },
  pets: {
    language: "en" as const,
    sentences: [
      "My dog was not allowed in the lobby",
      "Our dog had to stay in the car",
      "No water bowl for the dog",
      "Dog friendly rooms were all taken",
      "They refused my puppy and the dog leash rule is odd",
      "The pet rules are unclear about dogs",
    ],
  },
  lifts: {
    language: "en" as const,
    sentences: [
      "The elevator was out of order",
      "Elevator stuck between floors",
      "Only one lift for ten floors",
      "Lift broken again, we took the stairs",
      "Stairs only because the elevator stopped",
      "The lift buttons do not respond",
    ],
  },
};
export type Theme = keyof typeof THEMES;

const ONE_OFFS = [
  "Wir waren zum ersten Mal dort",
  "Die Aussicht vom Balkon war herrlich",
  "Great view from the terrace",
  "Our kids loved the playground",
];

export interface GeneratedText {
  theme: Theme | null;
  language: "de" | "en";
  text: string;
}

/** `perTheme` texts per theme (two of its sentences each) and the one-offs, shuffled deterministically. */
export function generateTopicTexts(perTheme: number, seed = 7): GeneratedText[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const out: GeneratedText[] = [];
  for (const [theme, def] of Object.entries(THEMES) as [Theme, (typeof THEMES)[Theme]][]) {
    for (let i = 0; i < perTheme; i++) {
      const a = pick(def.sentences);
      let b = pick(def.sentences);
      while (b === a) b = pick(def.sentences);
      out.push({ theme, language: def.language, text: `${a}. ${b}.` });
    }
  }
  for (const text of ONE_OFFS)
    out.push({ theme: null, language: /[äöüß]|Wir|Die/.test(text) ? "de" : "en", text });
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as GeneratedText, out[i] as GeneratedText];
  }
  return out;
}

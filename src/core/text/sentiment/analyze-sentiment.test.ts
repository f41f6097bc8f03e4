import { describe, expect, it } from "vitest";
import type { RuleLanguage, SentimentResult } from "../analysis.js";
import { tokenize } from "../tokenize.js";
import { analyzeSentiment } from "./analyze-sentiment.js";

const analyze = (text: string, language: RuleLanguage): SentimentResult =>
  analyzeSentiment(text, tokenize(text), language);
const de = (text: string) => analyze(text, "de");
const en = (text: string) => analyze(text, "en");
const cues = (r: SentimentResult): string[] =>
  r.clauses.flatMap((c) => c.cues.map((q) => `${q.kind}:${q.text}`));
const clauseTexts = (r: SentimentResult): string[] => r.clauses.map((c) => c.text);

describe("analyzeSentiment: clauses", () => {
  it("splits at sentence punctuation, line breaks and contrast words", () => {
    expect(clauseTexts(de("Sehr gut. Schnell geliefert!\nGerne wieder, aber zu teuer"))).toEqual([
      "Sehr gut.",
      "Schnell geliefert!",
      "Gerne wieder,",
      "aber zu teuer",
    ]);
    expect(clauseTexts(en("Great fit; soft fabric\nbut it shrank"))).toEqual([
      "Great fit;",
      "soft fabric",
      "but it shrank",
    ]);
  });

  it("keeps offsets into the text for clauses and cues", () => {
    const text = "Die Beratung war 👍, ABER die Lieferung kam zu spät!!!";
    const r = de(text);
    for (const c of r.clauses) {
      expect(text.slice(c.from, c.to)).toBe(c.text);
      for (const q of c.cues) expect(text.slice(q.from, q.to)).toBe(q.text);
    }
  });

  it("returns a neutral result without clauses for a text without tokens", () => {
    expect(de("   ")).toEqual({ label: "neutral", score: 0, clauses: [] });
  });
});

describe("analyzeSentiment: contrast", () => {
  it("lets the clause after aber/jedoch/allerdings/trotzdem dominate", () => {
    const r = de("Das Essen war gut, aber der Service war schlecht.");
    expect(r.label).toBe("negative");
    expect(r.clauses[0]?.score).toBeGreaterThan(0);
    expect(r.clauses[1]?.label).toBe("negative");
    expect(cues(r)).toContain("contrast:aber");
    expect(de("Der Service war schlecht, jedoch war das Essen gut.").score).toBeGreaterThan(0);
    expect(de("Lange Wartezeit. Trotzdem sehr freundlich.").label).toBe("positive");
    expect(de("Die Beratung war sehr gut, allerdings kam die Ware beschädigt an.").label).toBe("negative");
  });

  it("lets the clause after but/however dominate, and a trailing though contrasts nothing", () => {
    expect(en("The room was great but the staff were rude.").label).toBe("negative");
    expect(en("The staff were rude. However, the room was great.").label).toBe("positive");
    const r = en("Love it, runs small though.");
    expect(r.clauses).toHaveLength(1);
    expect(r.label).toBe("positive");
  });

  it("weakens a concessive obwohl/although clause", () => {
    expect(de("Obwohl die Lieferung schnell war, ist die Ware kaputt.").label).toBe("negative");
    expect(en("Although delivery was slow, the dress is gorgeous.").label).toBe("positive");
  });
});

describe("analyzeSentiment: negation", () => {
  it("negates German words before them and verbs before a trailing nicht", () => {
    expect(de("Das war nicht gut.").label).toBe("negative");
    expect(de("Das hat nicht funktioniert.").label).toBe("negative");
    expect(de("Nichts funktioniert.").label).toBe("negative");
    const trailing = de("Das gefällt mir gar nicht.");
    expect(trailing.label).toBe("negative");
    expect(cues(trailing)).toEqual(["phrase:gefällt mir", "intensifier:gar", "negation:nicht"]);
    expect(de("Das gefällt mir überhaupt nicht.").score).toBeLessThan(de("Das gefällt mir nicht.").score);
    expect(de("Das Paket kommt leider nicht an.").label).toBe("negative");
    // A trailing nicht negates its verb only at the end of the clause, not when a word follows it.
    expect(de("Die Fehlermeldung ist nicht lesbar.").label).toBe("negative");
  });

  it("turns a negated negative into a mild positive", () => {
    const notBad = de("Nicht schlecht.");
    expect(notBad.score).toBeGreaterThan(0);
    expect(notBad.score).toBeLessThan(de("Gut.").score);
    expect(de("Kein Problem.").score).toBeGreaterThanOrEqual(0);
    expect(en("Not bad at all.").score).toBeGreaterThan(0);
    expect(en("Not bad at all.").score).toBeLessThan(en("Good.").score);
  });

  it("reads missing answers and never-again as complaints", () => {
    expect(de("Keine Antwort.").label).toBe("negative");
    expect(de("Immer noch keine Antwort.").score).toBeLessThan(de("Keine Antwort.").score);
    expect(en("Never again.").label).toBe("negative");
    expect(en("Nothing works.").label).toBe("negative");
    expect(en("The app doesn't work.").label).toBe("negative");
  });

  it("reads never-again before a problem as its end, and stops negation at punctuation", () => {
    const r = de("Nie wieder Ärger mit dem Router.");
    expect(r.score).toBeGreaterThan(0);
    expect(cues(r)).toEqual(["negation:Nie wieder", "word:Ärger"]);
    expect(en("Never again any delays, great new service.").label).toBe("positive");
    expect(cues(de("Sie einigen sich nicht - der Streik beginnt."))).toContain("word:Streik");
    expect(de("Sie einigen sich nicht - der Streik beginnt.").label).toBe("negative");
  });

  it("does not negate with nicht nur / not only", () => {
    expect(de("Nicht nur schnell, sondern auch günstig.").label).toBe("positive");
    expect(en("Not only fast but also cheap and good.").label).toBe("positive");
  });
});

describe("analyzeSentiment: resolved problems", () => {
  it("reads a problem that is over as good news, unless it is not over", () => {
    expect(de("Störung behoben.").score).toBeGreaterThan(0);
    expect(de("Störung schnell behoben, danke!").label).toBe("positive");
    expect(cues(de("Störung behoben."))).toEqual(["word:Störung", "negation:behoben"]);
    expect(de("Der Fehler ist immer noch nicht behoben.").label).toBe("negative");
    expect(de("Der Fehler wurde nicht behoben.").label).toBe("negative");
    expect(en("The outage was resolved within an hour.").label).toBe("positive");
    expect(en("The outage is not resolved.").label).toBe("negative");
  });
});

describe("analyzeSentiment: intensifiers and downtoners", () => {
  it("orders German degrees: sehr/extrem/super > plain > etwas/ziemlich; kaum flips", () => {
    const plain = de("Freundlich.").score;
    expect(de("Sehr freundlich.").score).toBeGreaterThan(plain);
    expect(de("Super freundlich.").score).toBeGreaterThan(plain);
    expect(de("Echt freundlich.").score).toBeGreaterThan(plain);
    expect(de("Etwas freundlich.").score).toBeLessThan(plain);
    expect(de("Extrem langsam.").score).toBeLessThan(de("Langsam.").score);
    expect(de("Total unfreundlich.").score).toBeLessThan(de("Unfreundlich.").score);
    expect(de("Ziemlich langsam.").score).toBeGreaterThan(de("Langsam.").score);
    expect(de("Kaum erreichbar.").label).toBe("negative");
    expect(cues(de("Super freundlich."))).toEqual(["intensifier:Super", "word:freundlich"]);
    expect(de("Super!").label).toBe("positive");
  });

  it("orders English degrees: really/so > plain > slightly/somewhat", () => {
    const plain = en("Helpful.").score;
    expect(en("Really helpful.").score).toBeGreaterThan(plain);
    expect(en("So helpful.").score).toBeGreaterThan(plain);
    expect(en("Slightly helpful.").score).toBeLessThan(plain);
    expect(en("Somewhat disappointed.").score).toBeGreaterThan(en("Disappointed.").score);
    expect(en("Hardly helpful.").label).toBe("negative");
  });
});

describe("analyzeSentiment: zu/too + adjective", () => {
  it("makes an excess a complaint, but not an infinitive or a preposition", () => {
    for (const text of ["Viel zu teuer.", "Zu langsam.", "Die Jacke ist zu klein."])
      expect(de(text).label).toBe("negative");
    expect(cues(de("Viel zu langsam."))).toEqual(["intensifier:Viel", "phrase:zu langsam"]);
    expect(
      de("Die Hotline ist schwer zu erreichen.").clauses[0]?.cues.some((q) => q.text.startsWith("zu")),
    ).toBe(false);
    expect(de("Ich fahre zu meiner Mutter.").label).toBe("neutral");
    for (const text of ["Too small.", "Way too expensive.", "Too long for me."])
      expect(en(text).label).toBe("negative");
    expect(en("I love it too.").label).toBe("positive");
    expect(de("Nicht zu teuer.").score).toBeGreaterThan(0);
  });
});

describe("analyzeSentiment: German compounds", () => {
  it("scores an unknown compound by its head", () => {
    for (const text of ["Lieferverzögerung", "Wartezeitenproblem", "Servicekatastrophe"]) {
      const r = de(`Wieder eine ${text}.`);
      expect(r.label, text).toBe("negative");
      expect(cues(r)).toEqual([`word:${text}`]);
    }
  });
});

describe("analyzeSentiment: CX phrases", () => {
  it.each([
    "Die Reparatur hat ewig gedauert.",
    "Niemand ruft zurück.",
    "Ich habe dreimal angerufen.",
    "Immer noch keine Antwort.",
    "Ich warte seit drei Wochen.",
    "Eine Stunde in der Warteschleife.",
  ])("German: %s is negative", (text) => expect(de(text).label).toBe("negative"));

  it.each([
    "Still waiting for my refund.",
    "I called three times.",
    "No one got back to me.",
    "The parcel never arrived.",
    "Put on hold for an hour.",
  ])("English: %s is negative", (text) => expect(en(text).label).toBe("negative"));

  it("marks the whole contact phrase as the cue", () => {
    expect(cues(de("Ich habe fünfmal nachgefragt, niemand reagiert."))).toEqual([
      "phrase:fünfmal nachgefragt",
      "phrase:niemand reagiert",
    ]);
    expect(cues(de("Ich habe 4 mal geschrieben."))).toEqual(["phrase:4 mal geschrieben"]);
    expect(cues(en("I called three times and no one got back to me."))).toEqual([
      "phrase:called three times",
      "phrase:no one got back",
    ]);
  });
});

describe("analyzeSentiment: emoji, punctuation, capitals, politeness", () => {
  it("reads emoji and emoticons in both languages", () => {
    expect(de("Paket da 👍🏽").score).toBeGreaterThan(0);
    expect(de("Super Service 👍🏽").label).toBe("positive");
    expect(de("Paket immer noch nicht da 😡").label).toBe("negative");
    expect(en("delivered today :-)").score).toBeGreaterThan(0);
    // Smileys are friendly rather than a verdict: more of them add nothing beyond a cap.
    expect(en("delivered today :-) :-) :-)").score).toBe(en("delivered today :-)").score);
    // A short thank-you with smileys is a (mild) verdict of its own.
    expect(de("Danke :) :)").label).toBe("positive");
    expect(en("Great fit 👍").score).toBeGreaterThan(en("Great fit").score);
    expect(en("delivered today :(").label).toBe("negative");
    expect(cues(de("ok 🙂"))).toContain("emoji:🙂");
  });

  it("reads a short text as a verdict of its own; longer texts need clearer praise", () => {
    expect(de("Gut.").label).toBe("positive");
    expect(de("Der Service war gut").label).toBe("positive");
    expect(en("Good.").label).toBe("positive");
    const passing = de(
      "Heute Morgen wurde mir am Telefon mitgeteilt, dass der Antrag gut angekommen ist und nun in der Fachabteilung geprüft wird",
    );
    expect(passing.label).toBe("neutral");
    expect(passing.clauses.some((c) => c.label === "positive")).toBe(true);
  });

  it("amplifies with !!!, weakens questions (?? and ?! too), emphasises ALL CAPS", () => {
    expect(de("Schlecht!!!").score).toBeLessThan(de("Schlecht.").score);
    expect(cues(de("Schlecht!!!"))).toContain("punctuation:!!!");
    expect(en("Is it good?").score).toBeLessThan(en("It is good.").score);
    expect(en("Why so slow??").score).toBeGreaterThan(en("So slow.").score);
    expect(de("Warum so langsam?!").score).toBeLessThan(de("Warum so langsam?").score);
    expect(cues(en("Why so slow??"))).toContain("punctuation:??");
    expect(en("The service was TERRIBLE today").score).toBeLessThan(
      en("The service was terrible today").score,
    );
  });

  it("does not let danke/thanks turn a complaint positive", () => {
    expect(de("Danke für nichts.").label).toBe("negative");
    expect(de("Danke, aber ich warte seit drei Wochen.").label).toBe("negative");
    expect(en("Thanks, still waiting.").label).toBe("negative");
    expect(de("Danke!").score).toBeGreaterThan(0);
    expect(en("Thanks!").label).toBe("positive");
  });

  it("ignores words inside links and @mentions", () => {
    expect(en("see https://example.com/terrible-awful-service").label).toBe("neutral");
    expect(de("@SuperService Paket angekommen").score).toBeLessThan(
      de("Super Service, Paket angekommen").score,
    );
  });
});

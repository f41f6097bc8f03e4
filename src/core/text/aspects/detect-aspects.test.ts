import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClauseSentiment, polarityOf, type SentimentResult, type Taxonomy } from "../analysis.js";
import { analyzeSentiment } from "../sentiment/analyze-sentiment.js";
import { STOP_WORDS } from "../stopwords.js";
import { tokenize } from "../tokenize.js";
import { DEFAULT_TAXONOMY } from "./default-taxonomy.js";
import { compileTaxonomy, detectAspects } from "./detect-aspects.js";

/** Hand-built sentiment: one clause per part of `text` split at the given separators, scored as given. */
function clausesOf(
  text: string,
  scores: number[],
  separator = /(?<=[.!?])\s+|,\s*(?=aber|but)/,
): SentimentResult {
  const clauses: ClauseSentiment[] = [];
  let from = 0;
  const parts = text.split(separator);
  parts.forEach((part, i) => {
    const at = text.indexOf(part, from);
    const score = scores[i] ?? 0;
    clauses.push({
      from: at,
      to: at + part.length,
      text: part,
      score,
      label: polarityOf(score, 0.05),
      cues: [],
    });
    from = at + part.length;
  });
  const score = scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length);
  return { score, label: polarityOf(score, 0.05), clauses };
}

const compiled = compileTaxonomy(DEFAULT_TAXONOMY);
const aspects = (text: string, language: "de" | "en", scores: number[] = [0]) =>
  detectAspects(tokenize(text), clausesOf(text, scores), language, compiled);
const keys = (text: string, language: "de" | "en") => aspects(text, language).map((h) => h.aspect);

describe("detectAspects", () => {
  it("gives each aspect the polarity of the clause that mentions it", () => {
    const text = "Der Techniker war super freundlich, aber die Rechnung war falsch.";
    const hits = aspects(text, "de", [0.7, -0.5]);
    const byKey = Object.fromEntries(hits.map((h) => [h.aspect, h]));
    expect(byKey.staff_friendliness).toMatchObject({ label: "positive", score: 0.7, clause: 0 });
    expect(byKey.appointment).toMatchObject({ label: "positive", clause: 0 });
    expect(byKey.billing).toMatchObject({ label: "negative", score: -0.5, clause: 1 });
    expect(byKey.billing?.triggers).toEqual([{ from: 45, to: 53, text: "Rechnung" }]);
    for (const h of hits) for (const t of h.triggers) expect(text.slice(t.from, t.to)).toBe(t.text);
  });

  it("takes the most polar clause when several mention the aspect", () => {
    const text = "The delivery was ok. The delivery driver threw the parcel over the fence!";
    const [hit] = aspects(text, "en", [0.1, -0.8]).filter((h) => h.aspect === "delivery");
    expect(hit).toMatchObject({ label: "negative", score: -0.8, clause: 1 });
    expect(hit?.triggers.map((t) => t.text)).toEqual(["delivery", "delivery", "parcel"]);
  });

  it("matches inflections, German compound starts and heads, wildcards and umlaut spellings", () => {
    expect(keys("Die Rechnungen stimmen nicht", "de")).toEqual(["billing"]);
    expect(keys("Wartezeitenproblem seit Wochen", "de")).toContain("waiting_time");
    expect(keys("Eine Lieferverzögerung von drei Tagen", "de")).toEqual(["delivery", "punctuality"]);
    expect(keys("Zugverspätung", "de")).toEqual(["punctuality"]);
    expect(keys("Die Lieferverzoegerung nervt", "de")).toEqual(["delivery", "punctuality"]);
    expect(keys("Die Mitarbeiterin war unhöflich", "de")).toEqual(["staff_friendliness"]);
    expect(keys("Ich hänge ewig in der Warteschleife", "de")).toEqual(["waiting_time", "reachability"]);
    expect(keys("Das WLAN-Passwort ging nicht", "de")).toContain("connectivity");
    expect(keys("Wir haben lange gewartet", "de")).toEqual(["waiting_time"]);
    expect(keys("The technician's visit was rescheduled twice", "en")).toEqual(["appointment"]);
    expect(keys("They charged me twice and the invoices are wrong", "en")).toEqual(["billing"]);
    expect(keys("Deliveries always come late", "en")).toEqual(["delivery", "punctuality"]);
  });

  it("matches multi-word keywords as consecutive tokens only", () => {
    const hits = aspects("I was on hold for an hour.", "en");
    expect(hits.map((h) => [h.aspect, h.triggers.map((t) => t.text)])).toEqual([
      ["reachability", ["on hold"]],
    ]);
    expect(keys("Hold on, I was on the phone", "en")).toEqual(["reachability"]);
    expect(keys("Ich habe bis heute nicht meine Erstattung", "de")).toEqual(["waiting_time", "refund"]);
  });

  it("does not read English words into longer ones, nor German compounds from short keywords", () => {
    expect(keys("The waiter was great", "en")).toEqual(["staff_friendliness"]);
    expect(keys("Please apply the discount", "en")).toEqual(["process", "price"]);
    expect(keys("Ein neuer Anzug", "de")).toEqual([]);
    expect(keys("Zeitung gelesen", "de")).toEqual([]);
  });

  it("follows a custom taxonomy: wildcards, phrases, disabled aspects, German-only keywords", () => {
    const taxonomy: Taxonomy = {
      aspects: [
        {
          key: "trains",
          label: { de: "Züge", en: "Trains" },
          keywords: { de: ["ice*", "*bahn", "zug fällt aus"], en: ["train*"] },
          enabled: true,
        },
        {
          key: "off",
          label: { de: "Aus", en: "Off" },
          keywords: { de: ["ice"], en: ["train"] },
          enabled: false,
        },
      ],
    };
    const c = compileTaxonomy(taxonomy);
    const run = (text: string, language: "de" | "en") =>
      detectAspects(tokenize(text), clausesOf(text, [0]), language, c).map((h) => h.aspect);
    expect(run("Der ICE3 war voll", "de")).toEqual(["trains"]);
    expect(run("Die S-Bahn und die Straßenbahn", "de")).toEqual(["trains"]);
    expect(run("Mein Zug fällt aus", "de")).toEqual(["trains"]);
    expect(run("Trainee program", "en")).toEqual(["trains"]);
    expect(run("Die Bahnhofshalle", "de")).toEqual([]);
    expect(compileTaxonomy(taxonomy)).toBe(c);
  });

  it("works without clauses (polarity of the whole text, clause -1) and on any input", () => {
    const hits = detectAspects(
      tokenize("Rechnung falsch"),
      { score: -0.4, label: "negative", clauses: [] },
      "de",
      compiled,
    );
    expect(hits).toEqual([
      {
        aspect: "billing",
        label: "negative",
        score: -0.4,
        clause: -1,
        triggers: [{ from: 0, to: 8, text: "Rechnung" }],
      },
    ]);
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.constantFrom("de" as const, "en" as const), (s, lang) => {
        const result = detectAspects(tokenize(s), clausesOf(s, [0.2, -0.3]), lang, compiled);
        for (const h of result) expect(h.triggers.length).toBeGreaterThan(0);
      }),
    );
  });

  it("is fast: a typical text in well under 20 µs", () => {
    const texts = [
      "Der Techniker kam pünktlich, war sehr freundlich und hat den Router schnell eingerichtet. Top!",
      "Seit drei Wochen kein Internet, die Hotline ist nie erreichbar und die Rechnung ist trotzdem zu hoch.",
      "The delivery was late again and nobody answered the phone. The app keeps crashing.",
      "Great hotel, clean rooms, friendly staff, but the wifi was terrible and breakfast overpriced.",
    ].map((t) => ({ tokens: tokenize(t), sentiment: clausesOf(t, [0.3, -0.4]) }));
    const rounds = 2000;
    // The best of three runs, so a busy machine does not fail the test.
    const perText = Math.min(
      ...[1, 2, 3].map(() => {
        const start = performance.now();
        for (let r = 0; r < rounds; r++) {
          for (const t of texts) detectAspects(t.tokens, t.sentiment, r % 2 ? "de" : "en", compiled);
        }
        return ((performance.now() - start) * 1000) / (rounds * texts.length);
      }),
    );
    expect(perText).toBeLessThan(20);
  });
});

describe("DEFAULT_TAXONOMY", () => {
  it("matches no stop word (function words like 'waren' must not raise an aspect)", () => {
    const hits: string[] = [];
    for (const language of ["de", "en"] as const) {
      for (const word of STOP_WORDS[language]) {
        const found = keys(word, language);
        if (found.length > 0) hits.push(`${language}:${word}→${found.join("+")}`);
      }
    }
    expect(hits).toEqual([]);
  });
});

describe("detectAspects with analyzeSentiment", () => {
  const analyse = (text: string, language: "de" | "en") => {
    const tokens = tokenize(text);
    const hits = detectAspects(tokens, analyzeSentiment(text, tokens, language), language, compiled);
    return Object.fromEntries(hits.map((h) => [h.aspect, h.label]));
  };

  it("splits praise and complaint between aspects of contrasting clauses", () => {
    expect(analyse("Der Techniker war super freundlich, aber die Rechnung war falsch", "de")).toEqual({
      appointment: "positive",
      staff_friendliness: "positive",
      billing: "negative",
    });
    expect(analyse("The technician was really friendly, but the bill was wrong.", "en")).toEqual({
      appointment: "positive",
      staff_friendliness: "positive",
      billing: "negative",
    });
    expect(analyse("Das WLAN im Hotel war katastrophal, das Zimmer aber sehr sauber.", "de")).toEqual({
      connectivity: "negative",
      cleanliness: "positive",
    });
  });

  it("gives every aspect of a one-clause complaint its negative polarity", () => {
    expect(analyse("Die Lieferung kam drei Tage zu spät und niemand ruft zurück.", "de")).toEqual({
      delivery: "negative",
      punctuality: "negative",
      reachability: "negative",
    });
    expect(analyse("Still waiting for my refund, the hotline is useless.", "en")).toEqual({
      waiting_time: "negative",
      refund: "negative",
      reachability: "negative",
    });
  });
});

/**
 * Scores one clause: finds sentiment words, phrases and emoji, applies the modifiers in front of
 * them (negation, intensifiers, downtoners; German negation may also follow its verb: "das gefällt
 * mir nicht"), "zu/too + adjective", and the CX rules for unanswered and repeated contacts.
 */
import type { RuleLanguage, SentimentCue } from "../analysis.js";
import type { LanguageModifiers, Modifier } from "../lexicon/modifiers.js";
import type { Token } from "../tokenize.js";
import { attachModifiers } from "./attach-modifiers.js";
import { applyContactRules } from "./contact-rules.js";
import { emojiValue } from "./emoji.js";
import { phrasesAt, wordValue } from "./lookup.js";

export interface Item {
  start: number;
  /** Exclusive token index. */
  end: number;
  kind: "word" | "phrase" | "emoji";
  value: number;
  negated: boolean;
  polite: boolean;
  /** Shown as this kind instead (a never-again phrase that negates the problem after it). */
  cueKind?: SentimentCue["kind"];
}

export interface ModifierAt {
  index: number;
  /** Exclusive end: two-word modifiers span two tokens. */
  end: number;
  modifier: Modifier;
  used: boolean;
  /** A resolution word ("behoben", "resolved") negates a problem on either side of it. */
  resolves: boolean;
}

export interface ClauseEvidence {
  items: Item[];
  /** Modifiers that changed an item, as cues with value 0. */
  modifierCues: SentimentCue[];
}

export interface ClauseContext {
  text: string;
  tokens: Token[];
  language: RuleLanguage;
  modifiers: LanguageModifiers;
  /** ALL-CAPS words count as emphasis only when the text is not written in capitals throughout. */
  capsEmphasis: boolean;
  /** 1 for tokens inside links and @mentions: their words ("…/verspaetung-chaos", "https://") are no evidence. */
  ignored: Uint8Array;
}

const CAPS_BOOST = 0.733;
const EXCESS_BASE = -1.5;
const INTENSIFY: Modifier = { kind: "intensifier", scale: 1.3 };
const RESOLVE: Modifier = { kind: "negation", scale: -0.74 };

export const cueOf = (
  ctx: ClauseContext,
  start: number,
  end: number,
  kind: SentimentCue["kind"],
  value: number,
): SentimentCue => {
  const from = (ctx.tokens[start] as Token).from;
  const to = (ctx.tokens[end - 1] as Token).to;
  return { from, to, text: ctx.text.slice(from, to), kind, value };
};

const isCaps = (t: Token): boolean =>
  t.text.length >= 2 && t.text === t.text.toUpperCase() && t.text !== t.norm;

function matchPhrase(ctx: ClauseContext, i: number, end: number): { end: number; value: number } | null {
  const first = ctx.tokens[i] as Token;
  let best: { end: number; value: number } | null = null;
  for (const phrase of phrasesAt(ctx.language, first.norm)) {
    const last = i + phrase.parts.length;
    if (last > end || (best && last <= best.end)) continue;
    let ok = true;
    for (let p = 1; p < phrase.parts.length && ok; p++) {
      const part = phrase.parts[p];
      const t = ctx.tokens[i + p] as Token;
      const norm = t.norm.includes("’") ? t.norm.replaceAll("’", "'") : t.norm;
      ok =
        part !== undefined &&
        t.kind !== "punct" &&
        (part.stem ? norm.startsWith(part.text) : norm === part.text);
    }
    if (ok) best = { end: last, value: phrase.value };
  }
  return best;
}

/** A number or number word at i ("gut 15 Minuten", "gut eine Stunde"). */
function isCount(ctx: ClauseContext, i: number, end: number): boolean {
  const t = ctx.tokens[i];
  return i < end && t !== undefined && (t.kind === "number" || ctx.modifiers.numberWords.has(t.norm));
}

function nextWord(ctx: ClauseContext, i: number, end: number): Token | undefined {
  const t = ctx.tokens[i + 1];
  return i + 1 < end && t?.kind === "word" ? t : undefined;
}

/** "zu teuer" / "too small": the value of the excess phrase, or null when "zu" starts an infinitive or a prepositional phrase. */
function excessValue(ctx: ClauseContext, next: Token): number | null {
  const m = ctx.modifiers;
  const scalar = m.scalarAdjectives.has(next.norm);
  if (m.notAdjective.has(next.norm) || (m.modifiers.has(next.norm) && !scalar)) return null;
  // German: a capitalised noun ("zu Hause") or an infinitive ("zu erreichen") follows a preposition or particle.
  if (
    ctx.language === "de" &&
    ((next.text !== next.norm && !isCaps(next)) || (!scalar && /(?:en|ern|eln)$/.test(next.norm)))
  )
    return null;
  const value = wordValue(ctx.language, next.norm);
  if (value !== undefined && value > 0.5) return null;
  const adjective =
    scalar ||
    value !== undefined ||
    (ctx.language === "de"
      ? /(?:ig|lich|isch|bar|sam|haft)$/.test(next.norm)
      : /(?:y|ive|ous|ish|ful)$/.test(next.norm));
  return adjective ? EXCESS_BASE + Math.min(value ?? 0, 0) * 0.5 : null;
}

/** Collects items and modifiers of the clause [start, end). */
function collect(ctx: ClauseContext, start: number, end: number): { items: Item[]; mods: ModifierAt[] } {
  const items: Item[] = [];
  const mods: ModifierAt[] = [];
  const m = ctx.modifiers;
  for (let i = start; i < end; i++) {
    const t = ctx.tokens[i] as Token;
    if (ctx.ignored[i] === 1) continue;
    if (t.kind === "emoji") {
      const value = emojiValue(t.text);
      if (value !== undefined)
        items.push({ start: i, end: i + 1, kind: "emoji", value, negated: false, polite: false });
      continue;
    }
    if (t.kind !== "word") continue;
    const phrase = matchPhrase(ctx, i, end);
    if (phrase) {
      if (phrase.value !== 0)
        items.push({
          start: i,
          end: phrase.end,
          kind: "phrase",
          value: phrase.value,
          negated: false,
          polite: false,
        });
      i = phrase.end - 1;
      continue;
    }
    const next = nextWord(ctx, i, end);
    if (m.excess.has(t.norm) && next) {
      const value = excessValue(ctx, next);
      if (value !== null) {
        items.push({ start: i, end: i + 2, kind: "phrase", value, negated: false, polite: false });
        i++;
        continue;
      }
    }
    if (m.resolution.has(t.norm)) {
      mods.push({ index: i, end: i + 1, modifier: RESOLVE, used: false, resolves: true });
      continue;
    }
    const pair = next ? m.pairModifiers.get(`${t.norm} ${next.norm}`) : undefined;
    if (pair) {
      mods.push({ index: i, end: i + 2, modifier: pair, used: false, resolves: false });
      i++;
      continue;
    }
    const followedBySentiment =
      next !== undefined &&
      (wordValue(ctx.language, next.norm) !== undefined || m.scalarAdjectives.has(next.norm));
    const modifier = m.modifiers.get(t.norm);
    const dual = m.dualIntensifiers.has(t.norm);
    if (
      modifier &&
      !(next && m.notNegation.has(`${t.norm}_${next.norm}`)) &&
      (!dual || followedBySentiment)
    ) {
      mods.push({ index: i, end: i + 1, modifier, used: false, resolves: false });
      continue;
    }
    if (dual && followedBySentiment) {
      mods.push({ index: i, end: i + 1, modifier: INTENSIFY, used: false, resolves: false });
      continue;
    }
    let value = wordValue(ctx.language, t.norm);
    if (value === undefined || value === 0) continue;
    if (m.approximators.has(t.norm) && isCount(ctx, i + 1, end)) continue;
    if (i > start && t.text !== t.norm && m.nounsWhenCapitalized.has(t.norm) && !isCaps(t)) continue;
    if (ctx.capsEmphasis && isCaps(t)) value += Math.sign(value) * CAPS_BOOST;
    items.push({
      start: i,
      end: i + 1,
      kind: "word",
      value,
      negated: false,
      polite: m.politeness.has(t.norm),
    });
  }
  return { items, mods };
}

export function scoreClause(ctx: ClauseContext, start: number, end: number): ClauseEvidence {
  const { items, mods } = collect(ctx, start, end);
  attachModifiers(ctx, start, end, items, mods);
  applyContactRules(ctx, start, end, items);
  const modifierCues = mods.filter((x) => x.used).map((x) => cueOf(ctx, x.index, x.end, x.modifier.kind, 0));
  return { items, modifierCues };
}

/**
 * Attaches modifiers to the sentiment items of a clause: those in front of an item (up to WINDOW
 * words), German negations after their verb ("das gefällt mir nicht"), and resolution words on
 * either side of a problem ("Störung behoben", "the issue was resolved"), unless negated
 * themselves ("noch nicht behoben").
 */
import type { Token } from "../tokenize.js";
import type { ClauseContext, Item, ModifierAt } from "./score-clause.js";

/** Modifiers reach this many tokens. */
const WINDOW = 3;
/** A German verb-final negation may stand a few words after its verb ("zuverlässig sein auf jeden nicht"). */
const TRAILING_WINDOW = 4;
const QUOTES = /^["“”„«»‚‘’]$/;
const RESOLVED = 0.8;
/** "Die Störung auf der Strecke ist behoben": the resolution may come a few words after the problem. */
const RESOLUTION_WINDOW = 5;
/** Negating a negative word gives a mild positive ("nicht schlecht", "kein Problem", "not bad"). */
const NEGATED_NEGATIVE = -0.35;

function apply(item: Item, mod: ModifierAt): void {
  mod.used = true;
  const { kind, scale } = mod.modifier;
  if (mod.resolves) {
    // A problem that is over is good news ("Störung behoben"), not merely "not bad".
    item.value *= -RESOLVED;
    item.negated = true;
  } else if (kind === "negation" || scale < 0) {
    item.value *= item.value < 0 ? NEGATED_NEGATIVE * (kind === "negation" ? 1 : 0.5) : scale;
    item.negated = true;
  } else {
    item.value *= scale;
  }
}

export function attachModifiers(
  ctx: ClauseContext,
  start: number,
  end: number,
  items: Item[],
  mods: ModifierAt[],
): void {
  cancelNegatedResolutions(mods);
  let m = mods.length - 1;
  // Modifiers in front: up to WINDOW tokens before the item, nearest first, not past an earlier
  // item or a punctuation mark ("einigen sich nicht - der Streik beginnt").
  for (let k = items.length - 1; k >= 0; k--) {
    const item = items[k] as Item;
    const floor = Math.max(
      start,
      items[k - 1]?.end ?? start,
      item.start - WINDOW,
      afterPunct(ctx, item.start),
    );
    while (m >= 0 && (mods[m] as ModifierAt).index >= item.start) m--;
    if (item.kind === "emoji") continue;
    for (let j = m; j >= 0 && (mods[j] as ModifierAt).index >= floor; j--) {
      const mod = mods[j] as ModifierAt;
      if (!mod.used && !mod.resolves && (mod.modifier.kind !== "negation" || negatable(ctx, item)))
        apply(item, mod);
    }
  }
  if (ctx.language === "de") attachTrailingNegations(ctx, end, items, mods);
  attachResolutions(ctx, items, mods);
  neverAgainProblems(ctx, items);
}

/**
 * "Nie wieder Ärger", "never again any delays": a never-again phrase right before a problem
 * promises its end instead of complaining; the problem is negated and the phrase counts nothing.
 */
function neverAgainProblems(ctx: ClauseContext, items: Item[]): void {
  for (let k = 0; k + 1 < items.length; k++) {
    const phrase = items[k] as Item;
    const next = items[k + 1] as Item;
    if (
      phrase.kind !== "phrase" ||
      phrase.value >= 0 ||
      next.value >= 0 ||
      next.negated ||
      next.start > phrase.end + 1
    )
      continue;
    const words = ctx.tokens.slice(phrase.start, phrase.end).map((t) => t.norm);
    const negation = ctx.modifiers.modifiers.get(words[0] ?? "")?.kind === "negation";
    if (!negation || !words.slice(1).every((w) => ctx.modifiers.again.has(w))) continue;
    phrase.value = 0;
    phrase.cueKind = "negation";
    next.value *= NEGATED_NEGATIVE;
    next.negated = true;
  }
}

/** The index after the nearest punctuation mark (other than quotes) in the WINDOW tokens before `index`. */
function afterPunct(ctx: ClauseContext, index: number): number {
  for (let i = index - 1; i >= Math.max(0, index - WINDOW); i--) {
    const t = ctx.tokens[i] as Token;
    if (t.kind === "punct" && !QUOTES.test(t.text)) return i + 1;
  }
  return 0;
}

/** "nicht behoben", "not resolved": the problem stays; neither word changes anything. */
function cancelNegatedResolutions(mods: ModifierAt[]): void {
  for (let j = 1; j < mods.length; j++) {
    const r = mods[j] as ModifierAt;
    if (!r.resolves) continue;
    const before = mods[j - 1] as ModifierAt;
    if (before.modifier.kind === "negation" && !before.resolves && r.index - before.end <= 1) {
      before.used = true;
      r.used = true;
    }
  }
}

/**
 * A resolution word negates the nearest unnegated problem within RESOLUTION_WINDOW words on either side,
 * unless a negation right before it is part of a phrase ("immer noch nicht behoben").
 */
function attachResolutions(ctx: ClauseContext, items: Item[], mods: ModifierAt[]): void {
  for (const mod of mods) {
    if (!mod.resolves || mod.used) continue;
    const before = ctx.tokens[mod.index - 1];
    if (before && ctx.modifiers.modifiers.get(before.norm)?.kind === "negation") continue;
    let best: Item | undefined;
    let distance = RESOLUTION_WINDOW + 1;
    for (const item of items) {
      if (item.value >= 0 || item.negated || item.kind === "emoji") continue;
      const d = item.end <= mod.index ? mod.index - item.end : item.start - mod.end;
      if (d >= 0 && d < distance) {
        best = item;
        distance = d;
      }
    }
    if (best) apply(best, mod);
  }
}

/**
 * German puts the negation after a finite verb ("das gefällt mir gar nicht", "es klappt nicht"):
 * a negation that modified nothing after it negates the nearest item up to WINDOW words before it,
 * together with the intensifiers right in front of it ("gar", "überhaupt"), unless a comma is between.
 */
function attachTrailingNegations(ctx: ClauseContext, end: number, items: Item[], mods: ModifierAt[]): void {
  for (let j = 0; j < mods.length; j++) {
    const mod = mods[j] as ModifierAt;
    if (mod.used || mod.resolves || mod.modifier.kind !== "negation" || !endsClause(ctx, mod.end, end))
      continue;
    const item = findLast(items, (it) => it.end <= mod.index && it.kind !== "emoji");
    if (!item || item.negated || !negatable(ctx, item) || mod.index - item.end >= TRAILING_WINDOW) continue;
    if (ctx.tokens.slice(item.end, mod.index).some((t) => t.kind === "punct")) continue;
    for (let b = j - 1; b >= 0; b--) {
      const before = mods[b] as ModifierAt;
      if (before.used || before.index < item.end || before.modifier.kind !== "intensifier") break;
      apply(item, before);
    }
    apply(item, mod);
  }
}

/** Only particles and separable prefixes follow up to the end of the clause or a comma ("klappt nicht mehr", "kommt nicht an"). */
function endsClause(ctx: ClauseContext, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const t = ctx.tokens[i] as Token;
    if (t.kind === "punct") return true;
    if (t.kind === "word" && !ctx.modifiers.clauseFinalParticles.has(t.norm)) return false;
  }
  return true;
}

/** Sentence adverbs keep their sign under negation: "leider nicht" is still unfortunate. */
const negatable = (ctx: ClauseContext, item: Item): boolean =>
  item.end - item.start > 1 || !ctx.modifiers.notNegatable.has((ctx.tokens[item.start] as Token).norm);

function findLast<T>(list: T[], test: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i] as T)) return list[i];
  return undefined;
}

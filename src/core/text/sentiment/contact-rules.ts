/**
 * Two CX rules that plain word lists miss, both within one clause: nobody answering ("niemand ruft
 * zurück", "no one got back to me") and contacting again and again ("dreimal angerufen", "called
 * three times"). Each adds one negative phrase cue from the trigger to the contact verb.
 */
import type { Token } from "../tokenize.js";
import type { ClauseContext, Item } from "./score-clause.js";

const NOBODY_VALUE = -2.5;
const REPEATED_VALUE = -2;

/** How many tokens the contact word at i spans ("ruft", "got back"), 0 when it is none. */
function contactLength(ctx: ClauseContext, i: number): number {
  const t = ctx.tokens[i] as Token;
  if (t.kind !== "word") return 0;
  const next = ctx.tokens[i + 1];
  const pair = next?.kind === "word" ? `${t.norm} ${next.norm}` : t.norm;
  for (const stem of ctx.modifiers.contactStems) {
    if (stem.includes(" ") ? pair.startsWith(stem) : t.norm.startsWith(stem))
      return stem.includes(" ") ? 2 : 1;
  }
  return 0;
}

/** The contact words [from, to) nearest to the trigger [from, to) in the clause, the ones after it on a tie. */
function nearestContact(
  ctx: ClauseContext,
  start: number,
  end: number,
  from: number,
  to: number,
): [number, number] | null {
  for (let d = 0; to + d < end || from - 1 - d >= start; d++) {
    const after = to + d < end ? contactLength(ctx, to + d) : 0;
    if (after > 0) return [to + d, Math.min(end, to + d + after)];
    const before = from - 1 - d >= start ? contactLength(ctx, from - 1 - d) : 0;
    if (before > 0) return [from - 1 - d, Math.min(end, from - 1 - d + before)];
  }
  return null;
}

type Rule = "nobody" | "repeated";

/** The rule a trigger at i starts and the index after the trigger: "niemand", "no one", "dreimal", "3 mal", "three times". */
function trigger(ctx: ClauseContext, i: number): { rule: Rule; end: number } | null {
  const t = ctx.tokens[i] as Token;
  const next = ctx.tokens[i + 1];
  const m = ctx.modifiers;
  if (t.kind === "word") {
    if (m.nobody.has(t.norm)) return { rule: "nobody", end: i + 1 };
    if (t.norm === "no" && next?.norm === "one") return { rule: "nobody", end: i + 2 };
  }
  const counted = t.kind === "number" || (t.kind === "word" && m.numberWords.has(t.norm));
  if (counted && next !== undefined && m.repetitionUnit.has(next.norm))
    return { rule: "repeated", end: i + 2 };
  return t.kind === "word" && m.repetition.has(t.norm) ? { rule: "repeated", end: i + 1 } : null;
}

export function applyContactRules(ctx: ClauseContext, start: number, end: number, items: Item[]): void {
  const done = new Set<Rule>();
  for (let i = start; i < end && done.size < 2; i++) {
    const found = trigger(ctx, i);
    if (!found || done.has(found.rule)) continue;
    done.add(found.rule);
    const contact = nearestContact(ctx, start, end, i, found.end);
    if (!contact) continue;
    const from = Math.min(i, contact[0]);
    const to = Math.max(found.end, contact[1]);
    // A negated contact word ("nobody helped") or a lexicon phrase ("niemand ruft zurück") already carries the complaint.
    if (items.some((it) => it.start < to && it.end > from && (it.negated || it.kind === "phrase"))) continue;
    const value = found.rule === "nobody" ? NOBODY_VALUE : REPEATED_VALUE;
    items.push({ start: from, end: to, kind: "phrase", value, negated: false, polite: false });
  }
  items.sort((a, b) => a.start - b.start);
}

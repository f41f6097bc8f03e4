import type { AspectHit, ClauseSentiment, Polarity } from "../../api/text";

/** One field of a feedback record and where it starts in the analysed text. */
export interface TextPart {
  field: "title" | "text";
  value: string;
  start: number;
}

const SEPARATOR = "\n\n";

/**
 * The analysed text is the non-blank of title and text joined by a blank line
 * (docs/api/understand.md §3); offsets refer to it, so each field needs its start.
 */
export function analysedParts(title: string | null, text: string): TextPart[] {
  const parts: TextPart[] = [];
  let start = 0;
  for (const [field, value] of [
    ["title", title ?? ""],
    ["text", text],
  ] as const) {
    if (!value.trim()) continue;
    if (parts.length > 0) start += SEPARATOR.length;
    parts.push({ field, value, start });
    start += value.length;
  }
  return parts;
}

/** A sentiment cue or an aspect trigger, in analysed-text offsets. */
export interface Mark {
  from: number;
  to: number;
  /** Cues: the polarity of their value; modifiers (value 0) are "neutral". */
  tone?: Polarity;
  /** Aspect keys this span triggered. */
  aspects?: string[];
}

export interface Segment {
  text: string;
  tone: Polarity | null;
  aspects: string[];
}

const toneOf = (value: number): Polarity => (value > 0 ? "positive" : value < 0 ? "negative" : "neutral");

/** Every cue of every clause and every aspect trigger as marks. */
export function marksOf(clauses: ClauseSentiment[], aspects: AspectHit[]): Mark[] {
  return [
    ...clauses.flatMap((c) => c.cues.map((cue) => ({ from: cue.from, to: cue.to, tone: toneOf(cue.value) }))),
    ...aspects.flatMap((a) => a.triggers.map((tr) => ({ from: tr.from, to: tr.to, aspects: [a.aspect] }))),
  ];
}

const TONE_RANK: Record<Polarity, number> = { neutral: 0, positive: 1, negative: 2 };

/**
 * Splits one part into plain and marked runs. Marks may overlap (a trigger inside a cue): each
 * run carries the strongest tone and all aspects covering it. Offsets outside the part are clipped,
 * so a stale or odd span never breaks the text.
 */
export function segmentsOf(part: TextPart, marks: Mark[]): Segment[] {
  const end = part.start + part.value.length;
  const inside = marks
    .map((m) => ({ ...m, from: Math.max(m.from, part.start), to: Math.min(m.to, end) }))
    .filter((m) => m.from < m.to);
  const cuts = [...new Set([part.start, end, ...inside.flatMap((m) => [m.from, m.to])])].sort(
    (a, b) => a - b,
  );
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    const covering = inside.filter((m) => m.from <= from && m.to >= to);
    let tone: Polarity | null = null;
    for (const m of covering) {
      if (m.tone && (tone === null || TONE_RANK[m.tone] > TONE_RANK[tone])) tone = m.tone;
    }
    const aspects = [...new Set(covering.flatMap((m) => m.aspects ?? []))];
    const text = part.value.slice(from - part.start, to - part.start);
    const last = segments[segments.length - 1];
    if (last && last.tone === tone && last.aspects.join() === aspects.join()) last.text += text;
    else segments.push({ text, tone, aspects });
  }
  return segments;
}

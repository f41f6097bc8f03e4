/**
 * One fast pass over a text into words, numbers, emoji/emoticons and punctuation, with UTF-16
 * offsets into the original. Everything else (spaces, symbols, lone surrogates, control
 * characters) is skipped, so any string is safe input. Shared by sentiment, aspects and keywords.
 */
export type TokenKind = "word" | "number" | "emoji" | "punct";

export interface Token {
  kind: TokenKind;
  /** As written. */
  text: string;
  /** Lower case (words), the text otherwise. */
  norm: string;
  from: number;
  to: number;
}

// Words may hold inner apostrophes and hyphens ("don't", "Service-Hotline", "E-Mail"); digits
// inside a word stay with it ("ICE3", "4G"). Emoticons are listed before punctuation so ":-(" is
// one token. Emoji: a pictograph with its modifiers and ZWJ sequences, or a flag pair.
const TOKEN = new RegExp(
  [
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*)`,
    String.raw`(?<number>\p{N}+(?:[.,:]\p{N}+)*)`,
    String.raw`(?<emoticon>[:;=8][\-o\^']?[)(\]\[DPpO/\\|*3]|<3|\^\^|\(:)`,
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\u{FE0F}|[\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic})*|[\u{1F1E6}-\u{1F1FF}]{2})`,
    String.raw`(?<punct>[.!?…;]+|[,:()\[\]"“”„«»‚‘’]|[-–—]{1,3})`,
  ].join("|"),
  "gu",
);

/** At most this many characters are tokenized; longer texts are analysed by their beginning. */
export const MAX_ANALYSED_CHARS = 20_000;

export function tokenize(text: string): Token[] {
  const input = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (const m of input.matchAll(TOKEN)) {
    const g = m.groups ?? {};
    const s = m[0];
    const from = m.index;
    const to = from + s.length;
    if (g.word !== undefined) tokens.push({ kind: "word", text: s, norm: s.toLowerCase(), from, to });
    else if (g.number !== undefined) tokens.push({ kind: "number", text: s, norm: s, from, to });
    else if (g.emoticon !== undefined || g.emoji !== undefined)
      tokens.push({ kind: "emoji", text: s, norm: s, from, to });
    else tokens.push({ kind: "punct", text: s, norm: s, from, to });
  }
  return tokens;
}

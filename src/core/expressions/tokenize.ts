import { ExpressionError } from "./expression-error.js";

export type TokenKind = "ident" | "string" | "number" | "op" | "lparen" | "rparen" | "comma" | "dot" | "end";

export interface Token {
  kind: TokenKind;
  /** The value: identifier text, decoded string, number literal text, or the operator. */
  value: string;
  /** The source text as written, for error messages. */
  text: string;
  /** 1-based column of the first character. */
  column: number;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/;
const SINGLE: Record<string, TokenKind> = { "(": "lparen", ")": "rparen", ",": "comma", ".": "dot" };

/** Splits source text into tokens; the last token is always `end`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    const column = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (SINGLE[ch]) {
      tokens.push({ kind: SINGLE[ch], value: ch, text: ch, column });
      i++;
    } else if (ch === '"') {
      const { value, end } = readString(source, i);
      tokens.push({ kind: "string", value, text: source.slice(i, end), column });
      i = end;
    } else if (/[0-9-]/.test(ch)) {
      const m = NUMBER.exec(source.slice(i));
      if (!m || IDENT_PART.test(source.charAt(i + m[0].length))) {
        const text = source.slice(i).match(/^[^\s(),]+/)?.[0] ?? ch;
        throw new ExpressionError(`"${text}" is not a number`, column, "a number", text);
      }
      tokens.push({ kind: "number", value: m[0], text: m[0], column });
      i += m[0].length;
    } else if (IDENT_START.test(ch)) {
      let end = i + 1;
      while (end < source.length && IDENT_PART.test(source.charAt(end))) end++;
      const text = source.slice(i, end);
      tokens.push({ kind: "ident", value: text, text, column });
      i = end;
    } else if ("=!<>".includes(ch)) {
      const two = source.slice(i, i + 2);
      const op = [">=", "<=", "!="].includes(two) ? two : ch === "!" ? undefined : ch;
      if (!op)
        throw new ExpressionError(`unexpected "!" at column ${column}, expected "!="`, column, '"!="', "!");
      tokens.push({ kind: "op", value: op, text: op, column });
      i += op.length;
    } else {
      throw new ExpressionError(
        `unexpected "${ch}" at column ${column}, expected a path, a literal, an operator or a parenthesis`,
        column,
        "a path, a literal, an operator or a parenthesis",
        ch,
      );
    }
  }
  tokens.push({ kind: "end", value: "", text: "", column: source.length + 1 });
  return tokens;
}

/** A double-quoted string with `\"` and `\\` escapes; returns the decoded value and the end index. */
function readString(source: string, start: number): { value: string; end: number } {
  let value = "";
  let i = start + 1;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '"') return { value, end: i + 1 };
    if (ch === "\\") {
      const next = source.charAt(i + 1);
      if (next !== '"' && next !== "\\") {
        const text = `\\${next}`;
        throw new ExpressionError(
          `unsupported escape "${text}" at column ${i + 1}, expected \\" or \\\\`,
          i + 1,
          '\\" or \\\\',
          text,
        );
      }
      value += next;
      i += 2;
    } else {
      value += ch;
      i++;
    }
  }
  throw new ExpressionError(
    `unterminated string starting at column ${start + 1}, expected a closing "`,
    start + 1,
    'a closing "',
    source.slice(start),
  );
}

import type { CompareOp, Expr, Literal } from "./ast.js";
import { ExpressionError } from "./expression-error.js";
import { type Token, tokenize } from "./tokenize.js";

export const MAX_EXPRESSION_LENGTH = 2000;
/** Deep nesting would overflow the recursive-descent stack; real rules stay far below this. */
const MAX_DEPTH = 64;

const KEYWORDS = new Set([
  "and",
  "or",
  "not",
  "in",
  "exists",
  "contains",
  "startswith",
  "true",
  "false",
  "null",
]);
const WORD_OPS: Record<string, CompareOp> = { contains: "contains", startswith: "startsWith" };
const EXPECT_OPERATOR = 'a comparison operator (=, !=, >, >=, <, <=, contains, startsWith), "in" or "exists"';

const keyword = (t: Token): string | undefined =>
  t.kind === "ident" && KEYWORDS.has(t.value.toLowerCase()) ? t.value.toLowerCase() : undefined;

/**
 * Parses an expression to its AST. Grammar (keywords case-insensitive):
 * or := and ("or" and)*; and := not ("and" not)*; not := "not" not | primary;
 * primary := "(" or ")" | path op literal | path "in" "(" literal ("," literal)* ")" | path "exists".
 */
export function parseExpression(source: string): Expr {
  if (source.length > MAX_EXPRESSION_LENGTH)
    throw new ExpressionError(
      `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
      MAX_EXPRESSION_LENGTH + 1,
      `at most ${MAX_EXPRESSION_LENGTH} characters`,
      "",
    );
  return new Parser(tokenize(source)).parse();
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.or();
    const t = this.peek();
    if (t.kind !== "end") this.fail(t, '"and", "or" or the end of the expression');
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== "end") this.pos++;
    return t;
  }

  private fail(t: Token, expected: string): never {
    const found = t.kind === "end" ? "end of expression" : `"${t.text}"`;
    throw new ExpressionError(
      `unexpected ${found} at column ${t.column}, expected ${expected}`,
      t.column,
      expected,
      t.text,
    );
  }

  private or(): Expr {
    const items = [this.and()];
    while (keyword(this.peek()) === "or") {
      this.next();
      items.push(this.and());
    }
    return items.length === 1 ? (items[0] as Expr) : { type: "or", items };
  }

  private and(): Expr {
    const items = [this.not()];
    while (keyword(this.peek()) === "and") {
      this.next();
      items.push(this.not());
    }
    return items.length === 1 ? (items[0] as Expr) : { type: "and", items };
  }

  private not(): Expr {
    if (keyword(this.peek()) === "not") {
      const t = this.next();
      if (++this.depth > MAX_DEPTH) this.fail(t, `at most ${MAX_DEPTH} levels of nesting`);
      const expr = this.not();
      this.depth--;
      return { type: "not", expr };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === "lparen") {
      this.next();
      if (++this.depth > MAX_DEPTH) this.fail(t, `at most ${MAX_DEPTH} levels of nesting`);
      const expr = this.or();
      this.depth--;
      const close = this.peek();
      if (close.kind !== "rparen") this.fail(close, '")", "and" or "or"');
      this.next();
      return expr;
    }
    const path = this.path();
    const op = this.peek();
    const word = keyword(op);
    if (word === "exists") {
      this.next();
      return { type: "exists", path };
    }
    if (word === "in") {
      this.next();
      return { type: "in", path, values: this.list() };
    }
    if (op.kind === "op") {
      this.next();
      return { type: "compare", path, op: op.value as CompareOp, value: this.literal() };
    }
    if (word && WORD_OPS[word]) {
      this.next();
      return { type: "compare", path, op: WORD_OPS[word] as CompareOp, value: this.literal() };
    }
    return this.fail(op, EXPECT_OPERATOR);
  }

  private path(): string[] {
    const first = this.peek();
    if (first.kind !== "ident" || keyword(first))
      this.fail(first, 'a path (e.g. plan or properties.channel), "not" or "("');
    const path = [this.next().value];
    while (this.peek().kind === "dot") {
      this.next();
      // After a dot any identifier is a field name, even one spelled like a keyword (properties.in).
      const seg = this.peek();
      if (seg.kind !== "ident") this.fail(seg, "a field name after the dot");
      path.push(this.next().value);
    }
    return path;
  }

  private list(): Literal[] {
    const open = this.peek();
    if (open.kind !== "lparen") this.fail(open, '"(" starting the list of values');
    this.next();
    const values = [this.literal()];
    while (this.peek().kind === "comma") {
      this.next();
      values.push(this.literal());
    }
    const close = this.peek();
    if (close.kind !== "rparen") this.fail(close, '"," or ")"');
    this.next();
    return values;
  }

  private literal(): Literal {
    const t = this.peek();
    if (t.kind === "string") return this.next().value;
    if (t.kind === "number") {
      const n = Number(this.next().value);
      if (!Number.isFinite(n)) this.fail(t, "a finite number");
      return n;
    }
    const word = keyword(t);
    if (word === "true" || word === "false" || word === "null") {
      this.next();
      return word === "null" ? null : word === "true";
    }
    return this.fail(t, 'a literal: a "string", a number, true, false or null');
  }
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPARE_OPS, type Expr, type Literal } from "./ast.js";
import { evaluate } from "./evaluate.js";
import { ExpressionError } from "./expression-error.js";
import { parseExpression } from "./parse.js";
import { printExpression } from "./print.js";
import { eventMatcherErrors, matchesEvent } from "./validate.js";

function errorOf(source: string): ExpressionError {
  try {
    parseExpression(source);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`"${source}" parsed`);
}

describe("parseExpression", () => {
  it("parses the contract's examples to the expected AST", () => {
    expect(parseExpression('plan = "business" and tenure_months >= 24')).toEqual({
      type: "and",
      items: [
        { type: "compare", path: ["plan"], op: "=", value: "business" },
        { type: "compare", path: ["tenure_months"], op: ">=", value: 24 },
      ],
    });
    expect(parseExpression('properties.channel in ("web", "app") and not properties.test exists')).toEqual({
      type: "and",
      items: [
        { type: "in", path: ["properties", "channel"], values: ["web", "app"] },
        { type: "not", expr: { type: "exists", path: ["properties", "test"] } },
      ],
    });
  });

  it("binds and tighter than or, takes keywords in any case, and decodes escapes and numbers", () => {
    expect(parseExpression("a = 1 OR b = 2 And c = 3")).toEqual({
      type: "or",
      items: [
        { type: "compare", path: ["a"], op: "=", value: 1 },
        {
          type: "and",
          items: [
            { type: "compare", path: ["b"], op: "=", value: 2 },
            { type: "compare", path: ["c"], op: "=", value: 3 },
          ],
        },
      ],
    });
    expect(parseExpression('note contains "Sie sagte \\"Hallo\\" \\\\ tschüss"')).toMatchObject({
      op: "contains",
      value: 'Sie sagte "Hallo" \\ tschüss',
    });
    expect(parseExpression("x <= -1.5e2")).toMatchObject({ op: "<=", value: -150 });
    expect(parseExpression('name STARTSWITH "Dr"')).toMatchObject({ op: "startsWith", value: "Dr" });
    expect(parseExpression("properties.in = null")).toMatchObject({
      path: ["properties", "in"],
      value: null,
    });
    expect(parseExpression("flag != TRUE")).toMatchObject({ op: "!=", value: true });
  });

  it.each([
    ['plan = "business" xyz', 19, 'unexpected "xyz" at column 19, expected "and", "or" or the end'],
    ["plan xyz 3", 6, 'unexpected "xyz" at column 6, expected a comparison operator'],
    ["plan =", 7, "unexpected end of expression at column 7, expected a literal"],
    ["(a = 1", 7, 'unexpected end of expression at column 7, expected ")", "and" or "or"'],
    ["a = 1)", 6, 'unexpected ")" at column 6, expected "and", "or" or the end'],
    ['a = "open', 5, 'unterminated string starting at column 5, expected a closing "'],
    ['a = "x\\n"', 7, 'unsupported escape "\\n" at column 7'],
    ["a in (1, )", 10, 'unexpected ")" at column 10, expected a literal'],
    ["a in 1", 6, 'unexpected "1" at column 6, expected "(" starting the list of values'],
    ["and = 1", 1, 'unexpected "and" at column 1, expected a path'],
    ["a. = 1", 4, 'unexpected "=" at column 4, expected a field name after the dot'],
    ["a = 12ab", 5, '"12ab" is not a number'],
    ["a # 1", 3, 'unexpected "#" at column 3'],
    ["", 1, "unexpected end of expression at column 1, expected a path"],
    ["a ! 1", 3, 'unexpected "!" at column 3, expected "!="'],
  ])("rejects %j at column %i", (source, column, message) => {
    const e = errorOf(source);
    expect(e.column).toBe(column);
    expect(e.message).toContain(message);
  });

  it("refuses nesting deeper than the stack allows, with a column", () => {
    const e = errorOf(`${"(".repeat(100)}a = 1${")".repeat(100)}`);
    expect(e.column).toBe(65);
    expect(e.message).toContain("levels of nesting");
  });
});

describe("evaluate", () => {
  const customer = {
    plan: "business",
    tenure_months: 30,
    tags: ["vip", "de"],
    properties: { channel: "app", test: null, total: 99.5 },
    context: { app: { version: "2.4.1" } },
  };
  it.each([
    ['plan = "business" and tenure_months >= 24', true],
    ['properties.channel in ("web", "app") and not properties.test exists', true],
    ["properties.missing = null", true],
    ["properties.missing != null", false],
    ['plan != "private"', true],
    ['tags contains "vip"', true],
    ['plan contains "sine"', true],
    ['context.app.version startsWith "2."', true],
    ['context.app.version >= "2.10"', true],
    ['tenure_months > "10"', false],
    ['not (tenure_months > "10")', true],
    ["properties.total < 100 and properties.total > 99", true],
    ["plan.nested exists", false],
    ['tags = "vip"', false],
  ])("%s → %s", (source, expected) => {
    expect(evaluate(parseExpression(source), customer)).toBe(expected);
  });
});

const PATHS = [["plan"], ["age"], ["p", "channel"], ["p", "n"], ["tags"], ["missing", "x"]];
const literal: fc.Arbitrary<Literal> = fc.oneof(
  fc.constantFrom("business", "web", "app", "", 'quo"te\\'),
  fc.integer({ min: -5, max: 50 }),
  fc.double({ min: -10, max: 10, noNaN: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
);
const path = fc.constantFrom(...PATHS);
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      type: fc.constant("compare" as const),
      path,
      op: fc.constantFrom(...COMPARE_OPS),
      value: literal,
    }),
    fc.record({
      type: fc.constant("in" as const),
      path,
      values: fc.array(literal, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ type: fc.constant("exists" as const), path }),
    fc.record({ type: fc.constant("not" as const), expr: tie("expr") }),
    fc.record({
      type: fc.constant("and" as const),
      items: fc.array(tie("expr"), { minLength: 2, maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant("or" as const),
      items: fc.array(tie("expr"), { minLength: 2, maxLength: 3 }),
    }),
  ),
})).expr;
const value = fc.oneof(literal, fc.array(literal, { maxLength: 3 }));
const record = fc.record(
  {
    plan: value,
    age: value,
    tags: value,
    p: fc.oneof(fc.record({ channel: value, n: value }, { requiredKeys: [] }), literal),
  },
  { requiredKeys: [] },
);

describe("expression properties", () => {
  it("not not e ≡ e", () => {
    fc.assert(
      fc.property(exprArb, record, (e, r) => {
        expect(evaluate({ type: "not", expr: { type: "not", expr: e } }, r)).toBe(evaluate(e, r));
      }),
    );
  });

  it("a and b ≡ b and a, a or b ≡ b or a, and De Morgan holds", () => {
    fc.assert(
      fc.property(exprArb, exprArb, record, (a, b, r) => {
        expect(evaluate({ type: "and", items: [a, b] }, r)).toBe(evaluate({ type: "and", items: [b, a] }, r));
        expect(evaluate({ type: "or", items: [a, b] }, r)).toBe(evaluate({ type: "or", items: [b, a] }, r));
        expect(evaluate({ type: "not", expr: { type: "and", items: [a, b] } }, r)).toBe(
          evaluate(
            {
              type: "or",
              items: [
                { type: "not", expr: a },
                { type: "not", expr: b },
              ],
            },
            r,
          ),
        );
      }),
    );
  });

  it("a != v ≡ not (a = v)", () => {
    fc.assert(
      fc.property(path, literal, record, (p, v, r) => {
        expect(evaluate({ type: "compare", path: p, op: "!=", value: v }, r)).toBe(
          !evaluate({ type: "compare", path: p, op: "=", value: v }, r),
        );
      }),
    );
  });

  it("print then parse gives back the same AST", () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        expect(parseExpression(printExpression(e))).toEqual(e);
      }),
    );
  });

  it("any input either parses or fails with an ExpressionError at a column inside the input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: fc.constantFrom(...'ab. =!<>()",\\0-9nota') }), (s) => {
        try {
          parseExpression(s);
        } catch (e) {
          expect(e).toBeInstanceOf(ExpressionError);
          const col = (e as ExpressionError).column;
          expect(col).toBeGreaterThanOrEqual(1);
          expect(col).toBeLessThanOrEqual(s.length + 1);
        }
      }),
    );
  });
});

describe("event matchers", () => {
  it("match exact names and * globs, then the condition", () => {
    const order = { properties: { total: 120, channel: "web" } };
    expect(matchesEvent({ event: "Order Completed" }, "Order Completed", order)).toBe(true);
    expect(matchesEvent({ event: "Order *" }, "Order Completed", order)).toBe(true);
    expect(matchesEvent({ event: "*Delayed" }, "Delivery Delayed", {})).toBe(true);
    expect(matchesEvent({ event: "Order.*" }, "OrderX", {})).toBe(false);
    expect(
      matchesEvent({ event: "Order *", where: "properties.total > 100" }, "Order Completed", order),
    ).toBe(true);
    expect(
      matchesEvent({ event: "Order *", where: "properties.total > 200" }, "Order Completed", order),
    ).toBe(false);
  });

  it("point at the failing condition", () => {
    expect(
      eventMatcherErrors(
        [{ event: "Call Ended" }, { event: "Ticket *", where: "priority = " }],
        "/body/eventMatchers",
      ),
    ).toEqual([
      {
        pointer: "/body/eventMatchers/1/where",
        code: "invalid_expression",
        message:
          'unexpected end of expression at column 12, expected a literal: a "string", a number, true, false or null',
      },
    ]);
  });
});

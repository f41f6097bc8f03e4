import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeVariants } from "../../testing/stores.js";
import { AppError } from "../errors.js";
import { COMPARE_OPS, type Expr, type Literal } from "../expressions/ast.js";
import { printExpression } from "../expressions/print.js";
import { matchesEvent, type TEventMatcher } from "../expressions/validate.js";
import type { Stores } from "../stores.js";
import { SqlParams } from "./scope.js";
import { matcherCondition, stepsCondition } from "./steps.js";

/** An event row; a column given as a string is raw JSON text (to write `1.0` or `1e0`). */
interface Row {
  event: string;
  properties: Record<string, unknown> | string;
  context: Record<string, unknown> | string;
  traits: Record<string, unknown> | string;
}

const jsonText = (v: Record<string, unknown> | string) => (typeof v === "string" ? v : JSON.stringify(v));
const jsonValueOf = (v: Record<string, unknown> | string): unknown =>
  typeof v === "string" ? JSON.parse(v) : v;

const ROW_STRUCTURE = "idx UInt32, event String, properties String, context String, traits String";

/**
 * Evaluates matchers over rows in one chDB query: column `m<j>` is matcher j's condition on row idx.
 * The rows go in as one bound JSONEachRow text, so nothing about them becomes SQL text.
 */
async function evaluateInChdb(stores: Stores, matchers: readonly TEventMatcher[], rows: readonly Row[]) {
  const params = new SqlParams();
  const data = rows
    .map((r, idx) =>
      JSON.stringify({
        idx,
        event: r.event,
        properties: jsonText(r.properties),
        context: jsonText(r.context),
        traits: jsonText(r.traits),
      }),
    )
    .join("\n");
  const conditions = matchers.map(
    (m, j) => `toUInt8(${matcherCondition(m, params, `/body/steps/${j}`)}) AS m${j}`,
  );
  const structure = params.add("String", ROW_STRUCTURE);
  const body = params.add("String", data);
  const sql = `SELECT idx, ${conditions.join(", ")}
    FROM (SELECT idx, event, properties, context, traits FROM format(JSONEachRow, ${structure}, ${body}))
    ORDER BY idx`;
  const result = await stores.facts.query<Record<string, number>>(sql, params.values);
  expect(result.map((r) => r.idx)).toEqual(rows.map((_, i) => i));
  return result.map((r) => matchers.map((_, j) => r[`m${j}`] === 1));
}

const reference = (matchers: readonly TEventMatcher[], rows: readonly Row[]) =>
  rows.map((r) => {
    const record = {
      properties: jsonValueOf(r.properties),
      context: jsonValueOf(r.context),
      traits: jsonValueOf(r.traits),
    };
    return matchers.map((m) => matchesEvent(m, r.event, record));
  });

const KEYS = ["a", "b", "in", "A"] as const;
const EVENT_NAMES = [
  "Order Completed",
  "Order\nLine",
  "Order Started",
  "Order%",
  "Order_x",
  "a\\b",
  "100%_sure",
  "Page",
];
const GLOBS = ["Order*", "Order *", "*", "*%*", "a\\*", "*_*", "100%*", "Order_*", "Order?*", "*Completed"];

/** U+E000–U+FFFF against characters above U+FFFF is where UTF-8 and UTF-16 orders differ. */
const CHARS = fc.oneof(
  fc.constantFrom(
    "a",
    "b",
    "A",
    " ",
    "0",
    "1",
    "ä",
    "é",
    "ß",
    "😀",
    "𝄞",
    "中",
    "'",
    '"',
    "\\",
    "%",
    "_",
    "\n",
    "\t",
  ),
  fc.constantFrom("\ue000", "\uf8ff", "\ufb01", "\ufffd", "\uffff"),
  fc
    .integer({ min: 0x20, max: 0xffff })
    .filter((c) => c < 0xd800 || c > 0xdfff)
    .map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);
const anyString = fc.array(CHARS, { maxLength: 6 }).map((cs) => cs.join(""));
const str = fc.oneof(
  fc.constantFrom("", "a", "ab", "b", "Ab", "ä", "😀", "10", "x' OR 1=1 --", "\\"),
  anyString,
);
const num = fc.oneof(
  fc.constantFrom(0, 1, -1, 2, 1.5, -2.25, 10, 100, 0.1, 0.30000000000000004),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(2 ** 53, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 2 ** 64, 1e21, -1e21, 5e-324),
);
/** Values shared by records and expressions, so comparisons often meet an equal value. */
const common = fc.constantFrom<Literal>("a", "ab", "", "😀", 0, 1, -1, 1.5, 10, true, false, null);
const literal: fc.Arbitrary<Literal> = fc.oneof(
  { arbitrary: common, weight: 4 },
  { arbitrary: fc.oneof(str, num, fc.boolean(), fc.constant(null)), weight: 3 },
);

/**
 * Stored numbers leave out integers that JSON.stringify writes as digits outside the Int64/UInt64
 * range (1e20 → "100000000000000000000", -2^63 → "-9223372036854776000"): ClickHouse's simdjson
 * refuses such a document, so every path in it reads as missing. See `equalsSql` in steps.ts.
 */
function simdjsonReads(v: unknown): boolean {
  if (typeof v !== "number" || !Number.isInteger(v)) return true;
  const text = JSON.stringify(v);
  return text.includes("e") || (BigInt(text) >= -(2n ** 63n) && BigInt(text) < 2n ** 64n);
}
const storedScalar = literal.filter(simdjsonReads);

const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    storedScalar,
    fc.array(storedScalar, { maxLength: 4 }),
    fc.array(common, { minLength: 1, maxLength: 4 }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie("value"), { maxKeys: 4 }),
  ),
})).value;
const object = fc.dictionary(fc.constantFrom(...KEYS), jsonValue, { maxKeys: 5 });
const row: fc.Arbitrary<Row> = fc.record({
  event: fc.constantFrom(...EVENT_NAMES),
  properties: object,
  context: object,
  traits: object,
});

const path = fc
  .tuple(
    fc.constantFrom("properties", "context", "traits"),
    fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 2 }),
  )
  .map(([column, keys]) => [column, ...keys]);
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    {
      arbitrary: fc.record({
        type: fc.constant("compare" as const),
        path,
        op: fc.constantFrom(...COMPARE_OPS),
        value: literal,
      }),
      weight: 4,
    },
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
const matcher: fc.Arbitrary<TEventMatcher> = fc.record(
  {
    event: fc.oneof(
      { arbitrary: fc.constant("*"), weight: 3 },
      { arbitrary: fc.constantFrom(...EVENT_NAMES, ...GLOBS), weight: 1 },
    ),
    where: exprArb.map(printExpression).filter((s) => s.length <= 2000),
  },
  { requiredKeys: ["event"] },
);

describe.each(storeVariants().map((v) => [v.name, v] as const))("analytics steps on %s", (_name, variant) => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await variant.open();
  });
  afterAll(() => stores.close());

  it("equals matchesEvent on random records and expressions", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(matcher, { minLength: 3, maxLength: 6 }),
        fc.array(row, { minLength: 10, maxLength: 20 }),
        async (matchers, rows) => {
          expect(await evaluateInChdb(stores, matchers, rows)).toEqual(reference(matchers, rows));
        },
      ),
      // STEPS_RUNS=3000 for a deeper search.
      { numRuns: Number(process.env.STEPS_RUNS ?? 100) },
    );
  });

  /** Indexes of the rows each matcher matches in chDB, which must agree with `matchesEvent`. */
  async function matching(matchers: TEventMatcher[], rows: Row[]): Promise<number[][]> {
    const got = await evaluateInChdb(stores, matchers, rows);
    expect(got).toEqual(reference(matchers, rows));
    return matchers.map((_, j) => rows.flatMap((_, i) => (got[i]?.[j] ? [i] : [])));
  }

  it("matches event names exactly or by glob, with %, _ and \\ taken literally", async () => {
    const rows = [
      "Order Completed",
      "Order Started",
      "Orders",
      "Order%",
      "Order_x",
      "OrderAx",
      "a\\b",
      "ab",
      "100% sure",
      "1000 sure",
      "order completed",
    ].map((event) => row0(event));
    const globs = [
      "Order *",
      "Order%",
      "Order%*",
      "Order_*",
      "a\\*",
      "100%*",
      "*",
      "Order Completed",
      "*sure",
    ];
    expect(
      await matching(
        globs.map((event) => ({ event })),
        rows,
      ),
    ).toEqual([[0, 1], [3], [3], [4], [6], [8], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0], [8, 9]]);
  });

  it("reads nested paths, exists, not and in", async () => {
    const rows = [
      row0("Order Completed", { cart: { total: 120, items: [{ sku: "a" }] }, coupon: null, plan: "pro" }),
      row0(
        "Order Completed",
        { cart: { total: 80 }, coupon: "", plan: "free" },
        { page: { path: "/checkout/2" } },
      ),
      row0("Order Completed", { cart: "120", plan: 1 }, {}, { address: { city: "Köln" } }),
      row0("Order Completed", '{"cart":{"total":1.2e2},"plan":null}'),
    ];
    const cases: [string, number[]][] = [
      ["properties.cart.total > 100", [0, 3]],
      ['properties.cart.items.sku = "a"', []],
      ['context.page.path startsWith "/checkout"', [1]],
      ['traits.address.city = "Köln"', [2]],
      ["properties.coupon exists", [1]],
      ["not properties.coupon exists", [0, 2, 3]],
      ['not (properties.cart.total >= 100 or properties.plan = "free")', [2]],
      ['properties.plan in ("pro", null)', [0, 3]],
      ['properties.plan in (1, "free")', [1, 2]],
      ["properties.cart.total in (120, 80)", [0, 1, 3]],
      ["properties.cart exists and not properties.cart.total exists", [2]],
    ];
    const matchers = cases.map(([where]) => ({ event: "Order *", where }));
    expect(await matching(matchers, rows)).toEqual(cases.map(([, expected]) => expected));
  });

  it("compares numbers across integer and float spellings, and != holds for missing fields", async () => {
    const rows = [
      row0("e", '{"n":1}'),
      row0("e", '{"n":1.0}'),
      row0("e", '{"n":1e0}'),
      row0("e", '{"n":-0.5}'),
      row0("e", '{"n":"1"}'),
      row0("e", '{"n":true}'),
      row0("e", '{"n":null}'),
      row0("e", "{}"),
      row0("e", '{"n":9007199254740993}'),
      row0("e", '{"n":10000000000000000000}'),
    ];
    const cases: [string, number[]][] = [
      ["properties.n = 1", [0, 1, 2]],
      ["properties.n != 1", [3, 4, 5, 6, 7, 8, 9]],
      ["properties.n > 0.5", [0, 1, 2, 8, 9]],
      ["properties.n <= -0.5", [3]],
      ['properties.n = "1"', [4]],
      ["properties.n = true", [5]],
      ["properties.n = null", [6, 7]],
      ["properties.n != null", [0, 1, 2, 3, 4, 5, 8, 9]],
      ["properties.n = 9007199254740992", [8]],
      ["properties.n >= 9007199254740992", [8, 9]],
      ["properties.n = 1e19", [9]],
    ];
    const matchers = cases.map(([where]) => ({ event: "e", where }));
    expect(await matching(matchers, rows)).toEqual(cases.map(([, expected]) => expected));
  });

  it("contains finds substrings and array elements; ordering is within one type, strings by UTF-16 units", async () => {
    const rows = [
      row0("e", { tags: ["a", 1, true, null, 2.5, { a: 1 }, ["a"]], title: "Order placed", name: "a" }),
      row0("e", { tags: "a1true", title: "order", name: "B" }),
      row0("e", { tags: [], title: 1, name: "ä" }),
      row0("e", { tags: ["1", "false"], name: 5 }),
      row0("e", { name: "😀" }),
      row0("e", { name: "\ufffd" }),
    ];
    const cases: [string, number[]][] = [
      ["properties.tags contains 1", [0]],
      ["properties.tags contains true", [0]],
      ["properties.tags contains false", []],
      ['properties.tags contains "a"', [0, 1]],
      ["properties.tags contains null", [0]],
      ["properties.tags contains 2.5", [0]],
      ['properties.tags contains "1"', [1, 3]],
      ['properties.title contains "rder"', [0, 1]],
      ['properties.title startsWith "Order"', [0]],
      ["properties.title contains 1", []],
      ['properties.name < "b"', [0, 1]],
      ['properties.name > "Z"', [0, 2, 4, 5]],
      ['properties.name < "\ue000"', [0, 1, 2, 4]],
      ['properties.name > "😀"', [5]],
      ["properties.name < 10", [3]],
      ["properties.name > true", []],
    ];
    const matchers = cases.map(([where]) => ({ event: "e", where }));
    expect(await matching(matchers, rows)).toEqual(cases.map(([, expected]) => expected));
  });

  it("binds hostile names and literals as values: they match only themselves", async () => {
    const rows = HOSTILE.map((h) => row0(h, { a: h }));
    const matchers = HOSTILE.map((h) => ({ event: h, where: `properties.a = ${JSON.stringify(h)}` }));
    expect(await matching(matchers, rows)).toEqual(HOSTILE.map((_, i) => [i]));
  });
});

const row0 = (
  event: string,
  properties: Row["properties"] = {},
  context: Row["context"] = {},
  traits: Row["traits"] = {},
): Row => ({ event, properties, context, traits });

/** Values that would change a query if they became SQL text. `{p0:String}` is a placeholder's spelling. */
const HOSTILE = [
  "x' OR 1=1 --",
  "properties.a); DROP TABLE events; --",
  "`events`",
  "{p0:String}",
  "{evil:String}",
  "a\\' OR '1'='1",
  '"; SELECT 1; --',
];

/** The SQL's own quoted strings are only the JSON type names. */
const TYPE_NAMES = new Set(["'Null'", "'Bool'", "'String'", "'Array'", "'Int64'", "'UInt64'", "'Double'"]);

describe("matcherCondition on hostile input", () => {
  it("keeps names, path segments and literals out of the SQL text", () => {
    for (const h of HOSTILE) {
      const params = new SqlParams();
      const matchers = [
        { event: h, where: `properties.a = ${JSON.stringify(h)} or context.b contains ${JSON.stringify(h)}` },
        {
          event: `${h}*`,
          where: `traits.select.from in (${JSON.stringify(h)}, 1) and properties.DROP exists`,
        },
      ];
      const sql = stepsCondition(matchers, params, "/body/steps/0");
      const values = Object.values(params.values);
      for (const frag of ["OR 1=1", "DROP", "`", "--", "SELECT 1", "evil", "select", "from", ";"])
        expect(sql).not.toContain(frag);
      expect(sql).not.toMatch(/\{p0:String\}.*\{p0:String\}/s);
      for (const quoted of sql.match(/'[^']*'/g) ?? []) expect(TYPE_NAMES).toContain(quoted);
      expect(sql.replace(/\{p\d+:(String|Float64)\}/g, "")).not.toMatch(/[{}]/);
      expect(values).toContain(h);
      expect(values).toContain("DROP");
      expect(values).toContain("select");
    }
  });

  it("refuses paths outside properties, context and traits with unknown_path at <pointer>/where", () => {
    const bad = [
      'user_id = "x"',
      'event = "Order Completed"',
      "properties exists",
      "properties = 1",
      "Properties.a = 1",
      "traitsx.a = 1",
      "properties.a = 1 and timestamp > 0",
      'not (context.a exists or workspace_id in ("x"))',
    ];
    for (const where of bad) {
      const error = errorOf(() => matcherCondition({ event: "e", where }, new SqlParams(), "/body/steps/2"));
      expect(error.code).toBe("validation_failed");
      expect(error.errors).toEqual([
        { pointer: "/body/steps/2/where", code: "unknown_path", message: expect.any(String) },
      ]);
    }
  });

  it("refuses SQL in paths as an invalid expression at <pointer>/where", () => {
    for (const where of [
      "properties.a); DROP TABLE events; --",
      "properties.`a` = 1",
      "properties.a' = 1",
      "properties.{p0:String} = 1",
    ]) {
      const error = errorOf(() => matcherCondition({ event: "e", where }, new SqlParams(), "/body/steps/0"));
      expect(error.code).toBe("validation_failed");
      expect(error.errors[0]).toMatchObject({ pointer: "/body/steps/0/where", code: "invalid_expression" });
    }
  });

  it("joins several matchers with OR, and none matches nothing", () => {
    const params = new SqlParams();
    expect(stepsCondition([], params, "/body/steps/0")).toBe("0");
    expect(stepsCondition([{ event: "A" }, { event: "B *" }], params, "/body/steps/0")).toBe(
      "(event = {p0:String} OR event LIKE {p1:String})",
    );
    expect(params.values).toEqual({ p0: "A", p1: "B %" });
  });
});

function errorOf(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("no error");
}

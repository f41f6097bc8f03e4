import { z } from "@hono/zod-openapi";
import { AppError } from "../errors.js";
import type { CompareOp, Expr, Literal } from "../expressions/ast.js";
import { validateExpression, ZEventMatcher } from "../expressions/validate.js";
import type { SqlParams } from "./scope.js";

/** A report step: an event matcher (name or glob, optional condition), or a touchpoint's matchers. */
export const ZStep = z.union([
  ZEventMatcher.extend({ label: z.string().trim().max(120).optional() }),
  z.object({ touchpointId: z.uuid(), label: z.string().trim().max(120).optional() }),
]);
export type TStep = z.infer<typeof ZStep>;

/** Columns a condition may read: the path's first segment. */
const JSON_COLUMNS = new Set(["properties", "context", "traits"]);

/** LIKE pattern of a glob: `*` any text; `%`, `_` and `\` taken literally. */
const likeOf = (glob: string) => glob.replace(/[\\%_]/g, (c) => `\\${c}`).replaceAll("*", "%");

/**
 * The SQL condition of one matcher over the scoped events' columns (`event`, `properties`, `context`,
 * `traits`): every name, path segment and literal is a bound parameter. `pointer` names the field in
 * errors (an unknown path is a 400 pointing at `<pointer>/where`).
 */
export function matcherCondition(
  matcher: { event: string; where?: string | undefined },
  params: SqlParams,
  pointer: string,
): string {
  const name = matcher.event.includes("*")
    ? `event LIKE ${params.add("String", likeOf(matcher.event))}`
    : `event = ${params.add("String", matcher.event)}`;
  if (!matcher.where) return name;
  const expr = validateExpression(matcher.where, `${pointer}/where`);
  return `(${name} AND ${exprSql(expr, params, `${pointer}/where`)})`;
}

/** Any of several matchers (a step's, or a touchpoint's): the OR of their conditions; none matches nothing. */
export function stepsCondition(
  matchers: readonly { event: string; where?: string | undefined }[],
  params: SqlParams,
  pointer: string,
): string {
  if (matchers.length === 0) return "0";
  const conditions = matchers.map((m) => matcherCondition(m, params, pointer));
  return conditions.length === 1 ? (conditions[0] as string) : `(${conditions.join(" OR ")})`;
}

/** `JSONType` names of a JSON number (a double beyond the Int64 range reads as `Double`). */
const NUMBER_TYPES = "('Int64', 'UInt64', 'Double')";

/**
 * The JSON value a path names, as the argument list of ClickHouse's JSON functions (`properties,
 * {p1:String}, {p2:String}`); keys are bound as strings, so they never index into arrays.
 */
function pathRef(path: readonly string[], params: SqlParams, pointer: string): string {
  const [column, ...keys] = path;
  if (!column || !JSON_COLUMNS.has(column) || keys.length === 0) throw pathError(pointer, path.join("."));
  return [column, ...keys.map((k) => params.add("String", k))].join(", ");
}

function pathError(pointer: string, path: string) {
  const message = `"${path}" is not a field: paths start with properties, context or traits and name a key`;
  return new AppError("validation_failed", `${pointer}: ${message}`, {
    errors: [{ pointer, code: "unknown_path", message }],
  });
}

/**
 * The value at `ref` equals a literal, as `===` in `evaluate`. `JSONType` reads a missing path as
 * `Null`, which is what `= null` matches. Limit: a document ClickHouse cannot parse reads as all
 * missing; simdjson refuses integers outside the Int64/UInt64 range, which JSON.stringify writes as
 * digits for magnitudes of 2^63 and more (1e20 → "100000000000000000000").
 */
function equalsSql(ref: string, value: Literal, params: SqlParams): string {
  const type = `JSONType(${ref})`;
  if (value === null) return `(${type} = 'Null')`;
  if (typeof value === "boolean") return `(${type} = 'Bool' AND JSONExtractBool(${ref}) = ${value ? 1 : 0})`;
  if (typeof value === "number")
    return `(${type} IN ${NUMBER_TYPES} AND JSONExtractFloat(${ref}) = ${numberParam(value, params)})`;
  return `(${type} = 'String' AND JSONExtractString(${ref}) = ${params.add("String", value)})`;
}

/** As text: chDB's binder refuses JS numbers beyond ±2^53; the shortest round-trip text reads back exactly. */
const numberParam = (value: number, params: SqlParams) => params.add("Float64", String(value));

/**
 * UTF-8 text whose byte order is JavaScript's (UTF-16 code unit) order. The two differ only in that
 * U+E000–U+FFFF sort after U+10000 and above in UTF-16: their lead bytes EE and EF move to F5 and F6,
 * which valid UTF-8 never uses, above the lead bytes F0–F4 of four-byte characters.
 */
const utf16Order = (s: string) => `replaceAll(replaceAll(${s}, char(238), char(245)), char(239), char(246))`;

/** Ordering as in `evaluate`: number against number, string against string, else false. */
function orderSql(ref: string, op: "<" | "<=" | ">" | ">=", value: Literal, params: SqlParams): string {
  const type = `JSONType(${ref})`;
  if (typeof value === "number")
    return `(${type} IN ${NUMBER_TYPES} AND JSONExtractFloat(${ref}) ${op} ${numberParam(value, params)})`;
  if (typeof value === "string") {
    const v = utf16Order(params.add("String", value));
    return `(${type} = 'String' AND ${utf16Order(`JSONExtractString(${ref})`)} ${op} ${v})`;
  }
  return "0";
}

/** `contains`: a string containing a string literal, or an array with an element equal to the literal. */
function containsSql(ref: string, value: Literal, params: SqlParams): string {
  const inArray = `(JSONType(${ref}) = 'Array' AND arrayExists(x -> ${equalsSql("x", value, params)}, JSONExtractArrayRaw(${ref})))`;
  if (typeof value !== "string") return inArray;
  return `((JSONType(${ref}) = 'String' AND position(JSONExtractString(${ref}), ${params.add("String", value)}) > 0) OR ${inArray})`;
}

function compareSql(ref: string, op: CompareOp, value: Literal, params: SqlParams): string {
  switch (op) {
    case "=":
      return equalsSql(ref, value, params);
    case "!=":
      return `NOT ${equalsSql(ref, value, params)}`;
    case "contains":
      return containsSql(ref, value, params);
    case "startsWith":
      return typeof value === "string"
        ? `(JSONType(${ref}) = 'String' AND startsWith(JSONExtractString(${ref}), ${params.add("String", value)}))`
        : "0";
    default:
      return orderSql(ref, op, value, params);
  }
}

/** The condition of an expression, with `evaluate`'s two-valued semantics. */
export function exprSql(expr: Expr, params: SqlParams, pointer: string): string {
  switch (expr.type) {
    case "or":
      return `(${expr.items.map((e) => exprSql(e, params, pointer)).join(" OR ")})`;
    case "and":
      return `(${expr.items.map((e) => exprSql(e, params, pointer)).join(" AND ")})`;
    case "not":
      return `NOT (${exprSql(expr.expr, params, pointer)})`;
    case "exists":
      return `(JSONType(${pathRef(expr.path, params, pointer)}) != 'Null')`;
    case "in": {
      const ref = pathRef(expr.path, params, pointer);
      return expr.values.length === 0
        ? "0"
        : `(${expr.values.map((v) => equalsSql(ref, v, params)).join(" OR ")})`;
    }
    case "compare":
      return compareSql(pathRef(expr.path, params, pointer), expr.op, expr.value, params);
  }
}

import type { Expr, Literal } from "./ast.js";

/** Walks a dotted path through nested objects; anything not found is undefined. */
export function resolvePath(record: unknown, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const seg of path) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    if (!Object.hasOwn(value, seg)) return undefined;
    value = (value as Record<string, unknown>)[seg];
  }
  return value;
}

/** `= null` also matches a missing field, so "not set" reads the same whether absent or null. */
const equals = (value: unknown, literal: Literal): boolean =>
  literal === null ? value === null || value === undefined : value === literal;

function order(value: unknown, literal: Literal): number | undefined {
  if (typeof value === "number" && typeof literal === "number") return value - literal;
  if (typeof value === "string" && typeof literal === "string")
    return value < literal ? -1 : value > literal ? 1 : 0;
  return undefined;
}

/**
 * Evaluates an expression over a nested JSON record with two-valued logic: a comparison whose
 * types do not fit (a missing field, a string against a number) is false, never an error, so
 * `not not e` is `e` and `a != b` is `not (a = b)`.
 */
export function evaluate(expr: Expr, record: unknown): boolean {
  switch (expr.type) {
    case "or":
      return expr.items.some((e) => evaluate(e, record));
    case "and":
      return expr.items.every((e) => evaluate(e, record));
    case "not":
      return !evaluate(expr.expr, record);
    case "exists": {
      const v = resolvePath(record, expr.path);
      return v !== undefined && v !== null;
    }
    case "in": {
      const v = resolvePath(record, expr.path);
      return expr.values.some((lit) => equals(v, lit));
    }
    case "compare": {
      const v = resolvePath(record, expr.path);
      const lit = expr.value;
      switch (expr.op) {
        case "=":
          return equals(v, lit);
        case "!=":
          return !equals(v, lit);
        case "contains":
          if (typeof v === "string") return typeof lit === "string" && v.includes(lit);
          return Array.isArray(v) && v.some((item) => item === lit);
        case "startsWith":
          return typeof v === "string" && typeof lit === "string" && v.startsWith(lit);
        default: {
          const d = order(v, lit);
          if (d === undefined || Number.isNaN(d)) return false;
          return expr.op === ">" ? d > 0 : expr.op === ">=" ? d >= 0 : expr.op === "<" ? d < 0 : d <= 0;
        }
      }
    }
  }
}

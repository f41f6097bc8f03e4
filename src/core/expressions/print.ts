import type { Expr, Literal } from "./ast.js";

const printLiteral = (v: Literal): string =>
  typeof v === "string" ? `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"` : String(v);

/** A field name that reads back as the same field: keywords are fine after a dot, not first. */
const printPath = (path: readonly string[]): string => path.join(".");

/**
 * Prints an AST as source text that parses back to the same AST. Nested and/or and negated
 * groups get parentheses so the tree's shape survives the round trip.
 */
export function printExpression(expr: Expr): string {
  switch (expr.type) {
    case "or":
      return expr.items
        .map((e) => (e.type === "or" ? `(${printExpression(e)})` : printExpression(e)))
        .join(" or ");
    case "and":
      return expr.items
        .map((e) => (e.type === "or" || e.type === "and" ? `(${printExpression(e)})` : printExpression(e)))
        .join(" and ");
    case "not":
      return expr.expr.type === "or" || expr.expr.type === "and"
        ? `not (${printExpression(expr.expr)})`
        : `not ${printExpression(expr.expr)}`;
    case "exists":
      return `${printPath(expr.path)} exists`;
    case "in":
      return `${printPath(expr.path)} in (${expr.values.map(printLiteral).join(", ")})`;
    case "compare":
      return `${printPath(expr.path)} ${expr.op} ${printLiteral(expr.value)}`;
  }
}

import type { Expr } from "../expressions/ast.js";
import { evaluate } from "../expressions/evaluate.js";
import type { TPropertyCondition } from "./case-rules.schema.js";

/** What a rule's conditions read: an event's properties and context, and its customer's traits. */
export interface ConditionRecord {
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  customer: { traits: Record<string, unknown> };
}

/** A validated condition as an expression tree (fields and operators come from allowlists). */
export function conditionExpr(c: TPropertyCondition): Expr {
  const path = c.field.split(".");
  switch (c.op) {
    case "exists":
      return { type: "exists", path };
    case "notExists":
      return { type: "not", expr: { type: "exists", path } };
    case "in":
      return { type: "in", path, values: Array.isArray(c.value) ? c.value : [] };
    default:
      return { type: "compare", path, op: c.op, value: Array.isArray(c.value) ? null : (c.value ?? null) };
  }
}

/** All conditions hold (none: always). */
export function conditionsMatch(conditions: readonly TPropertyCondition[], record: ConditionRecord): boolean {
  return conditions.every((c) => evaluate(conditionExpr(c), record));
}

/** A field's value as a grouping key ('' when missing); non-text values as JSON text. */
export function fieldKey(field: string, record: ConditionRecord): string {
  let value: unknown = record;
  for (const seg of field.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, seg)) return "";
    value = (value as Record<string, unknown>)[seg];
  }
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Whether any condition or grouping field reads the customer's traits. */
export const readsCustomer = (fields: readonly string[]): boolean =>
  fields.some((f) => f.startsWith("customer."));

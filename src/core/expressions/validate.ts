import { z } from "zod";
import { AppError, type FieldError } from "../errors.js";
import type { Expr } from "./ast.js";
import { evaluate } from "./evaluate.js";
import { ExpressionError } from "./expression-error.js";
import { parseExpression } from "./parse.js";

/** Parses `source` or throws a 400 whose error points at `pointer` and names the column. */
export function validateExpression(source: string, pointer: string): Expr {
  const error = expressionError(source, pointer);
  if (error) throw new AppError("validation_failed", `${pointer}: ${error.message}`, { errors: [error] });
  return parseExpression(source);
}

/** The field error for an invalid expression, or undefined when it parses. */
export function expressionError(source: string, pointer: string): FieldError | undefined {
  try {
    parseExpression(source);
    return undefined;
  } catch (e) {
    if (e instanceof ExpressionError) return { pointer, code: "invalid_expression", message: e.message };
    throw e;
  }
}

export const MAX_EVENT_NAME = 255;

/** An event matcher: an exact event name or a glob with `*`, and an optional condition. */
export const ZEventMatcher = z.object({
  event: z
    .string()
    .trim()
    .min(1, "the event name is empty")
    .max(MAX_EVENT_NAME)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
    .regex(/^[^\u0000-\u001f\u007f]+$/, "the event name contains control characters"),
  where: z.string().trim().max(2000).optional(),
});
export type TEventMatcher = z.infer<typeof ZEventMatcher>;

/** Checks each matcher's `where`; errors point at `<base>/<index>/where`. */
export function eventMatcherErrors(matchers: readonly TEventMatcher[], base: string): FieldError[] {
  return matchers.flatMap((m, i) => {
    if (m.where === undefined || m.where === "") return [];
    const error = expressionError(m.where, `${base}/${i}/where`);
    return error ? [error] : [];
  });
}

/** Stored form: an empty condition is no condition. */
export const normalizeMatchers = (matchers: readonly TEventMatcher[]): TEventMatcher[] =>
  matchers.map((m) => (m.where ? { event: m.event, where: m.where } : { event: m.event }));

const globCache = new Map<string, RegExp>();
function glob(pattern: string): RegExp {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .split("*")
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
      "s",
    );
    if (globCache.size > 1000) globCache.clear();
    globCache.set(pattern, re);
  }
  return re;
}

/** Whether an event (its name and record: properties, context, traits …) matches a matcher. */
export function matchesEvent(matcher: TEventMatcher, name: string, record: unknown): boolean {
  const nameMatches = matcher.event.includes("*") ? glob(matcher.event).test(name) : matcher.event === name;
  if (!nameMatches) return false;
  return matcher.where ? evaluate(parseExpression(matcher.where), record) : true;
}

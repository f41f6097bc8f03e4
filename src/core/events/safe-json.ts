/**
 * JSON helpers for hostile input: no recursion on unbounded depth (JSON.parse accepts 100,000
 * levels, JSON.stringify overflows the stack on them), no prototype writes, well-formed strings.
 */

/** True when `value` nests objects/arrays deeper than `max` levels (iterative). */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SURROGATE = /[\uD800-\uDFFF]/;
const SUSPECT = /[\0\uD800-\uDFFF]/;
/** NUL too: PostgreSQL refuses it in text and jsonb (identity work travels through the outbox). */
export function wellFormed(s: string): string {
  if (!SUSPECT.test(s)) return s;
  const out = s.includes("\0") ? s.replaceAll("\0", "\uFFFD") : s;
  return SURROGATE.test(out) ? out.replace(LONE_SURROGATE, "\uFFFD") : out;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters JSON.stringify escapes
const PLAIN = /^[^"\\\u0000-\u001f\uD800-\uDFFF]*$/;
/**
 * `JSON.stringify(wellFormed(s))`: a string without quotes, backslashes, control characters and
 * surrogates (nearly every id, name and value) is quoted as it is, which takes half the time.
 */
export function jsonString(s: string): string {
  return PLAIN.test(s) ? `"${s}"` : JSON.stringify(wellFormed(s));
}

/** Thrown by `canonicalJson` when a value nests deeper than allowed. */
export class TooDeep extends Error {
  constructor(readonly maxDepth: number) {
    super(`nests deeper than ${maxDepth} levels`);
  }
}

/**
 * A number's JSON: non-finite as null; integers outside ClickHouse's Int64/UInt64 range in exponent
 * form (`1e+20`), since JSON.stringify writes them as plain digits, which ClickHouse's JSON functions
 * refuse (the whole document then reads as empty).
 */
export function numberJson(n: number): string {
  if (!Number.isFinite(n)) return "null";
  if (Number.isInteger(n) && (n >= 2 ** 64 || n <= -(2 ** 63))) return n.toExponential();
  return JSON.stringify(n);
}

/** Sorts in place unless already sorted (the check is cheaper than a sort). */
function sortKeys(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return keys.sort();
  return keys;
}

/**
 * The canonical JSON text of a parsed value in one pass: object keys sorted at every level, lone
 * surrogates and NUL replaced by U+FFFD (in keys too), numbers as `numberJson` writes them. Unlike
 * `JSON.stringify(sanitize(value))`, integer-like keys ("0", "12") sort as text with the others
 * instead of coming first. `depth` is the level `value` sits at; beyond `maxDepth` it throws
 * `TooDeep`, so recursion is bounded by `maxDepth`.
 */
export function canonicalJson(value: unknown, maxDepth: number, depth = 1): string {
  switch (typeof value) {
    case "string":
      return jsonString(value);
    case "number":
      return numberJson(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      return "null";
  }
  if (value === null) return "null";
  if (depth > maxDepth) throw new TooDeep(maxDepth);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += canonicalJson(value[i], maxDepth, depth + 1);
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = sortKeys(Object.keys(obj));
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    // A key that changes when cleaned may collide with another: the copy decides, as sanitize does.
    if (wellFormed(k) !== k) return canonicalJson(cleanKeys(obj), maxDepth, depth);
    if (i > 0) out += ",";
    out += `${jsonString(k)}:${canonicalJson(obj[k], maxDepth, depth + 1)}`;
  }
  return `${out}}`;
}

/** A shallow copy with cleaned keys (later keys in sorted order win). */
function cleanKeys(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(obj).sort()) out[wellFormed(k)] = obj[k];
  return out;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A copy with null-prototype objects (a `__proto__` key stays a plain key), keys cleaned and sorted (so
 * JSON.stringify of it is canonical), lone surrogates and NUL replaced by U+FFFD, and non-finite numbers
 * (1e999) as null. Call only after `deeperThan`.
 */
export function sanitize(value: unknown): unknown {
  if (typeof value === "string") return wellFormed(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sanitize);
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const clean = keys.some((k) => wellFormed(k) !== k) ? cleanKeys(obj) : obj;
  const out: Record<string, unknown> = Object.create(null);
  for (const k of sortKeys(Object.keys(clean))) out[k] = sanitize(clean[k]);
  return out;
}

type Frame =
  | { kind: "array"; items: unknown[]; i: number }
  | { kind: "object"; obj: Record<string, unknown>; keys: string[]; i: number };

/**
 * JSON text of any parsed value, cut at `maxBytes` (UTF-8): iterative, so a 10,000-deep item
 * can still be kept in failed_events. Stops serialising as soon as the cap is passed.
 */
export function boundedJson(value: unknown, maxBytes: number): { text: string; truncated: boolean } {
  const out: string[] = [];
  let length = 0;
  const stack: Frame[] = [];
  const emit = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const open = (v: unknown) => {
    if (Array.isArray(v)) {
      emit("[");
      stack.push({ kind: "array", items: v, i: 0 });
    } else if (v !== null && typeof v === "object") {
      emit("{");
      stack.push({ kind: "object", obj: v as Record<string, unknown>, keys: Object.keys(v), i: 0 });
    } else emit(typeof v === "number" && !Number.isFinite(v) ? "null" : (JSON.stringify(v) ?? "null"));
  };
  open(value);
  while (stack.length > 0 && length <= maxBytes) {
    const f = stack[stack.length - 1] as Frame;
    if (f.kind === "array") {
      if (f.i >= f.items.length) {
        emit("]");
        stack.pop();
        continue;
      }
      if (f.i > 0) emit(",");
      open(f.items[f.i++]);
    } else {
      if (f.i >= f.keys.length) {
        emit("}");
        stack.pop();
        continue;
      }
      const key = f.keys[f.i++] as string;
      emit(`${f.i > 1 ? "," : ""}${JSON.stringify(key)}:`);
      open(f.obj[key]);
    }
  }
  let text = out.join("");
  if (stack.length === 0 && Buffer.byteLength(text) <= maxBytes) return { text, truncated: false };
  // JSON.stringify escapes lone surrogates, so cutting by bytes only risks a split character.
  text = Buffer.from(text)
    .subarray(0, maxBytes)
    .toString()
    .replace(/\uFFFD$/, "");
  return { text, truncated: true };
}

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
/** NUL too: PostgreSQL refuses it in text and jsonb (identity work travels through the outbox). */
function wellFormed(s: string): string {
  const out = s.includes("\0") ? s.replaceAll("\0", "\uFFFD") : s;
  return SURROGATE.test(out) ? out.replace(LONE_SURROGATE, "\uFFFD") : out;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A copy with null-prototype objects (a `__proto__` key stays a plain key), keys sorted (so
 * JSON.stringify of it is canonical), lone surrogates and NUL replaced by U+FFFD, and non-finite numbers
 * (1e999) as null. Call only after `deeperThan`.
 */
export function sanitize(value: unknown): unknown {
  if (typeof value === "string") return wellFormed(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sanitize);
  const out: Record<string, unknown> = Object.create(null);
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj).sort()) out[wellFormed(k)] = sanitize(obj[k]);
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

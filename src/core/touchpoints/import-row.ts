import type { FieldError } from "../errors.js";
import {
  eventMatcherErrors,
  normalizeMatchers,
  type TEventMatcher,
  ZEventMatcher,
} from "../expressions/validate.js";
import { deriveKey } from "../keys.js";
import { CHANNEL_ALIASES, type Column, KIND_ALIASES, NO, YES } from "./file-columns.js";
import type { RawRow } from "./read-touchpoint-file.js";
import { cleanTags } from "./touchpoint-fields.js";
import { ZChannel, ZDepartment, ZKey, ZKind, ZRatingValue, ZTag } from "./touchpoints.schema.js";

type Kind = "direct" | "indirect" | "hidden";
export type OwnerCols = { owner_user_id: string | null; owner_team: string | null };

/** One validated import row: the key it upserts by and the fields the file sets (absent = keep). */
export interface DesiredTouchpoint {
  row: number;
  key: string;
  name: string;
  description?: string;
  channel?: string;
  kind?: Kind;
  department?: string | null;
  owner?: OwnerCols;
  tags?: string[];
  signature?: boolean;
  rating?: number | null;
  matchers?: TEventMatcher[];
}

export interface Members {
  byEmail: Map<string, string>;
  ids: Set<string>;
}

const text = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;

/**
 * Validates one file row. Errors point at `/rows/<row>/<column>`; every row is checked so one
 * response lists all problems of the file.
 */
export function desiredFromRow(
  raw: RawRow,
  members: Members,
  errors: FieldError[],
): DesiredTouchpoint | undefined {
  const v = raw.values;
  const before = errors.length;
  const err = (column: Column, message: string, code = "invalid") =>
    errors.push({
      pointer: `/rows/${raw.row}/${column}`,
      code,
      message: `row ${raw.row}, ${column}: ${message}`,
    });
  const has = (c: Column) => Object.hasOwn(v, c);
  // Trimmed like the API trims; descriptions keep their whitespace (the API keeps it too).
  const str = (c: Column): string | undefined => {
    if (v[c] === null || v[c] === undefined) return "";
    const s = text(v[c]);
    if (s === undefined) err(c, "expected text");
    return c === "description" ? s : s?.trim();
  };

  const name = str("name") ?? "";
  if (name === "") err("name", "a name is required", "required");
  else if (name.length > 200) err("name", "at most 200 characters");
  const keyText = has("key") ? (str("key") ?? "") : "";
  const key = keyText || deriveKey(name, "touchpoint");
  if (keyText && !ZKey.safeParse(keyText).success) err("key", "lowercase letters, digits, - and _ (1–80)");
  const d: DesiredTouchpoint = { row: raw.row, key, name };

  if (has("description")) {
    const s = str("description");
    if (s !== undefined && s.length > 5000) err("description", "at most 5000 characters");
    d.description = s ?? "";
  }
  if (has("channel")) {
    const s = (str("channel") ?? "").toLowerCase();
    const channel = s === "" ? "other" : (CHANNEL_ALIASES[s] ?? s);
    if (!ZChannel.safeParse(channel).success)
      err("channel", `"${s}" is not a channel (e.g. web, app, phone, store, other)`);
    d.channel = channel;
  }
  if (has("kind")) {
    const s = (str("kind") ?? "").toLowerCase();
    const kind = s === "" ? "direct" : (KIND_ALIASES[s] ?? s);
    const parsed = ZKind.safeParse(kind);
    if (!parsed.success)
      err("kind", `"${s}" is not direct, indirect or hidden (direkt, indirekt, versteckt)`);
    else d.kind = parsed.data;
  }
  if (has("department")) {
    const s = str("department") ?? "";
    if (!ZDepartment.safeParse(s).success) err("department", "at most 80 characters");
    d.department = s || null;
  }
  if (has("owner")) d.owner = ownerOf(v.owner, members, (m) => err("owner", m));
  if (has("tags")) {
    const list = Array.isArray(v.tags) ? v.tags : (str("tags") ?? "").split(",");
    const tags = cleanTags(list.map((t) => (typeof t === "string" ? t : String(t))));
    const bad = tags.find((t) => !ZTag.safeParse(t).success);
    if (bad !== undefined) err("tags", `"${bad}" is not a tag (at most 60 characters)`);
    else if (tags.length > 50) err("tags", "at most 50 tags");
    d.tags = tags;
  }
  if (has("signature")) {
    const s = typeof v.signature === "boolean" ? String(v.signature) : (str("signature") ?? "").toLowerCase();
    if (YES.has(s)) d.signature = true;
    else if (NO.has(s)) d.signature = false;
    else err("signature", `"${s}" is not yes/no, true/false, ja/nein or 1/0`);
  }
  if (has("internal_rating")) d.rating = ratingOf(v.internal_rating, (m) => err("internal_rating", m));
  if (has("event_matchers")) d.matchers = matchersOf(v.event_matchers, raw.row, errors);
  return errors.length === before ? d : undefined;
}

function ownerOf(value: unknown, members: Members, err: (m: string) => void): OwnerCols | undefined {
  const none = { owner_user_id: null, owner_team: null };
  if (value === null || value === undefined || value === "") return none;
  if (typeof value === "object") {
    // The JSON export's shape: { type: "user", userId, name } or { type: "team", name }.
    const o = value as { type?: unknown; userId?: unknown; name?: unknown; email?: unknown };
    if (o.type === "team" && typeof o.name === "string") return ownerOf(o.name, members, err);
    if (o.type === "user" && typeof o.userId === "string" && members.ids.has(o.userId))
      return { owner_user_id: o.userId, owner_team: null };
    if (o.type === "user" && typeof o.email === "string") return ownerOf(o.email, members, err);
    err("expected an owner's e-mail, a team name, or { type, userId | name }; a user must be a member");
    return undefined;
  }
  const s = String(value).trim();
  if (s === "") return none;
  if (s.includes("@")) {
    const userId = members.byEmail.get(s.toLowerCase());
    if (!userId) err(`no member of this workspace has the e-mail ${s}`);
    return userId ? { owner_user_id: userId, owner_team: null } : undefined;
  }
  if (s.length > 120) err("a team name has at most 120 characters");
  return { owner_user_id: null, owner_team: s };
}

function ratingOf(value: unknown, err: (m: string) => void): number | null | undefined {
  const raw = value !== null && typeof value === "object" ? (value as { value?: unknown }).value : value;
  if (raw === null || raw === undefined || raw === "") return null;
  // German spreadsheets write decimals with a comma: 4,5.
  const n = typeof raw === "number" ? raw : Number(String(raw).trim().replace(",", "."));
  if (!ZRatingValue.safeParse(n).success) {
    err(`"${String(raw)}" is not a rating from 1 to 5 with at most one decimal`);
    return undefined;
  }
  return Math.round(n * 10) / 10;
}

function matchersOf(value: unknown, row: number, errors: FieldError[]): TEventMatcher[] | undefined {
  const pointer = `/rows/${row}/event_matchers`;
  const fail = (message: string) => {
    errors.push({ pointer, code: "invalid", message: `row ${row}, event_matchers: ${message}` });
    return undefined;
  };
  let list = value;
  if (value === null || value === undefined || value === "") return [];
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch {
      return fail('expected a JSON array like [{"event":"Order Completed"}]');
    }
  }
  if (!Array.isArray(list)) return fail('expected a JSON array like [{"event":"Order Completed"}]');
  if (list.length > 50) return fail("at most 50 event matchers");
  const parsed: TEventMatcher[] = [];
  for (const [i, m] of list.entries()) {
    const r = ZEventMatcher.safeParse(m);
    if (!r.success)
      return fail(
        `matcher ${i}: ${r.error.issues.map((x) => `${x.path.join(".") || "value"} ${x.message}`).join("; ")}`,
      );
    parsed.push(r.data);
  }
  const bad = eventMatcherErrors(parsed, pointer);
  // Each condition's column is in the message; the pointer stays on the cell, as for other columns.
  for (const e of bad)
    errors.push({
      pointer,
      code: e.code,
      message: `row ${row}, event_matchers ${e.pointer.slice(pointer.length + 1)}: ${e.message}`,
    });
  return bad.length > 0 ? undefined : normalizeMatchers(parsed);
}

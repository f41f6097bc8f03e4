import type { Selectable } from "kysely";
import type { Db } from "../db/connect.js";
import type { PersonasTable } from "../db/schema.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import type { TPersona } from "./personas.schema.js";

export type PersonaRow = Selectable<PersonasTable>;

/** "Sparfuchs Sabine" → "SS", "Max" → "M": first letters of the first and last word. */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s-]+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  const letter = (w: string | undefined) => (w ? ([...w].find((ch) => /\p{L}|\p{N}/u.test(ch)) ?? "") : "");
  const first = letter(words[0]);
  const last = words.length > 1 ? letter(words[words.length - 1]) : "";
  return `${first}${last}`.toLocaleUpperCase("de");
}

/** Colours with enough contrast for white initials (WCAG AA for large text). */
const PALETTE = [
  "#4f46e5",
  "#0f766e",
  "#b45309",
  "#be123c",
  "#7c3aed",
  "#0369a1",
  "#15803d",
  "#c2410c",
  "#a21caf",
  "#1d4ed8",
  "#4d7c0f",
  "#9f1239",
];

/** A colour derived from the name (FNV-1a), so a persona looks the same everywhere without a choice. */
export function defaultAvatarColor(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name.trim().toLowerCase()) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return PALETTE[h % PALETTE.length] as string;
}

export function toPersona(r: PersonaRow): TPersona {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    quote: r.quote,
    description: r.description,
    avatarColor: r.avatar_color,
    initials: initialsOf(r.name),
    goals: r.goals,
    needs: r.needs,
    frustrations: r.frustrations,
    channels: r.channels,
    segmentRule: r.segment_rule,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function findPersonaRow(db: Db, workspaceId: string, id: string): Promise<PersonaRow> {
  if (!isUuid(id)) throw notFound("Persona");
  const row = await db
    .selectFrom("personas")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Persona");
  return row;
}

/** The columns of touchpoint files, in export order; imports accept English or German headers. */
export const COLUMNS = [
  "key",
  "name",
  "description",
  "channel",
  "kind",
  "department",
  "owner",
  "tags",
  "signature",
  "internal_rating",
  "event_matchers",
] as const;
export type Column = (typeof COLUMNS)[number];

const HEADER_ALIASES: Record<Column, string[]> = {
  key: ["key", "schlüssel", "schluessel", "kürzel", "kuerzel"],
  name: ["name", "bezeichnung", "titel"],
  description: ["description", "beschreibung"],
  channel: ["channel", "kanal"],
  kind: ["kind", "art", "typ"],
  department: ["department", "abteilung", "bereich"],
  owner: ["owner", "verantwortlich", "verantwortliche", "verantwortlicher", "eigentümer", "zuständig"],
  tags: ["tags", "schlagwörter", "schlagworte", "stichwörter"],
  signature: ["signature", "signature interaction", "wow moment"],
  internal_rating: ["internal rating", "interne bewertung", "selbstbewertung", "bewertung intern"],
  event_matchers: ["event matchers", "ereignis matcher", "ereignismatcher", "ereignis matchers"],
};

/** JSON property names (the API's camelCase) for each column. */
export const JSON_NAMES: Record<string, Column> = {
  ...Object.fromEntries(COLUMNS.map((c) => [c, c])),
  internalRating: "internal_rating",
  eventMatchers: "event_matchers",
};
/** Read-only fields of an exported touchpoint; a re-import ignores them. */
export const JSON_READ_ONLY = new Set(["id", "usedBy", "createdAt", "updatedAt"]);

const normalise = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_\-/()]+/g, " ")
    .trim();
const BY_HEADER = new Map<string, Column>(
  COLUMNS.flatMap((c) => HEADER_ALIASES[c].map((alias) => [normalise(alias), c] as const)),
);

export const columnOf = (header: string): Column | undefined => BY_HEADER.get(normalise(header));

/** Channel and kind values as German files write them. */
export const CHANNEL_ALIASES: Record<string, string> = {
  "e-mail": "email",
  "e mail": "email",
  telefon: "phone",
  filiale: "store",
  laden: "store",
  geschäft: "store",
  außendienst: "field_service",
  "field service": "field_service",
  brief: "letter",
  post: "letter",
  "soziale medien": "social",
  rechnung: "billing",
  abrechnung: "billing",
  lieferung: "delivery",
  zustellung: "delivery",
  sonstige: "other",
  sonstiges: "other",
};
export const KIND_ALIASES: Record<string, string> = {
  direkt: "direct",
  indirekt: "indirect",
  versteckt: "hidden",
  verborgen: "hidden",
};
export const YES = new Set(["yes", "true", "ja", "1", "x", "wahr"]);
export const NO = new Set(["no", "false", "nein", "0", "", "falsch"]);

export { escapeCell, unescapeCell } from "../files/csv-export.js";

import type { FeedbackImportMapping, RatingMetric } from "../../api/listen";

export const MAPPED_FIELDS = [
  "text",
  "title",
  "receivedAt",
  "externalId",
  "customerId",
  "email",
  "language",
  "touchpointKey",
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Column names (German and English) that usually hold a field, compared without case and punctuation. */
const HINTS: Record<MappedField, string[]> = {
  text: [
    "text",
    "kommentar",
    "comment",
    "feedback",
    "message",
    "nachricht",
    "body",
    "review",
    "bewertungstext",
  ],
  title: ["title", "titel", "betreff", "subject", "headline", "überschrift"],
  receivedAt: [
    "date",
    "datum",
    "receivedat",
    "received",
    "created",
    "createdat",
    "timestamp",
    "zeitpunkt",
    "eingang",
  ],
  externalId: ["id", "externalid", "ticketid", "ticket", "reviewid", "vorgang", "vorgangsnummer"],
  customerId: ["customerid", "customer", "kunde", "kundennummer", "kundenid", "userid", "user"],
  email: ["email", "mail", "emailadresse"],
  language: ["language", "sprache", "lang", "locale"],
  touchpointKey: ["touchpoint", "touchpointkey", "kontaktpunkt"],
};

const RATING_HINTS: [RatingMetric, string[]][] = [
  ["nps", ["nps", "recommend", "weiterempfehlung", "empfehlung"]],
  ["csat", ["csat", "satisfaction", "zufriedenheit", "stars", "sterne", "rating", "bewertung", "score"]],
  ["ces", ["ces", "effort", "aufwand"]],
];

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9äöüß]/g, "");

/** A first mapping from the column names; the user checks and corrects it before importing. */
export function guessMapping(columns: string[]): FeedbackImportMapping {
  const mapping: FeedbackImportMapping = {};
  const used = new Set<string>();
  for (const field of MAPPED_FIELDS) {
    const column = columns.find((c) => !used.has(c) && HINTS[field].includes(norm(c)));
    if (column) {
      mapping[field] = column;
      used.add(column);
    }
  }
  const ratings: NonNullable<FeedbackImportMapping["ratings"]> = [];
  for (const column of columns) {
    if (used.has(column)) continue;
    const hit = RATING_HINTS.find(([, names]) => names.includes(norm(column)));
    if (hit) {
      ratings.push({ column, metric: hit[0], ...(hit[0] === "csat" ? { scale: { min: 1, max: 5 } } : {}) });
      used.add(column);
    }
  }
  if (ratings.length > 0) mapping.ratings = ratings;
  return mapping;
}

/** Mapped columns that are not in the file (after a different file was picked). */
export function missingColumns(mapping: FeedbackImportMapping, columns: string[]): string[] {
  const mapped = [
    ...MAPPED_FIELDS.map((f) => mapping[f]),
    ...(mapping.ratings ?? []).map((r) => r.column),
  ].filter((c): c is string => Boolean(c));
  return mapped.filter((c) => !columns.includes(c));
}

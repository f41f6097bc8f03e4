import { z } from "zod";
import { AppError, type FieldError } from "../../errors.js";
import { issuesToErrors } from "../../journeys/document.js";
import { scaleOf, ZFeedbackChannel, ZRatingMetric } from "../feedback.schema.js";

const ZColumn = z.string().min(1, "a column name").max(200);

/** Which file column feeds which field of a feedback record (docs/api/listen.md §3). */
export const ZImportMapping = z
  .strictObject({
    text: ZColumn.optional(),
    title: ZColumn.optional(),
    receivedAt: ZColumn.optional(),
    /** Without it, a hash of the mapped cells plus the occurrence number keys each row. */
    externalId: ZColumn.optional(),
    customerId: ZColumn.optional(),
    email: ZColumn.optional(),
    language: ZColumn.optional(),
    ratings: z
      .array(
        z
          .strictObject({
            column: ZColumn,
            metric: ZRatingMetric,
            scale: z.strictObject({ min: z.number().int(), max: z.number().int() }).optional(),
          })
          .superRefine((r, ctx) => {
            const scale = scaleOf(r.metric, r.scale);
            if (typeof scale === "string") ctx.addIssue({ code: "custom", path: ["scale"], message: scale });
          }),
      )
      .max(20)
      .optional(),
    /** Columns kept as `metadata.<column>`. */
    metadata: z.array(ZColumn).max(50).optional(),
    /** A per-row channel; rows with an empty cell take the `channel` query parameter. */
    channel: ZColumn.optional(),
    touchpointKey: ZColumn.optional(),
  })
  .refine((m) => m.text || m.title || (m.ratings?.length ?? 0) > 0, {
    path: ["text"],
    message: "map at least a text, a title or a rating column",
  });
export type TImportMapping = z.infer<typeof ZImportMapping>;

export const ZFeedbackImportQuery = z.object({
  /** The channel of every row (or of rows whose mapped channel cell is empty). */
  channel: ZFeedbackChannel.optional(),
  /** The mapping as JSON (URL-encoded). */
  mapping: z.string().min(2).max(10_000),
  /** Taken from the Content-Type when omitted. */
  format: z.enum(["csv", "xlsx", "json"]).optional(),
});

const fail = (errors: FieldError[]) =>
  new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), { errors });

/** The mapping from its JSON text; any error names the mapping field (`/query/mapping/ratings/0/metric`). */
export function parseMapping(json: string, pointer = "/query/mapping"): TImportMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw fail([{ pointer, code: "invalid_json", message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const parsed = ZImportMapping.safeParse(raw);
  if (!parsed.success) throw fail(issuesToErrors(pointer, parsed.error.issues));
  return parsed.data;
}

/** Every mapped column and the mapping field that names it. */
export function mappedColumns(m: TImportMapping): { field: string; column: string }[] {
  const single = (
    [
      "text",
      "title",
      "receivedAt",
      "externalId",
      "customerId",
      "email",
      "language",
      "channel",
      "touchpointKey",
    ] as const
  )
    .filter((f) => m[f] !== undefined)
    .map((f) => ({ field: f, column: m[f] as string }));
  return [
    ...single,
    ...(m.ratings ?? []).map((r, i) => ({ field: `ratings/${i}/column`, column: r.column })),
    ...(m.metadata ?? []).map((c, i) => ({ field: `metadata/${i}`, column: c })),
  ];
}

/** Each mapped column must be one of the file's: otherwise a 400 naming the mapping field. */
export function checkMappingColumns(
  m: TImportMapping,
  columns: readonly string[],
  pointer = "/query/mapping",
): void {
  const have = new Set(columns);
  const list = columns
    .slice(0, 30)
    .map((c) => `"${c}"`)
    .join(", ");
  const errors = mappedColumns(m)
    .filter(({ column }) => !have.has(column))
    .map(({ field, column }) => ({
      pointer: `${pointer}/${field}`,
      code: "unknown_column",
      message: `the file has no column "${column}"; it has ${list}${columns.length > 30 ? ", …" : ""}`,
    }));
  if (errors.length > 0) throw fail(errors);
}

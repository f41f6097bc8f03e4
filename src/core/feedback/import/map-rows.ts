import { createHash } from "node:crypto";
import type { FieldError } from "../../errors.js";
import {
  FEEDBACK_CHANNELS,
  type TFeedbackChannel,
  type TFeedbackInput,
  ZFeedbackInput,
} from "../feedback.schema.js";
import { mappedColumns, type TImportMapping } from "./import-mapping.js";
import { DATE_FORMATS_HELP, parseDateCell } from "./parse-date.js";
import type { FeedbackTable } from "./read-feedback-file.js";

export interface MappedRow {
  row: number;
  input: TFeedbackInput;
}

export interface MapOptions {
  /** Channel of rows without a mapped channel cell. */
  channel?: TFeedbackChannel | undefined;
  /** Touchpoint key → id, for a mapped touchpointKey column. */
  touchpoints?: ReadonlyMap<string, string>;
}

const CHANNELS = new Set<string>(FEEDBACK_CHANNELS);
const WHOLE = /^[+-]?\d+(?:[.,]0+)?$/;

/**
 * Turns file rows into feedback inputs with the mapping. Row errors point at `/rows/<n>/<column>`
 * and say what was expected. Rows without an external id column get one made of a hash of their
 * mapped cells and the occurrence number of that content in the file, so re-importing the same
 * file, through the API or the CLI, yields the same ids and adds nothing.
 */
export function mapFeedbackRows(
  table: FeedbackTable,
  mapping: TImportMapping,
  options: MapOptions = {},
): { items: MappedRow[]; errors: FieldError[] } {
  const items: MappedRow[] = [];
  const errors: FieldError[] = [];
  const occurrences = new Map<string, number>();
  const hashed = mappedColumns(mapping).map((m) => m.column);

  for (const { row, cells } of table.rows) {
    const rowErrors: FieldError[] = [];
    const fail = (column: string, code: string, message: string) =>
      rowErrors.push({
        pointer: `/rows/${row}/${column}`,
        code,
        message: `row ${row}, ${column}: ${message}`,
      });
    const cell = (column: string | undefined) => (column === undefined ? "" : (cells[column] ?? "").trim());

    let channel: string | undefined = options.channel;
    if (mapping.channel && cell(mapping.channel)) {
      channel = cell(mapping.channel).toLowerCase();
      if (!CHANNELS.has(channel))
        fail(
          mapping.channel,
          "invalid_channel",
          `"${channel}" is not one of ${FEEDBACK_CHANNELS.join(", ")}`,
        );
    } else if (!channel)
      fail(
        mapping.channel ?? "channel",
        "required",
        "no channel: fill the cell or give the channel parameter",
      );

    let externalId = cell(mapping.externalId);
    if (mapping.externalId && !externalId)
      fail(mapping.externalId, "required", "empty; every row needs an external id");
    if (!mapping.externalId) {
      const digest = createHash("sha256")
        .update(JSON.stringify(hashed.map((c) => cells[c] ?? "")))
        .digest("hex")
        .slice(0, 40);
      const nth = (occurrences.get(digest) ?? 0) + 1;
      occurrences.set(digest, nth);
      externalId = `row:${digest}:${nth}`;
    }

    let receivedAt: string | undefined;
    if (mapping.receivedAt && cell(mapping.receivedAt)) {
      const date = parseDateCell(cell(mapping.receivedAt));
      if (date) receivedAt = date.toISOString();
      else
        fail(
          mapping.receivedAt,
          "invalid_date",
          `"${cell(mapping.receivedAt)}" is not a date; use ${DATE_FORMATS_HELP}`,
        );
    }

    const ratingColumns: string[] = [];
    const ratings: NonNullable<TFeedbackInput["ratings"]> = [];
    for (const r of mapping.ratings ?? []) {
      const v = cell(r.column);
      if (!v) continue;
      if (!WHOLE.test(v)) {
        fail(r.column, "invalid_rating", `"${v}" is not a whole number`);
        continue;
      }
      ratingColumns.push(r.column);
      ratings.push({ metric: r.metric, value: Number.parseInt(v, 10), ...(r.scale && { scale: r.scale }) });
    }

    let touchpointId: string | undefined;
    if (mapping.touchpointKey && cell(mapping.touchpointKey)) {
      touchpointId = options.touchpoints?.get(cell(mapping.touchpointKey));
      if (!touchpointId)
        fail(
          mapping.touchpointKey,
          "unknown_reference",
          `no touchpoint with the key "${cell(mapping.touchpointKey)}"`,
        );
    }

    const metadata = Object.fromEntries(
      (mapping.metadata ?? []).filter((c) => cell(c)).map((c) => [c, cell(c)]),
    );
    const customer = {
      ...(cell(mapping.customerId) && { userId: cell(mapping.customerId) }),
      ...(cell(mapping.email) && { email: cell(mapping.email) }),
    };
    const candidate = {
      externalId,
      channel,
      ...(receivedAt && { receivedAt }),
      ...(Object.keys(customer).length > 0 && { customer }),
      ...(touchpointId && { touchpointId }),
      ...(ratings.length > 0 && { ratings }),
      ...(cell(mapping.title) && { title: cell(mapping.title) }),
      ...(mapping.text && (cells[mapping.text] ?? "").trim() && { text: cells[mapping.text] }),
      ...(cell(mapping.language) && { language: cell(mapping.language) }),
      ...(Object.keys(metadata).length > 0 && { metadata }),
    };
    const parsed = ZFeedbackInput.safeParse(candidate);
    if (parsed.success && rowErrors.length === 0) {
      items.push({ row, input: parsed.data });
      continue;
    }
    const reported = new Set(rowErrors.map((e) => e.pointer));
    for (const issue of parsed.error?.issues ?? []) {
      const [field, index] = issue.path;
      const column =
        field === "ratings"
          ? ratingColumns[Number(index)]
          : field === "customer"
            ? issue.path[1] === "email"
              ? mapping.email
              : mapping.customerId
            : field === "metadata"
              ? mapping.metadata?.[0]
              : typeof field === "string"
                ? (mapping as Record<string, unknown>)[field]
                : undefined;
      const name = typeof column === "string" ? column : String(field ?? "");
      // A cell already reported (a bad date, an unknown channel) is not reported twice.
      if (!reported.has(`/rows/${row}/${name}`)) fail(name, issue.code, issue.message);
    }
    errors.push(...rowErrors);
  }
  return { items, errors };
}

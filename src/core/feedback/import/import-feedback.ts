import type { WorkspaceContext } from "../../context.js";
import { AppError } from "../../errors.js";
import type { TFeedbackChannel } from "../feedback.schema.js";
import { ingestFeedback } from "../ingest-feedback.js";
import { checkMappingColumns, parseMapping } from "./import-mapping.js";
import { mapFeedbackRows } from "./map-rows.js";
import { type FeedbackFileFormat, readFeedbackFile } from "./read-feedback-file.js";

const MAX_REPORTED_ERRORS = 200;

export interface ImportFeedbackInput {
  format: FeedbackFileFormat;
  data: Uint8Array;
  /** The mapping's JSON text, as the query carries it. */
  mapping: string;
  channel?: TFeedbackChannel | undefined;
}

/** Touchpoint key → id of the workspace, for files that name touchpoints by key. */
export async function touchpointKeys(ctx: WorkspaceContext): Promise<Map<string, string>> {
  const rows = await ctx.db
    .selectFrom("touchpoints")
    .select(["key", "id"])
    .where("workspace_id", "=", ctx.access.workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}

/**
 * Imports a feedback file with a column mapping, all or nothing: every row is checked first and any
 * error is a 400 listing `/rows/<n>/<column>` with nothing stored. Rows already imported (same
 * source key) count as duplicates, so importing a file twice adds nothing the second time.
 */
export async function importFeedback(
  ctx: WorkspaceContext,
  input: ImportFeedbackInput,
): Promise<{ accepted: number; duplicates: number; rows: number }> {
  const mapping = parseMapping(input.mapping);
  const table = await readFeedbackFile(input.format, input.data);
  checkMappingColumns(mapping, table.columns);
  const touchpoints = mapping.touchpointKey ? await touchpointKeys(ctx) : new Map<string, string>();
  const { items, errors } = mapFeedbackRows(table, mapping, { channel: input.channel, touchpoints });
  if (errors.length > 0)
    throw new AppError("validation_failed", `${errors.length} error(s) in the file; nothing was imported`, {
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
    });
  const result = await ingestFeedback(
    ctx,
    items.map((i) => ({ input: i.input, pointer: `/rows/${i.row}` })),
    {
      audit: {
        action: "feedback.import",
        details: { format: input.format, rows: items.length, channel: input.channel ?? null },
      },
    },
  );
  return { accepted: result.accepted, duplicates: result.duplicates, rows: items.length };
}

import { type FeedbackFileFormat, readFeedbackFile } from "./read-feedback-file.js";

const SAMPLE_ROWS = 10;

export interface FeedbackFilePreview {
  columns: string[];
  /** The first rows, cells by column name. */
  sampleRows: Record<string, string>[];
  rowCount: number;
}

/** What a file holds, so a mapping can be chosen: its columns, the first rows, how many rows. */
export async function previewFeedbackFile(
  format: FeedbackFileFormat,
  data: Uint8Array,
): Promise<FeedbackFilePreview> {
  const table = await readFeedbackFile(format, data);
  return {
    columns: table.columns,
    sampleRows: table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
    rowCount: table.rows.length,
  };
}

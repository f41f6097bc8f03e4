/** Where progress goes: a terminal gets a redrawn bar, anything else plain lines. */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

export interface ProgressOptions {
  total: number;
  /** Before the counts, e.g. "rows sent". */
  label: string;
  /** Standard error by default, so standard output keeps only the result. */
  stream?: ProgressStream;
  /** Plain-line mode: at most one line per interval (the last state is always printed on finish). */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  /** `done` of `total`, and extra text such as "accepted 10, duplicates 2". */
  update(done: number, detail?: string): void;
  /** Draws the final state and ends the line. */
  finish(): void;
}

const BAR_WIDTH = 24;
const TTY_REDRAW_MS = 80;

/**
 * A dependency-free progress indicator. On a terminal it redraws one line (`\r`) with a bar, at
 * most every 80 ms; when output is a file or pipe (CI logs) it writes a plain line at most every
 * `intervalMs`, so logs stay short and readable.
 */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  const now = options.now ?? Date.now;
  const interval = tty ? TTY_REDRAW_MS : (options.intervalMs ?? 2000);
  const total = Math.max(0, options.total);
  let done = 0;
  let detail = "";
  let lastDrawn = Number.NEGATIVE_INFINITY;
  let lastText = "";
  let lastWidth = 0;
  let finished = false;

  const text = () => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
    const counts = `${options.label} ${done}/${total}${detail ? `, ${detail}` : ""}`;
    if (!tty) return `${percent} ${counts}`;
    const filled = Math.round(ratio * BAR_WIDTH);
    return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${percent} ${counts}`;
  };

  const draw = () => {
    const line = text();
    if (line === lastText) return;
    lastText = line;
    lastDrawn = now();
    if (!tty) {
      stream.write(`${line}\n`);
      return;
    }
    // Pad over what a longer previous line left behind, within the terminal's width.
    const width = stream.columns ?? 80;
    stream.write(`\r${line.slice(0, width - 1).padEnd(Math.min(width - 1, lastWidth))}`);
    lastWidth = Math.max(lastWidth, Math.min(width - 1, line.length));
  };

  return {
    update(value, extra) {
      if (finished) return;
      done = value;
      detail = extra ?? detail;
      if (now() - lastDrawn >= interval) draw();
    },
    finish() {
      if (finished) return;
      finished = true;
      draw();
      if (tty) stream.write("\n");
    },
  };
}

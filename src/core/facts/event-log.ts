import { readdirSync, readFileSync, truncateSync, unlinkSync } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * The ingestion log in front of the embedded `events` table (ADR 0008). The event writer appends
 * each flush's rows (JSONCompactEachRow lines) to the open segment file and acknowledges once the
 * write returned: the rows then survive a killed process as the facts store's own parts do (page
 * cache, no fsync). chDB loads sealed segments itself, `INSERT … SELECT FROM file()`, in inserts of
 * tens of thousands of rows instead of one small part per flush, which is what makes ingestion
 * cheap: no JavaScript holds or copies the rows after the append.
 *
 * Read your writes: every statement that names `events` waits until all appended rows are loaded
 * (`barrier`). Dedup of ids not yet loaded: `lookUp` asks the table and the unloaded segments.
 * Recovery (`open`): segments left by a dead process are cut at their last complete line and loaded
 * without the rows the table already holds, so a crash between a load and the segment's removal
 * stores nothing twice.
 *
 * Work that must follow stored rows (the identity work of the event writer) rides on the log too:
 * each append may carry a note, and once a segment is loaded the segment handler gets the notes of
 * its appends before the file is removed, so a failed handler is retried and a segment a dead process
 * left is handed over without notes, to be read from its file.
 */
export interface EventLogOptions {
  /** Seal and load the open segment once it holds this many rows. */
  maxRows?: number;
  /** …or once its first row is this old. */
  maxAgeMs?: number;
  /** Appends fail (the writer answers 503) while this many appended rows wait for loading. */
  maxBacklogRows?: number;
}

export interface EventLogSql {
  command(sql: string, settings?: Record<string, unknown>): Promise<void>;
  query<T>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
}

/** A segment whose rows are in the table, as its handler gets it. */
export interface LoadedSegment {
  /** The segment's lines as a table function (`file(…)`, the table's column types) for queries. */
  source: string;
  /** The notes its appends carried, in order; undefined for a segment a dead process left. */
  notes: unknown[] | undefined;
  /** Queries the facts store without waiting for the log (the handler runs inside its loading). */
  query: EventLogSql["query"];
}

/** Runs once a segment is loaded and before it is removed; a failure is retried like a failed load. */
export type SegmentHandler = (segment: LoadedSegment) => Promise<void>;

interface Sealed {
  seq: number;
  rows: number;
  notes: unknown[];
  /** In the table already: a retry after a failed handler only runs the handler again. */
  loaded: boolean;
}

const SEGMENT = /^seg-(\d{12})\.jsonl$/;
const name = (seq: number) => `seg-${String(seq).padStart(12, "0")}.jsonl`;
const quote = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

/**
 * Cuts a segment after its last complete line (a write cut short by a kill, or a failed append that
 * could not be undone, leaves a partial one, never acknowledged). False when no line is left.
 */
function cutTorn(path: string): boolean {
  const bytes = readFileSync(path);
  const end = bytes.lastIndexOf(10) + 1;
  if (end < bytes.length) truncateSync(path, end);
  return end > 0;
}

export class EventLog {
  private seq = 0;
  private fd: Awaited<ReturnType<typeof open>> | undefined;
  private openRows = 0;
  private openBytes = 0;
  private openNotes: unknown[] = [];
  private sealed: Sealed[] = [];
  private handler: SegmentHandler | undefined;
  private backlog = 0;
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<void> | undefined;
  private wantSeal = false;
  private closed = false;
  private exactLoads = false;
  private hadLeftovers: boolean | undefined;
  /** Serialises appends, sealing, removals and lookups (a lookup must not read a segment being removed). */
  private lock: Promise<unknown> = Promise.resolve();
  private opened: Promise<void> | undefined;
  private loadError: unknown;
  private structure = "";
  private readonly maxRows: number;
  private readonly maxAgeMs: number;
  private readonly maxBacklogRows: number;

  constructor(
    readonly dir: string,
    private readonly sql: EventLogSql,
    /** `db.events`, and the columns every line holds, in order. */
    private readonly table: string,
    private readonly columns: readonly string[],
    /** Settings the lines are read with (those of the writer's direct insert). */
    private readonly settings: Record<string, unknown>,
    options: EventLogOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 100_000;
    this.maxAgeMs = options.maxAgeMs ?? 1_000;
    this.maxBacklogRows = options.maxBacklogRows ?? 2_000_000;
  }

  /**
   * Sets the segment handler. Set it before anything opens the log: recovery hands the segments a
   * dead process left to it.
   */
  onLoaded(handler: SegmentHandler): void {
    this.handler = handler;
  }

  /** Hands a loaded segment to the handler. */
  private async handle(seq: number, notes: unknown[] | undefined): Promise<void> {
    if (!this.handler) {
      if (notes === undefined || notes.length > 0)
        console.warn(
          `events log: segment ${seq} loaded without a segment handler; its notes are not handled`,
        );
      return;
    }
    await this.handler({
      source: this.from(join(this.dir, name(seq))),
      notes,
      query: (sql, params) => this.sql.query(sql, params),
    });
  }

  /** Rows appended and not yet loaded. */
  get pendingRows(): number {
    return this.backlog;
  }

  private locked<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => {});
    return run;
  }

  /** Loads what a dead process left, once, before anything else touches the log or the table. */
  open(): Promise<void> {
    this.opened ??= this.locked(() => this.recover()).catch((e: unknown) => {
      this.opened = undefined;
      throw e;
    });
    return this.opened;
  }

  private async recover(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const [db, table] = this.table.split(".") as [string, string];
    const cols = await this.sql.query<{ name: string; type: string }>(
      `SELECT name, type FROM system.columns WHERE database = {db:String} AND table = {table:String}`,
      { db, table },
    );
    if (cols.length === 0)
      throw new Error(`events log: ${this.table} does not exist (migrate the facts store first)`);
    const types = new Map(cols.map((c) => [c.name, c.type]));
    this.structure = this.columns.map((c) => `${c} ${types.get(c) ?? "String"}`).join(", ");
    const left = readdirSync(this.dir)
      .map((f) => SEGMENT.exec(f)?.[1])
      .filter((s): s is string => s !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    for (const seq of left) {
      if (cutTorn(join(this.dir, name(seq)))) {
        await this.load(seq, true);
        await this.handle(seq, undefined);
      }
      unlinkSync(join(this.dir, name(seq)));
    }
    this.seq = (left[left.length - 1] ?? 0) + 1;
  }

  /**
   * Whether a dead process left segments, read once: one process owns the data directory, so after
   * that only this log's own appends (which open it first) create segments.
   */
  private leftovers(): boolean {
    if (this.hadLeftovers === undefined) {
      try {
        this.hadLeftovers = readdirSync(this.dir).some((f) => SEGMENT.test(f));
      } catch {
        this.hadLeftovers = false;
      }
    }
    return this.hadLeftovers;
  }

  private from(file: string): string {
    return `file(${quote(file)}, 'JSONCompactEachRow', ${quote(this.structure)})`;
  }

  /** Loads one segment into the table; `exact` leaves out ids the table holds already. */
  private async load(seq: number, exact: boolean): Promise<void> {
    const src = this.from(join(this.dir, name(seq)));
    const cols = this.columns.join(", ");
    await this.sql.command(
      `INSERT INTO ${this.table} (${cols}) SELECT ${cols} FROM ${src}` +
        (exact
          ? ` WHERE (workspace_id, message_id) NOT IN (SELECT workspace_id, message_id FROM ${this.table}
               WHERE message_id IN (SELECT message_id FROM ${src}))`
          : ""),
      this.settings,
    );
  }

  /**
   * Appends complete lines (each ending in "\n") holding `rows` rows; resolves once they are
   * written. Rejects while the backlog is full or the last load failed (nothing is then appended).
   * `note` goes to the segment handler with the segment, also when the write fails once the file is
   * open (the lines may be in it).
   */
  async append(lines: string | readonly Uint8Array[], rows: number, note?: unknown): Promise<void> {
    const chunks = typeof lines === "string" ? [Buffer.from(lines)] : lines;
    const bytes = chunks.reduce((n, c) => n + c.byteLength, 0);
    await this.open();
    if (this.loadError !== undefined && this.backlog >= this.maxBacklogRows)
      throw new Error(`events log: loading into the facts store fails (${String(this.loadError)})`);
    if (this.backlog + rows > this.maxBacklogRows && this.backlog > 0)
      throw new Error(`events log: ${this.backlog} rows wait for loading into the facts store`);
    await this.locked(async () => {
      this.fd ??= await open(join(this.dir, name(this.seq)), "a");
      if (note !== undefined) this.openNotes.push(note);
      const before = this.openBytes;
      try {
        const { bytesWritten } = await this.fd.writev(chunks as Uint8Array[]);
        if (bytesWritten !== bytes) throw new Error(`events log: ${bytesWritten} of ${bytes} bytes written`);
      } catch (e) {
        // Nothing of a failed append may stay: the next lines would follow a torn one. If it cannot
        // be cut off, the segment is sealed as it is (cut at its last line when loaded) and loads
        // stay exact until everything is loaded: its complete lines may come again in the retry.
        await this.fd.truncate(before).catch(async () => {
          this.exactLoads = true;
          await this.seal();
        });
        throw e;
      }
      this.openBytes += bytes;
      this.openRows += rows;
      this.backlog += rows;
    });
    if (this.openRows >= this.maxRows) this.kick();
    else this.timer ??= setTimeout(() => void this.kick(), this.maxAgeMs).unref();
  }

  /** Seals the open segment (under the lock) so the next append starts a new one. */
  private async seal(): Promise<void> {
    if (!this.fd) return;
    await this.fd.close();
    this.fd = undefined;
    this.sealed.push({ seq: this.seq, rows: this.openRows, notes: this.openNotes, loaded: false });
    this.seq++;
    this.openNotes = [];
    this.openRows = 0;
    this.openBytes = 0;
  }

  /** Seals the open segment and loads every sealed one, in the background; one loader at a time. */
  private kick(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.wantSeal = true;
    this.loading ??= this.runLoader();
    return this.loading;
  }

  private async runLoader(): Promise<void> {
    try {
      while (this.wantSeal || this.sealed.length > 0) {
        if (this.wantSeal) {
          this.wantSeal = false;
          await this.locked(() => this.seal());
        }
        const next = this.sealed[0];
        if (!next) continue;
        // Outside the lock: appends go to the open segment meanwhile, and a lookup reads the table
        // and this file (which stays until it is removed under the lock), so it finds a row loaded
        // or not — at worst twice, never not.
        if (!next.loaded) {
          // After a failure the segment may end torn and the table may hold part of it: only then
          // is it cut (under the lock, as a lookup may be reading it) and loaded in the exact form.
          const retry = this.loadError !== undefined || this.exactLoads;
          const lines = !retry || (await this.locked(async () => cutTorn(join(this.dir, name(next.seq)))));
          if (lines) await this.load(next.seq, retry);
          next.loaded = true;
        }
        await this.handle(next.seq, next.notes);
        await this.locked(async () => {
          unlinkSync(join(this.dir, name(next.seq)));
          // With the file: a lookup after this must not look for it.
          this.sealed.shift();
          this.backlog -= next.rows;
        });
        this.loadError = undefined;
        if (this.backlog === 0) this.exactLoads = false;
      }
    } catch (e) {
      this.loadError = e;
      if (!this.closed) {
        console.warn(`events log: loading or handing on a segment failed, retrying in 1 s (${String(e)})`);
        setTimeout(() => void this.kick(), 1_000).unref();
      }
    } finally {
      this.loading = undefined;
    }
  }

  /** Resolves once every row appended before the call is in the table. */
  async barrier(): Promise<void> {
    // Before the writer opened the log, only segments a dead process left can hold rows.
    if (!this.opened && !this.leftovers()) return;
    await this.open();
    while (this.backlog > 0) {
      await this.kick();
      if (this.backlog > 0 && this.loadError !== undefined)
        throw new Error(`events log: loading into the facts store fails (${String(this.loadError)})`);
    }
  }

  /** Stored payload hashes of these ids of one workspace: in the table or in a segment not loaded yet. */
  async lookUp(
    workspaceId: string,
    ids: readonly string[],
  ): Promise<Array<{ message_id: string; payload_hash: string }>> {
    await this.open();
    return this.locked(async () => {
      const where = "workspace_id = {ws:UUID} AND message_id IN {ids:Array(String)}";
      // The segments not loaded yet (the lock keeps a load from falling between the two reads).
      const segments = this.sealed.filter((x) => x.rows > 0).map((x) => x.seq);
      if (this.openRows > 0) segments.push(this.seq);
      const parts = [`SELECT message_id, payload_hash FROM ${this.table} WHERE ${where}`];
      for (const seq of segments)
        parts.push(
          `SELECT message_id, payload_hash FROM ${this.from(join(this.dir, name(seq)))} WHERE ${where}`,
        );
      return this.sql.query<{ message_id: string; payload_hash: string }>(parts.join(" UNION ALL "), {
        ws: workspaceId,
        ids,
      });
    });
  }

  /** Loads everything and closes; a failure leaves the segments for the next start. */
  async close(removeDir = false): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.opened) {
      try {
        await this.barrier();
      } finally {
        await this.locked(async () => {
          await this.fd?.close();
          this.fd = undefined;
        });
      }
    }
    if (removeDir) await rm(this.dir, { recursive: true, force: true });
  }
}

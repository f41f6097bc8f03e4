import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ClickHouseClient, type ClickHouseSettings, createClient } from "@clickhouse/client";
import { EVENT_COLUMNS, EVENT_INSERT_SETTINGS } from "../events/event-row.js";
import { EventLog, type EventLogSql } from "./event-log.js";

/** Statements as the ingestion log runs them: straight on the client, never waiting for the log. */
export function eventLogSql(client: ClickHouseClient): EventLogSql {
  return {
    query: async <T>(query: string, params: Record<string, unknown> = {}) => {
      const rs = await client.query({ query, query_params: params, format: "JSONEachRow" });
      return (await rs.json()) as T[];
    },
    command: async (query, settings) => {
      await client.command({
        query,
        ...(settings && { clickhouse_settings: settings as ClickHouseSettings }),
      });
    },
  };
}

/**
 * The facts store: one `@clickhouse/client` code path for both transports. Embedded, the
 * client runs over chDB's in-process connection; served, over HTTP to a ClickHouse server.
 * Reports and writers only ever see `FactsStore`.
 */
export interface FactsStore {
  client: ClickHouseClient;
  /** Database holding the facts tables; every table reference is qualified with it. */
  database: string;
  kind: "chdb" | "clickhouse";
  query<T>(query: string, params?: Record<string, unknown>): Promise<T[]>;
  command(query: string, params?: Record<string, unknown>): Promise<void>;
  insert<T extends object>(table: string, rows: readonly T[]): Promise<void>;
  /** Inserts rows already written in `format` (one per line), into these columns in this order. */
  insertFormatted(
    table: string,
    columns: readonly string[],
    format: string,
    body: string,
    settings?: ClickHouseSettings,
  ): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * Embedded store only: the ingestion log in front of `events` (event-log.ts). The event writer
   * appends to it; every statement naming `events` first waits until the log is loaded.
   */
  eventLog?: EventLog;
}

/**
 * Settings applied to every query so both transports answer identically: 64-bit integers as
 * JSON numbers (counts stay below 2^53), and inserts that return only once data is written.
 */
const SETTINGS: ClickHouseSettings = {
  output_format_json_quote_64bit_integers: 0,
  date_time_input_format: "best_effort",
};

const DB_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export async function openFacts(options: {
  url?: string;
  path?: string;
  database: string;
}): Promise<FactsStore> {
  if (!DB_NAME.test(options.database)) throw new Error(`Invalid facts database name: ${options.database}`);
  let client: ClickHouseClient;
  let kind: FactsStore["kind"];
  if (options.url) {
    kind = "clickhouse";
    client = createClient({
      url: options.url,
      clickhouse_settings: { ...SETTINGS, async_insert: 0, wait_end_of_query: 1 },
      request_timeout: 60_000,
    });
  } else {
    kind = "chdb";
    const { createChdbConnection } = await import("chdb/connection");
    if (options.path) await mkdir(options.path, { recursive: true });
    client = createClient({
      connection: createChdbConnection({ path: options.path ?? ":memory:" }),
      clickhouse_settings: SETTINGS,
    } as Parameters<typeof createClient>[0]);
  }
  const database = options.database;
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  const sql = eventLogSql(client);
  // In memory (tests), the log lives in a temporary directory of its own, removed on close.
  const eventLog =
    kind === "chdb"
      ? new EventLog(
          options.path ? join(options.path, "events-log") : await mkdtemp(join(tmpdir(), "jl-events-log-")),
          sql,
          `${database}.events`,
          EVENT_COLUMNS,
          EVENT_INSERT_SETTINGS,
        )
      : undefined;
  const namesEvents = new RegExp(`\\b${database}\\.events\\b`);
  const barrier = async (text: string) => {
    if (eventLog && namesEvents.test(text)) await eventLog.barrier();
  };

  return {
    client,
    database,
    kind,
    ...(eventLog && { eventLog }),
    async query<T>(text: string, params: Record<string, unknown> = {}) {
      await barrier(text);
      return sql.query<T>(text, params);
    },
    async command(text: string, params: Record<string, unknown> = {}) {
      await barrier(text);
      await client.command({ query: text, query_params: params });
    },
    async insert<T extends object>(table: string, rows: readonly T[]) {
      if (rows.length === 0) return;
      if (table === "events") await eventLog?.barrier();
      await client.insert({ table: `${database}.${table}`, values: rows as T[], format: "JSONEachRow" });
    },
    async insertFormatted(table, columns, format, body, settings) {
      if (body.length === 0) return;
      if (table === "events") await eventLog?.barrier();
      if (!/^[A-Za-z]+$/.test(format) || !columns.every((c) => /^[a-z_][a-z0-9_]*$/.test(c)))
        throw new Error(`Invalid insert format or column list for ${table}`);
      // The data follows the statement, as clickhouse-client sends it; both transports accept it.
      await client.command({
        query: `INSERT INTO ${database}.${table} (${columns.join(", ")}) FORMAT ${format}\n${body}`,
        ...(settings && { clickhouse_settings: settings }),
      });
    },
    async ping() {
      try {
        const r = await client.ping();
        if (!r.success) return false;
        await client.query({ query: "SELECT 1", format: "JSONEachRow" }).then((rs) => rs.json());
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      try {
        await eventLog?.close(!options.path);
      } finally {
        await client.close();
      }
    },
  };
}

import type { ClickHouseSettings } from "@clickhouse/client";
import { EVENT_COLUMNS, EVENT_INSERT_SETTINGS } from "../core/events/event-row.js";
import { EventLog, type EventLogOptions } from "../core/facts/event-log.js";
import type { Stores } from "../core/stores.js";

/** An ingestion log of its own in `dir`, in front of these stores' `events` table (as client.ts builds it). */
export function eventLogAt(stores: Stores, dir: string, options: EventLogOptions = {}): EventLog {
  return new EventLog(
    dir,
    {
      query: (sql, params) =>
        stores.facts.client
          .query({ query: sql, query_params: params ?? {}, format: "JSONEachRow" })
          .then((r) => r.json()),
      command: async (sql, settings) => {
        await stores.facts.client.command({
          query: sql,
          ...(settings && { clickhouse_settings: settings as ClickHouseSettings }),
        });
      },
    },
    `${stores.facts.database}.events`,
    EVENT_COLUMNS,
    EVENT_INSERT_SETTINGS,
    options,
  );
}

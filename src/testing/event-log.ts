import { EVENT_COLUMNS, EVENT_INSERT_SETTINGS } from "../core/events/event-row.js";
import { eventLogSql } from "../core/facts/client.js";
import { EventLog, type EventLogOptions } from "../core/facts/event-log.js";
import type { Stores } from "../core/stores.js";

/** An ingestion log of its own in `dir`, in front of these stores' `events` table (as client.ts builds it). */
export function eventLogAt(stores: Stores, dir: string, options: EventLogOptions = {}): EventLog {
  return new EventLog(
    dir,
    eventLogSql(stores.facts.client),
    `${stores.facts.database}.events`,
    EVENT_COLUMNS,
    EVENT_INSERT_SETTINGS,
    options,
  );
}

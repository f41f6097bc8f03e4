import { z } from "@hono/zod-openapi";
import type { FactsStore } from "../facts/client.js";
import { ZTimeZone } from "../metrics/metrics.schema.js";

/** Scope fields every analytics report takes (docs/api/journey-analytics.md §1). */
export const ZScope = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  timezone: ZTimeZone.default("Europe/Berlin"),
  includeWithoutConsent: z.boolean().default(false),
});
export type TScope = z.infer<typeof ZScope>;

export const ZWindow = z
  .object({
    value: z.number().positive().max(100_000),
    unit: z.enum(["minutes", "hours", "days"]),
  })
  .default({ value: 30, unit: "days" });
export type TWindow = z.infer<typeof ZWindow>;

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
export const windowMs = (w: TWindow): number => Math.round(w.value * UNIT_MS[w.unit]);

const DEFAULT_DAYS = 90;

/** The scope's time range as dates: `to` now and `from` 90 days earlier when not given. */
export function rangeOf(scope: Pick<TScope, "from" | "to">, now = new Date()): { from: Date; to: Date } {
  const to = scope.to ? new Date(scope.to) : now;
  const from = scope.from ? new Date(scope.from) : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
  return { from, to };
}

/**
 * Bound parameters of one query: `add` returns the placeholder (`{p3:String}`) and keeps the value,
 * so no value ever becomes SQL text.
 */
export class SqlParams {
  private n = 0;
  readonly values: Record<string, unknown> = {};

  add(type: string, value: unknown): string {
    const name = `p${this.n++}`;
    this.values[name] = value;
    return `{${name}:${type}}`;
  }
}

/** ClickHouse DateTime64(3) text (UTC) of a date, for bound parameters. */
export const chDateTime = (d: Date): string => d.toISOString().replace("T", " ").replace("Z", "");

/**
 * The scoped events of a workspace as a subquery: one row per stored event in `[from, to)` with its
 * resolved unit (the customer from the identity mirror, else `user:<id>` / `anon:<id>`), event name,
 * time and JSON texts (a page or screen call is named by its `name`, else `page` / `screen`). The
 * embedded store has one writer, which stores each message id once (stored-id filter, kill-tested), so
 * it is read without FINAL (the funnel over 10 M events: 2.2 → 1.2 s); a ClickHouse server may have several writers and is read
 * with FINAL. Without `includeWithoutConsent`, events without analytics consent are left out.
 * Columns: unit, event, timestamp, properties, context, traits, channel. `eventFilter` narrows the
 * stored rows (alias `e`) before identities are joined; its values must be bound through `params`.
 */
export function scopedEvents(
  facts: FactsStore,
  workspaceId: string,
  range: { from: Date; to: Date },
  scope: Pick<TScope, "includeWithoutConsent">,
  params: SqlParams,
  eventFilter = "",
): string {
  const db = facts.database;
  const ws = params.add("UUID", workspaceId);
  const from = params.add("DateTime64(3, 'UTC')", chDateTime(range.from));
  const to = params.add("DateTime64(3, 'UTC')", chDateTime(range.to));
  const ids = `(SELECT distinct_id, toString(argMax(customer_id, version)) AS customer_id
      FROM ${db}.customer_identities WHERE workspace_id = ${ws} GROUP BY distinct_id)`;
  return `(SELECT
      multiIf(cu.customer_id != '', cu.customer_id, ca.customer_id != '', ca.customer_id,
        e.user_id != '', concat('user:', e.user_id), concat('anon:', e.anonymous_id)) AS unit,
      multiIf(e.type = 'track', e.event, e.name != '', e.name, toString(e.type)) AS event,
      e.timestamp AS timestamp,
      e.properties AS properties,
      e.context AS context,
      e.traits AS traits,
      multiIf(JSONType(e.context, 'channel') = 'String', JSONExtractString(e.context, 'channel'),
        JSONType(e.properties, 'channel') = 'String', JSONExtractString(e.properties, 'channel'), '') AS channel
    FROM ${db}.events AS e ${facts.kind === "chdb" ? "" : "FINAL"}
    LEFT JOIN ${ids} AS cu ON cu.distinct_id = concat('user:', e.user_id)
    LEFT JOIN ${ids} AS ca ON ca.distinct_id = concat('anon:', e.anonymous_id)
    WHERE e.workspace_id = ${ws} AND e.timestamp >= ${from} AND e.timestamp < ${to}
      AND e.type IN ('track', 'page', 'screen')
      ${scope.includeWithoutConsent ? "" : "AND e.analytics_consent = 1"}
      ${eventFilter ? `AND ${eventFilter}` : ""})`;
}

/**
 * A filter on the stored rows (alias `e`, for `scopedEvents`' `eventFilter`) that keeps every event the
 * units of `units` (a subquery with one column, `unit`) can have: events whose user or anonymous id is
 * one of those units' ids (a customer's stitched ids from the mirror, or the unit itself when it is an
 * unstitched id). It may keep events of other units too, so the caller still checks the unit; it spares
 * the identity join for the events of units a report does not look at.
 */
export function eventsOfUnits(
  facts: FactsStore,
  workspaceId: string,
  units: string,
  params: SqlParams,
): string {
  const ids = `(SELECT distinct_id FROM ${facts.database}.customer_identities
      WHERE workspace_id = ${params.add("UUID", workspaceId)} AND toString(customer_id) IN ${units}
    UNION DISTINCT SELECT unit FROM ${units})`;
  return `(concat('user:', e.user_id) IN ${ids} OR concat('anon:', e.anonymous_id) IN ${ids})`;
}

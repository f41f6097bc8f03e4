import { chDateTime, SqlParams } from "../analytics/scope.js";
import type { FactsStore } from "../facts/client.js";

/** One stored track event as the event rules read it. */
export interface RuleEvent {
  unit: string;
  messageId: string;
  event: string;
  ms: number;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
}

/** Bound units per query at most (over HTTP, parameters travel in the URL). */
const UNITS_PER_QUERY = 2_000;
const ROWS_PER_QUERY = 200_000;

/**
 * The workspace's track events named `names`, with their unit resolved as `scopedEvents` does (the
 * stitched customer, else `user:<id>` / `anon:<id>`) but keeping the message id, which makes a
 * signal's ref. Case rules serve customers, not analytics, so consent for analytics does not apply.
 * `filter` narrows the stored rows (alias `e`); values must be bound through `params`.
 */
function ruleEventsSql(
  facts: FactsStore,
  workspaceId: string,
  names: string[],
  params: SqlParams,
  filter: string,
) {
  const db = facts.database;
  const ws = params.add("UUID", workspaceId);
  const ids = `(SELECT distinct_id, toString(argMax(customer_id, version)) AS customer_id
      FROM ${db}.customer_identities WHERE workspace_id = ${ws} GROUP BY distinct_id)`;
  return `(SELECT
      multiIf(cu.customer_id != '', cu.customer_id, ca.customer_id != '', ca.customer_id,
        e.user_id != '', concat('user:', e.user_id), concat('anon:', e.anonymous_id)) AS unit,
      e.message_id AS message_id, e.event AS event, toUnixTimestamp64Milli(e.timestamp) AS ms,
      e.properties AS properties, e.context AS context
    FROM ${db}.events AS e ${facts.kind === "chdb" ? "" : "FINAL"}
    LEFT JOIN ${ids} AS cu ON cu.distinct_id = concat('user:', e.user_id)
    LEFT JOIN ${ids} AS ca ON ca.distinct_id = concat('anon:', e.anonymous_id)
    WHERE e.workspace_id = ${ws} AND e.type = 'track' AND e.event IN ${params.add("Array(String)", names)}
      AND ${filter})`;
}

const parse = (s: string): Record<string, unknown> => {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

interface Row {
  unit: string;
  message_id: string;
  event: string;
  ms: number | string;
  properties: string;
  context: string;
}

const toEvent = (r: Row): RuleEvent => ({
  unit: r.unit,
  messageId: r.message_id,
  event: r.event,
  ms: Number(r.ms),
  properties: parse(r.properties),
  context: parse(r.context),
});

/**
 * Per unit, the earliest time of its events named `names` that reached the facts store after
 * `insertedAfter` (all events when null), or whose time lies at or after `timeFrom`.
 */
export async function touchedUnits(
  facts: FactsStore,
  workspaceId: string,
  names: string[],
  since: { insertedAfter: Date | null } | { timeFrom: Date },
): Promise<Map<string, number>> {
  const params = new SqlParams();
  const filter =
    "timeFrom" in since
      ? `e.timestamp >= ${params.add("DateTime64(3, 'UTC')", chDateTime(since.timeFrom))}`
      : since.insertedAfter
        ? `e.inserted_at > ${params.add("DateTime64(3, 'UTC')", chDateTime(since.insertedAfter))}`
        : "1";
  const rows = await facts.query<{ unit: string; first: number | string }>(
    `SELECT unit, min(ms) AS first FROM ${ruleEventsSql(facts, workspaceId, names, params, filter)} AS r GROUP BY unit`,
    params.values,
  );
  return new Map(rows.map((r) => [r.unit, Number(r.first)]));
}

/** The events named `names` of these units at or after `fromMs`, in time order per unit. */
export async function unitEvents(
  facts: FactsStore,
  workspaceId: string,
  names: string[],
  units: readonly string[],
  fromMs: number,
): Promise<RuleEvent[]> {
  const events: RuleEvent[] = [];
  for (let i = 0; i < units.length; i += UNITS_PER_QUERY) {
    const params = new SqlParams();
    const from = params.add("DateTime64(3, 'UTC')", chDateTime(new Date(fromMs)));
    const inner = ruleEventsSql(facts, workspaceId, names, params, `e.timestamp >= ${from}`);
    const rows = await facts.query<Row>(
      `SELECT * FROM ${inner} AS r WHERE unit IN ${params.add("Array(String)", units.slice(i, i + UNITS_PER_QUERY))}
       ORDER BY unit, ms, message_id LIMIT ${ROWS_PER_QUERY}`,
      params.values,
    );
    for (const r of rows) events.push(toEvent(r));
  }
  return events;
}

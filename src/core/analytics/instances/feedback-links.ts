import type { FactsStore } from "../../facts/client.js";
import type { SqlParams } from "../scope.js";
import { XO_GRACE_DAYS } from "../xo.schema.js";

/**
 * Links feedback records to journey instances (docs/api/journey-analytics.md §8), shared by X+O and
 * the key driver analysis. `records` is a subquery with the columns `feedback_id`, `c` (the record's
 * `customer_id`) and `received_at`. A record belongs to an instance of its customer received in
 * [started_at, ended_at + 30 days]; of several, the latest started. Every live instance of the journey
 * counts (not only those in range), so a record belongs to the latest one. The record's customer id
 * (a user id, anonymous id or `email:<address>`) is resolved through the identity mirror as events are,
 * so it meets the instance's unit (the customer, else `user:<id>` / `anon:<id>`).
 * Returns a subquery with the columns `feedback_id`, `unit`, `seq`.
 */
export function feedbackInstanceLinksSql(
  facts: FactsStore,
  workspaceId: string,
  journeyId: string,
  records: string,
  params: SqlParams,
): string {
  const db = facts.database;
  const ws = params.add("UUID", workspaceId);
  const journeyUuid = params.add("UUID", journeyId);
  const grace = params.add("Int64", XO_GRACE_DAYS);
  const allInstances = `(SELECT unit, seq, started_at, ended_at FROM ${db}.journey_instances FINAL
      WHERE workspace_id = ${ws} AND journey_id = ${journeyUuid} AND deleted = 0)`;
  const mirror = `(SELECT distinct_id, toString(argMax(customer_id, version)) AS customer_id
      FROM ${db}.customer_identities WHERE workspace_id = ${ws} GROUP BY distinct_id)`;
  // The units a record's customer id may stand for: the customer its user / anonymous id / e-mail
  // identity is stitched to, else the unstitched unit (`user:<id>`, `anon:<id>`), or the id itself.
  const keys = `(SELECT DISTINCT f.feedback_id AS feedback_id, f.received_at AS received_at,
        if(ids.customer_id != '', ids.customer_id, f.did) AS key
      FROM (SELECT feedback_id, received_at, arrayJoin(arrayFilter(x -> x != '', [c, concat('user:', c),
          concat('anon:', c),
          if(startsWith(c, 'email:'), concat('email:', lower(hex(SHA256(trimBoth(substring(c, 7)))))), '')])) AS did
        FROM ${records} AS r) AS f
      LEFT JOIN ${mirror} AS ids ON ids.distinct_id = f.did)`;
  return `(SELECT feedback_id, tupleElement(best, 1) AS unit, tupleElement(best, 2) AS seq
      FROM (SELECT k.feedback_id AS feedback_id,
          argMax(tuple(a.unit, a.seq), tuple(a.started_at, a.seq)) AS best
        FROM ${keys} AS k INNER JOIN ${allInstances} AS a ON a.unit = k.key
        WHERE a.started_at <= k.received_at AND k.received_at <= a.ended_at + toIntervalDay(${grace})
        GROUP BY k.feedback_id))`;
}

import { type SqlBool, sql } from "kysely";
import { invalid } from "../errors.js";
import type { ReportContext } from "../metrics/report-context.js";
import type { Page } from "../pagination.js";
import { feedbackOfCustomer, findCustomer, identitiesOf } from "./customer-row.js";
import type { TTimelineItem, TTimelineQuery } from "./customers.schema.js";
import { eventsOf } from "./get-customer.js";

/** Position after an item: its time (ms) and `<kind>:<id>`, the tie-break both sources sort by. */
interface Position {
  at: string;
  key: string;
}

const encode = (p: Position) => Buffer.from(JSON.stringify(p)).toString("base64url");

function decode(cursor: string | undefined): Position | undefined {
  if (cursor === undefined) return undefined;
  try {
    const p = JSON.parse(Buffer.from(cursor, "base64url").toString()) as Partial<Position>;
    if (typeof p.at === "string" && !Number.isNaN(Date.parse(p.at)) && typeof p.key === "string")
      return { at: new Date(p.at).toISOString(), key: p.key };
  } catch {}
  throw invalid("/query/cursor", "cursor is not a cursor returned by this API", "invalid_cursor");
}

const keyOf = (item: TTimelineItem) => `${item.kind}:${item.id}`;
/** Newest first; equal times by key, descending, the same in both stores. */
const newerFirst = (a: TTimelineItem, b: TTimelineItem) =>
  b.at.localeCompare(a.at) || (keyOf(a) < keyOf(b) ? 1 : keyOf(a) > keyOf(b) ? -1 : 0);

function parseRecord(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * One chronological list, newest first, of a customer's events (facts, FINAL, by their user and
 * anonymous ids) and feedback (system of record). Each source is read `limit + 1` past the cursor
 * and the two are merged, so a page is exact at millisecond precision.
 */
export async function customerTimeline(
  ctx: ReportContext,
  id: string,
  query: TTimelineQuery,
): Promise<Page<TTimelineItem>> {
  const ws = ctx.access.workspaceId;
  const after = decode(query.cursor);
  const c = await findCustomer(ctx.db, ws, id);
  const distinctIds = (await identitiesOf(ctx.db, ws, [c.id])).get(c.id) ?? [];
  const events = eventsOf(distinctIds);
  const n = query.limit + 1;
  const atMs = sql<string>`to_char(date_trunc('milliseconds', f.received_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  let fq = ctx.db
    .selectFrom("feedback as f")
    .select(["f.id", "f.channel", "f.kind", "f.title", "f.text", "f.score_band", atMs.as("at")])
    .where("f.workspace_id", "=", ws)
    .where(feedbackOfCustomer(distinctIds));
  if (after)
    fq = fq.where(
      sql<SqlBool>`(date_trunc('milliseconds', f.received_at), 'feedback:' || f.id::text) < (${after.at}::timestamptz, ${after.key})`,
    );
  const [eventRows, feedbackRows] = await Promise.all([
    ctx.facts.query<{
      message_id: string;
      type: string;
      event: string;
      name: string;
      ms: number;
      context: string;
      properties: string;
    }>(
      `SELECT message_id, type, event, name, properties, context,
         toUnixTimestamp64Milli(timestamp) AS ms
       FROM ${ctx.facts.database}.events FINAL
       WHERE ${events.where}
         ${after ? "AND (toUnixTimestamp64Milli(timestamp), concat('event:', message_id)) < ({ms:Int64}, {key:String})" : ""}
       ORDER BY timestamp DESC, message_id DESC LIMIT {n:UInt32}`,
      { ws, ...events.params, n, ...(after && { ms: Date.parse(after.at), key: after.key }) },
    ),
    fq
      .orderBy(sql`date_trunc('milliseconds', f.received_at)`, "desc")
      .orderBy("f.id", "desc")
      .limit(n)
      .execute(),
  ]);
  const items: TTimelineItem[] = [
    ...eventRows.map((e): TTimelineItem => {
      const context = parseRecord(e.context);
      return {
        kind: "event",
        id: e.message_id,
        at: new Date(Number(e.ms)).toISOString(),
        type: e.type,
        name: e.event || e.name,
        channel: typeof context.channel === "string" && context.channel !== "" ? context.channel : null,
        properties: parseRecord(e.properties),
      };
    }),
    ...feedbackRows.map(
      (f): TTimelineItem => ({
        kind: "feedback",
        id: f.id,
        at: f.at,
        channel: f.channel,
        feedbackKind: f.kind,
        title: f.title,
        text: f.text,
        scoreBand: f.score_band,
      }),
    ),
  ].sort(newerFirst);
  const slice = items.slice(0, query.limit);
  const last = slice[slice.length - 1];
  return {
    items: slice,
    nextCursor: items.length > query.limit && last ? encode({ at: last.at, key: keyOf(last) }) : null,
  };
}

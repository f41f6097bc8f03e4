import { AppError } from "../../errors.js";
import type { ReportContext } from "../../metrics/report-context.js";
import { defaultContactMatchers } from "../contacts.js";
import { journeySteps, type MappedStep } from "../journey-steps.js";
import {
  DISTRIBUTION_TOP,
  MAX_REPEAT_TOPICS,
  MAX_SWITCH_PAIRS,
  NONE_VALUE,
  type TRepeatContacts,
  type TRepeatContactsRequest,
  type TTopicBy,
} from "../repeat-contacts.schema.js";
import { resolveSteps } from "../resolve-steps.js";
import { chDateTime, rangeOf, SqlParams, scopedEvents } from "../scope.js";
import { stepsCondition } from "../steps.js";

export type { TRepeatContacts, TRepeatContactsRequest } from "../repeat-contacts.schema.js";

const DAY_MS = 86_400_000;
/** The default of `leadInFrame` past the partition's end: a time no contact is within D days of. */
const NO_ROW = "toInt64(9223372036854775807)";

/**
 * The topic of a contact event as SQL: a property read from its `properties` as text (non-text values
 * as JSON text; missing or null → ''). The path must be `properties.<key>[.<key>…]`; its keys are bound.
 */
function topicSql(topicBy: TTopicBy, params: SqlParams): string {
  const [first, ...keys] = topicBy.path.split(".");
  if (first !== "properties" || keys.length === 0 || keys.some((k) => k === "")) {
    const pointer = "/body/topicBy/path";
    const message = `"${topicBy.path}" is not a field: the path starts with properties and names a key`;
    throw new AppError("validation_failed", `${pointer}: ${message}`, {
      errors: [{ pointer, code: "unknown_path", message }],
    });
  }
  const k = keys.map((key) => params.add("String", key)).join(", ");
  return `multiIf(JSONType(properties, ${k}) = 'String', JSONExtractString(properties, ${k}),
    JSONType(properties, ${k}) = 'Null', '', JSONExtractRaw(properties, ${k}))`;
}

/**
 * The scoped contact events from `from` up to D days past `to` (`to` + D itself still counts: an event
 * exactly D days after a contact is within D days); only contact events take part, filtered before
 * identities are joined.
 */
function contactEvents(
  ctx: ReportContext,
  range: { from: Date; to: Date },
  input: TRepeatContactsRequest,
  contactCondition: string,
  params: SqlParams,
): string {
  const until = new Date(range.to.getTime() + input.withinDays * DAY_MS + 1);
  return scopedEvents(
    ctx.facts,
    ctx.access.workspaceId,
    { from: range.from, to: until },
    input,
    params,
    contactCondition,
  );
}

/**
 * The contact events as a subquery, one row each, with their repeat figures. Contacts are read from
 * `from` up to D days past `to` (a window starting before `to` may end after it) and partitioned by
 * unit and topic ('' without `topicBy`), in time order (ties by channel). Columns: `unit`, `topic`,
 * `ts`, `ms` (epoch ms), `channel`, `next_ms` / `next_channel` (the partition's next contact),
 * `in_range` (the contact lies in `[from, to)`), `rep` (in range and the contact N − 1 further on is at
 * most D days later: a repeat window starts here), `pair` (in range and the next contact at most D days
 * later) and `topic_rep` (the partition has a repeat window).
 */
function contactRowsSql(
  ctx: ReportContext,
  range: { from: Date; to: Date },
  input: TRepeatContactsRequest,
  contactCondition: string,
  topic: string,
  params: SqlParams,
): string {
  const withinMs = input.withinDays * DAY_MS;
  const events = contactEvents(ctx, range, input, contactCondition, params);
  const to = params.add("DateTime64(3, 'UTC')", chDateTime(range.to));
  const within = params.add("Int64", withinMs);
  const nth = params.add("UInt64", input.minContacts - 1);
  return `(SELECT *, max(rep) OVER (PARTITION BY unit, topic) AS topic_rep
    FROM (
      SELECT *,
        toUInt8(ts < ${to}) AS in_range,
        toUInt8(in_range AND nth_ms - ms <= ${within}) AS rep,
        toUInt8(in_range AND next_ms - ms <= ${within}) AS pair
      FROM (
        SELECT unit, topic, ts, ms, channel,
          leadInFrame(ms, 1, ${NO_ROW}) OVER w AS next_ms,
          leadInFrame(channel, 1, '') OVER w AS next_channel,
          leadInFrame(ms, ${nth}, ${NO_ROW}) OVER w AS nth_ms
        FROM (
          SELECT unit, ${topic} AS topic, timestamp AS ts, toUnixTimestamp64Milli(timestamp) AS ms, channel
          FROM ${events} AS ev
          WHERE ${contactCondition}
        )
        WINDOW w AS (PARTITION BY unit, topic ORDER BY ms ASC, channel ASC
          ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)
      )
    ))`;
}

/**
 * Every figure but the preceding steps in one pass (the scan, the identity join and the ordering are the
 * cost): each unit's contacts per topic as one time-ordered array (ties by channel), the repeat figures
 * of `contactRowsSql` computed on it — `inr` (in range), `rep`, `pair`, the partition's `trep` — then
 * per unit its counts, switch pairs and distinct weeks and topics, summed across units.
 */
function summarySql(
  ctx: ReportContext,
  range: { from: Date; to: Date },
  input: TRepeatContactsRequest,
  contactCondition: string,
  topic: string,
  params: SqlParams,
): string {
  const withinMs = input.withinDays * DAY_MS;
  const events = contactEvents(ctx, range, input, contactCondition, params);
  const toMs = params.add("Int64", range.to.getTime());
  const within = params.add("Int64", withinMs);
  const nth = params.add("UInt64", input.minContacts - 1);
  const tz = params.add("String", input.timezone);
  const top = params.add("UInt8", DISTRIBUTION_TOP);
  const ones = (a: string) => `arrayWithConstant(length(${a}), toUInt64(1))`;
  // Per (unit, topic): t = times, ch = channels, wk = weeks, in time order; i runs over 1..n.
  const partitions = `(
    SELECT unit, topic, arraySort(groupArray((ms, channel, week))) AS evs,
      arrayMap(e -> e.1, evs) AS t, arrayMap(e -> e.2, evs) AS ch, arrayMap(e -> e.3, evs) AS wk,
      length(evs) AS n, range(1, n + 1) AS ix,
      arrayMap(i -> t[i] < ${toMs}, ix) AS inr,
      arrayMap(i -> inr[i] AND i + ${nth} <= n AND t[i + ${nth}] - t[i] <= ${within}, ix) AS rep,
      arrayExists(x -> x, rep) AS trep,
      arrayMap(i -> trep AND inr[i] AND i < n AND t[i + 1] - t[i] <= ${within} AND ch[i] != ch[i + 1], ix) AS sw,
      arrayCount(x -> x, inr) AS c
    FROM (
      SELECT unit, ${topic} AS topic, toUnixTimestamp64Milli(timestamp) AS ms, channel,
        toMonday(timestamp, ${tz}) AS week
      FROM ${events} AS ev
      WHERE ${contactCondition}
    )
    GROUP BY unit, topic)`;
  return `SELECT count() AS units, sum(uc) AS contacts, countIf(r) AS repeatUnits, countIf(s) AS switchUnits,
      sumForEach(arrayMap(k -> toUInt64(least(uc, ${top}) = k), range(1, ${top} + 1))) AS dist,
      sumMap(pk, ${ones("pk")}) AS pairs,
      sumMap(wks, ${ones("wks")}) AS weeks, sumMap(rwks, ${ones("rwks")}) AS repeatWeeks,
      sumMap(tps, ${ones("tps")}) AS topics, sumMap(rtps, ${ones("rtps")}) AS repeatTopics
    FROM (
      SELECT unit, sum(c) AS uc, max(trep) AS r, max(arrayExists(x -> x, sw)) AS s,
        groupArrayArray(arrayMap(i -> concat(ch[i], '\\0', ch[i + 1]), arrayFilter(i -> sw[i], ix))) AS pk,
        arrayMap(w -> toString(w), groupUniqArrayArray(arrayFilter((w, x) -> x, wk, inr))) AS wks,
        arrayMap(w -> toString(w), groupUniqArrayArray(arrayFilter((w, x) -> x, wk, rep))) AS rwks,
        groupArrayIf(topic, c > 0) AS tps,
        groupArrayIf(topic, trep) AS rtps
      FROM ${partitions}
      GROUP BY unit
      HAVING uc > 0
    )`;
}

/**
 * Per repeat contacter, the journey step whose event came last before the second contact of the unit's
 * first repeat window (the earliest; ties by its second contact): rows `(step, count)`, step 1-based in
 * `mapped`. An event matching several mapped steps stands for the latest of them in journey order, and
 * of several step events at one time the latest step in journey order wins.
 */
function precedingSql(
  ctx: ReportContext,
  range: { from: Date; to: Date },
  input: TRepeatContactsRequest,
  rows: string,
  mapped: readonly MappedStep[],
  conditionOf: (touchpointId: string) => string,
  params: SqlParams,
): string {
  const until = new Date(range.to.getTime() + input.withinDays * DAY_MS + 1);
  const events = scopedEvents(
    ctx.facts,
    ctx.access.workspaceId,
    { from: range.from, to: until },
    input,
    params,
  );
  const branches = mapped
    .map((s, i) => [conditionOf(s.touchpointId), i + 1] as const)
    .reverse()
    .map(([c, i]) => `${c}, ${i}`)
    .join(", ");
  const first = `(SELECT unit, argMin(next_ms, (ms, next_ms)) AS second_ms FROM ${rows} AS cr
    WHERE rep = 1 GROUP BY unit)`;
  return `SELECT step, count() AS n FROM (
      SELECT s.unit AS unit, argMax(s.step, (s.ms, s.step)) AS step
      FROM (
        SELECT unit, toUnixTimestamp64Milli(timestamp) AS ms, multiIf(${branches}, 0) AS step
        FROM ${events} AS ev
      ) AS s
      INNER JOIN ${first} AS f ON s.unit = f.unit
      WHERE s.step > 0 AND s.ms < f.second_ms
      GROUP BY s.unit
    )
    GROUP BY step`;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
/** ClickHouse's String order (bytes), which the report used when it sorted in SQL. */
const cmp = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
const named = (v: string) => (v === "" ? NONE_VALUE : v);

/**
 * Repeat contacts and channel switching (docs/api/journey-analytics.md §7). A unit is a repeat
 * contacter when it has `minContacts` contact events (on one topic, with `topicBy`) within `withinDays`
 * days (the last exactly D days after the first still counts), the first of them in `[from, to)`.
 */
export async function repeatContacts(
  ctx: ReportContext,
  input: TRepeatContactsRequest,
  now = new Date(),
): Promise<TRepeatContacts> {
  const workspaceId = ctx.access.workspaceId;
  const contactSteps = input.contacts
    ? await resolveSteps(ctx.db, workspaceId, input.contacts, "/body/contacts")
    : [{ matchers: defaultContactMatchers() }];
  const params = new SqlParams();
  const topic = input.topicBy ? topicSql(input.topicBy, params) : "''";
  const journey = input.journeyId ? await journeySteps(ctx.db, workspaceId, input.journeyId) : null;
  const contactCondition = contactSteps
    .map((s, i) => stepsCondition(s.matchers, params, `/body/contacts/${i}`))
    .join(" OR ");
  const range = rangeOf(input, now);
  const rows = contactRowsSql(ctx, range, input, `(${contactCondition})`, topic, params);

  const [summary] = await ctx.facts.query<{
    units: number;
    contacts: number;
    repeatUnits: number;
    switchUnits: number;
    dist: number[];
    pairs: [string[], number[]];
    weeks: [string[], number[]];
    repeatWeeks: [string[], number[]];
    topics: [string[], number[]];
    repeatTopics: [string[], number[]];
  }>(summarySql(ctx, range, input, `(${contactCondition})`, topic, params), params.values);
  const entries = (m: [string[], number[]] | undefined) =>
    (m?.[0] ?? []).map((k, i) => [k, Number(m?.[1][i] ?? 0)] as const);
  const pairs = entries(summary?.pairs)
    .map(([key, n]) => {
      const [f = "", t = ""] = key.split("\0");
      return { f, t, n };
    })
    .sort((a, b) => b.n - a.n || cmp(a.f, b.f) || cmp(a.t, b.t))
    .slice(0, MAX_SWITCH_PAIRS);
  const repeatWeeks = new Map(entries(summary?.repeatWeeks));
  const weekly = entries(summary?.weeks)
    .map(([w, units]) => ({ week: w, units, repeatUnits: repeatWeeks.get(w) ?? 0 }))
    .sort((a, b) => cmp(a.week, b.week));
  const repeatTopics = new Map(entries(summary?.repeatTopics));
  const topics = input.topicBy
    ? entries(summary?.topics)
        .map(([topic, units]) => ({ topic, units, repeatUnits: repeatTopics.get(topic) ?? 0 }))
        .sort((a, b) => b.units - a.units || cmp(a.topic, b.topic))
        .slice(0, MAX_REPEAT_TOPICS)
    : null;

  const units = Number(summary?.units ?? 0);
  const contacts = units === 0 ? 0 : Number(summary?.contacts ?? 0);
  const repeatUnits = units === 0 ? 0 : Number(summary?.repeatUnits ?? 0);
  const switchUnits = units === 0 ? 0 : Number(summary?.switchUnits ?? 0);
  const dist = units === 0 ? [] : (summary?.dist ?? []).map(Number);

  let precedingSteps: TRepeatContacts["precedingSteps"] = null;
  if (journey) {
    precedingSteps = [];
    if (journey.mapped.length > 0 && repeatUnits > 0) {
      const conditions = new Map<string, string>();
      const conditionOf = (id: string) => {
        let c = conditions.get(id);
        if (c === undefined) {
          c = stepsCondition(journey.matchers.get(id) ?? [], params, `/touchpoints/${id}/eventMatchers`);
          conditions.set(id, c);
        }
        return c;
      };
      const counted = await ctx.facts.query<{ step: number; n: number }>(
        precedingSql(ctx, range, input, rows, journey.mapped, conditionOf, params),
        params.values,
      );
      const byStep = new Map(counted.map((r) => [Number(r.step), Number(r.n)]));
      precedingSteps = journey.mapped
        .map((s, i) => ({ stepId: s.stepId, title: s.title, count: byStep.get(i + 1) ?? 0 }))
        .filter((s) => s.count > 0)
        .map((s) => ({ ...s, share: s.count / repeatUnits }));
      // Stable: equal counts keep journey order.
      precedingSteps.sort((a, b) => b.count - a.count);
    }
  }

  return {
    units,
    contacts,
    repeatUnits,
    repeatRate: ratio(repeatUnits, units),
    contactsPerUnit: ratio(contacts, units),
    distribution: Array.from({ length: DISTRIBUTION_TOP }, (_, i) => ({
      contacts: i + 1,
      units: dist[i] ?? 0,
    })),
    channelSwitches: {
      units: switchUnits,
      share: ratio(switchUnits, repeatUnits),
      pairs: pairs.map((p) => ({ from: named(p.f), to: named(p.t), count: Number(p.n) })),
    },
    topics:
      topics?.map((t) => ({
        topic: named(t.topic),
        units: Number(t.units),
        repeatUnits: Number(t.repeatUnits),
        repeatRate: ratio(Number(t.repeatUnits), Number(t.units)),
      })) ?? null,
    precedingSteps,
    weekly: weekly.map((w) => ({ week: w.week, units: Number(w.units), repeatUnits: Number(w.repeatUnits) })),
  };
}

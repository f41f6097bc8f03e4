import { createHash } from "node:crypto";
import { chTime } from "../../events/event-row.js";
import type { FactsStore } from "../../facts/client.js";
import type { Stores } from "../../stores.js";
import { DEFAULT_CONTACT_EVENTS } from "../contacts.js";
import { journeySteps, type MappedStep } from "../journey-steps.js";
import { chDateTime, eventsOfUnits, SqlParams, scopedEvents } from "../scope.js";
import { stepsCondition } from "../steps.js";
import { type ComputedInstance, computeInstances, type InstanceEvent } from "./compute.js";

/** A unit inactive this long between two matching events starts a new instance; the open one reads as dropped. */
export const DEFAULT_INACTIVITY_DAYS = 30;
const DAY_MS = 86_400_000;
/**
 * The next refresh looks this far behind the previous one's start: an insert whose `inserted_at` was
 * taken before that start may become visible only after it. Recomputing a unit twice is harmless.
 */
const OVERLAP_MS = 60_000;
/** Events per query when a whole journey is recomputed; larger workspaces are split by unit hash. */
const EVENTS_PER_PART = 2_000_000;
/** Touched units bound as one array parameter at most (over HTTP parameters travel in the URL). */
const MAX_BOUND_UNITS = 5_000;
/** Bumped when the computation changes, so stored instances are rebuilt. */
const ALGORITHM = 1;

const ALL_TIME = { from: new Date(0), to: new Date(Date.UTC(2200, 0, 1)) };

export interface RefreshResult {
  journeys: number;
  rebuilt: number;
  units: number;
  instances: number;
  tookMs: number;
}

interface JourneyPlan {
  journeyId: string;
  mapped: MappedStep[];
  /** Distinct mapping touchpoints and the mapped step positions each serves. */
  touchpoints: { id: string; positions: number[] }[];
  matchers: Map<string, { event: string; where?: string | undefined }[]>;
  hash: string;
}

const running = new Map<string, Promise<RefreshResult>>();

/**
 * Brings a workspace's journey instances up to date (docs/api/journey-analytics.md §6): journeys whose
 * map, matchers or computation changed are recomputed whole; the others only for the units that have
 * events inserted, or identities changed, since the last refresh. One refresh per workspace runs at a
 * time in this process; a second call waits for it and then runs its own.
 */
export function refreshJourneyInstances(
  stores: Stores,
  workspaceId: string,
  options: { rebuild?: boolean } = {},
): Promise<RefreshResult> {
  const previous = running.get(workspaceId) ?? Promise.resolve(undefined);
  const next = previous
    .catch(() => undefined)
    .then(() => refreshOnce(stores, workspaceId, options.rebuild ?? false));
  running.set(workspaceId, next);
  const clear = () => {
    if (running.get(workspaceId) === next) running.delete(workspaceId);
  };
  next.then(clear, clear);
  return next;
}

/** Recomputes every journey instance of a workspace from all its events. */
export const rebuildJourneyInstances = (stores: Stores, workspaceId: string): Promise<RefreshResult> =>
  refreshJourneyInstances(stores, workspaceId, { rebuild: true });

async function refreshOnce(stores: Stores, workspaceId: string, rebuild: boolean): Promise<RefreshResult> {
  const started = Date.now();
  const { db } = stores.sor;
  const facts = stores.facts;
  const [clock] = await facts.query<{ now: string }>("SELECT toString(now64(3, 'UTC')) AS now");
  const factsNow = new Date(`${clock?.now.replace(" ", "T")}Z`);
  const state = await db
    .selectFrom("journey_instance_state")
    .select(["watermark", "definitions"])
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  const watermark = rebuild || !state?.watermark ? null : new Date(state.watermark);
  const stored: Record<string, string> = rebuild ? {} : (state?.definitions ?? {});

  const journeys = await db
    .selectFrom("journeys")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .orderBy("id")
    .execute();
  const plans: JourneyPlan[] = [];
  for (const { id } of journeys) {
    const plan = await planOf(stores, workspaceId, id);
    if (plan) plans.push(plan);
  }
  const result: RefreshResult = { journeys: plans.length, rebuilt: 0, units: 0, instances: 0, tookMs: 0 };
  const definitions: Record<string, string> = {};
  for (const plan of plans) {
    const whole = watermark === null || stored[plan.journeyId] !== plan.hash;
    if (whole) result.rebuilt++;
    const done = await recompute(facts, workspaceId, plan, whole ? null : watermark);
    result.units += done.units;
    result.instances += done.instances;
    definitions[plan.journeyId] = plan.hash;
  }
  // Journeys deleted or no longer mapped lose their instances.
  for (const journeyId of Object.keys(stored))
    if (!(journeyId in definitions)) await dropJourney(facts, workspaceId, journeyId);

  result.tookMs = Date.now() - started;
  const now = new Date();
  const values = {
    watermark: new Date(factsNow.getTime() - OVERLAP_MS),
    definitions: JSON.stringify(definitions),
    refreshed_at: now,
    last_result: JSON.stringify(result),
  };
  await db
    .insertInto("journey_instance_state")
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet(values))
    .execute();
  return result;
}

async function planOf(stores: Stores, workspaceId: string, journeyId: string): Promise<JourneyPlan | null> {
  const { mapped, matchers } = await journeySteps(stores.sor.db, workspaceId, journeyId);
  if (mapped.length === 0) return null;
  const touchpoints: JourneyPlan["touchpoints"] = [];
  mapped.forEach((step, position) => {
    const known = touchpoints.find((t) => t.id === step.touchpointId);
    if (known) known.positions.push(position);
    else touchpoints.push({ id: step.touchpointId, positions: [position] });
  });
  const hash = createHash("sha256")
    .update(
      JSON.stringify({
        algorithm: ALGORITHM,
        inactivityDays: DEFAULT_INACTIVITY_DAYS,
        contacts: DEFAULT_CONTACT_EVENTS,
        steps: mapped.map((s) => [s.stepId, s.touchpointId]),
        matchers: touchpoints.map((t) => matchers.get(t.id)),
      }),
    )
    .digest("base64url");
  return { journeyId, mapped, touchpoints, matchers, hash };
}

/**
 * The units whose instances may have changed since `watermark`, as SQL: the units of events inserted
 * after it, plus the distinct ids whose identity changed after it and every customer they belonged
 * to (a merged-away customer's instances must go). Unstitched ids are units of their own.
 */
function touchedUnitsSql(facts: FactsStore, workspaceId: string, watermark: Date, params: SqlParams): string {
  const ws = params.add("UUID", workspaceId);
  const since = params.add("DateTime64(3, 'UTC')", chDateTime(watermark));
  const changedIds = `(SELECT distinct_id FROM ${facts.database}.customer_identities
    WHERE workspace_id = ${ws} AND inserted_at > ${since})`;
  const newEvents = scopedEvents(
    facts,
    workspaceId,
    ALL_TIME,
    { includeWithoutConsent: true },
    params,
    `e.inserted_at > ${since}`,
  );
  return `(SELECT unit FROM ${newEvents}
    UNION DISTINCT SELECT toString(customer_id) FROM ${facts.database}.customer_identities
      WHERE workspace_id = ${ws} AND distinct_id IN ${changedIds}
    UNION DISTINCT SELECT distinct_id FROM ${changedIds})`;
}

async function recompute(
  facts: FactsStore,
  workspaceId: string,
  plan: JourneyPlan,
  watermark: Date | null,
): Promise<{ units: number; instances: number }> {
  const db = facts.database;
  let parts = 1;
  if (watermark === null) {
    const [count] = await facts.query<{ n: string }>(
      `SELECT count() AS n FROM ${db}.events WHERE workspace_id = {ws:UUID}`,
      { ws: workspaceId },
    );
    parts = Math.max(1, Math.ceil(Number(count?.n ?? 0) / EVENTS_PER_PART));
  }
  let units = 0;
  let instances = 0;
  const version = Date.now() * 1000;
  // The touched units are computed once and, when few, bound as a set (the subquery would otherwise
  // be recomputed everywhere it is used). Many are left as the subquery: a ClickHouse server takes
  // bound parameters in the URL, which has a size limit.
  let touchedList: string[] | null = null;
  if (watermark) {
    const p = new SqlParams();
    touchedList = (
      await facts.query<{ unit: string }>(
        `SELECT DISTINCT unit FROM ${touchedUnitsSql(facts, workspaceId, watermark, p)}`,
        p.values,
      )
    ).map((r) => r.unit);
    if (touchedList.length === 0) return { units: 0, instances: 0 };
  }
  const touchedSql = (params: SqlParams): string | null => {
    if (!watermark || !touchedList) return null;
    if (facts.kind === "chdb" || touchedList.length <= MAX_BOUND_UNITS)
      return `(SELECT arrayJoin(${params.add("Array(String)", touchedList)}) AS unit)`;
    return touchedUnitsSql(facts, workspaceId, watermark, params);
  };
  for (let part = 0; part < parts; part++) {
    const params = new SqlParams();
    const touched = touchedSql(params);
    // Touched units narrow the scan before identities are joined: their own ids and the ids of the
    // customers among them.
    const idFilter = touched ? eventsOfUnits(facts, workspaceId, touched, params) : "";
    const conditions = plan.touchpoints.map((t, i) =>
      stepsCondition(plan.matchers.get(t.id) ?? [], params, `/touchpoints/${i}/eventMatchers`),
    );
    const contacts = params.add("Array(String)", [...DEFAULT_CONTACT_EVENTS]);
    const events = scopedEvents(
      facts,
      workspaceId,
      ALL_TIME,
      { includeWithoutConsent: false },
      params,
      idFilter,
    );
    const partFilter = parts > 1 ? `AND cityHash64(unit) % ${parts} = ${part}` : "";
    const unitFilter = touched ? `AND unit IN ${touched}` : "";
    const rows = await facts.query<{ unit: string; evs: [string, number[], number, string][] }>(
      `SELECT unit, groupArray((toUnixTimestamp64Milli(timestamp), tps, contact, channel)) AS evs
        FROM (
          SELECT unit, timestamp, channel,
            arrayFilter(x -> x >= 0, [${conditions.map((c, i) => `if(${c}, ${i}, -1)`).join(", ")}]) AS tps,
            toUInt8(has(${contacts}, event)) AS contact
          FROM ${events}
          WHERE (${conditions.join(" OR ")} OR has(${contacts}, event)) ${partFilter} ${unitFilter}
        )
        GROUP BY unit`,
      params.values,
    );
    const computed = new Map<string, ComputedInstance[]>();
    for (const row of rows) {
      const evs: InstanceEvent[] = row.evs.map(([at, tps, contact, channel]) => ({
        at: Number(at),
        steps: tps.flatMap((t) => plan.touchpoints[t]?.positions ?? []),
        contact: Number(contact) === 1,
        channel,
      }));
      computed.set(row.unit, computeInstances(evs, plan.mapped.length, DEFAULT_INACTIVITY_DAYS * DAY_MS));
    }
    // What is stored for these units now: instances beyond the new count are marked deleted.
    const prevParams = new SqlParams();
    const prevTouched = touchedSql(prevParams);
    const previous = await facts.query<{ unit: string; seqs: string }>(
      `SELECT unit, toString(max(seq) + 1) AS seqs FROM ${db}.journey_instances FINAL
        WHERE workspace_id = ${prevParams.add("UUID", workspaceId)}
          AND journey_id = ${prevParams.add("UUID", plan.journeyId)} AND deleted = 0
          ${prevTouched ? `AND unit IN ${prevTouched}` : ""}
          ${parts > 1 ? `AND cityHash64(unit) % ${parts} = ${part}` : ""}
        GROUP BY unit`,
      prevParams.values,
    );
    const out: Record<string, unknown>[] = [];
    for (const [unit, list] of computed)
      list.forEach((instance, seq) => {
        out.push(instanceRow(workspaceId, plan, unit, seq, instance, version));
      });
    for (const { unit, seqs } of previous)
      for (let seq = computed.get(unit)?.length ?? 0; seq < Number(seqs); seq++)
        out.push(deletedRow(workspaceId, plan.journeyId, unit, seq, version));
    await writeInstances(facts, out);
    units += computed.size;
    instances += [...computed.values()].reduce((n, l) => n + l.length, 0);
  }
  return { units, instances };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function instanceRow(
  workspaceId: string,
  plan: JourneyPlan,
  unit: string,
  seq: number,
  i: ComputedInstance,
  version: number,
): Record<string, unknown> {
  return {
    workspace_id: workspaceId,
    journey_id: plan.journeyId,
    unit,
    seq,
    customer_id: UUID_RE.test(unit) ? unit : "",
    started_at: chTime(new Date(i.startedAt)),
    ended_at: chTime(new Date(i.endedAt)),
    completed: i.completed ? 1 : 0,
    step_ids: i.stepIndexes.map((p) => plan.mapped[p]?.stepId ?? ""),
    step_indexes: i.stepIndexes,
    step_times: i.stepTimes.map((t) => chTime(new Date(t))),
    step_channels: i.stepChannels,
    contacts: i.contactTimes.length,
    contact_times: i.contactTimes.map((t) => chTime(new Date(t))),
    contact_channels: i.contactChannels,
    version,
    deleted: 0,
  };
}

function deletedRow(workspaceId: string, journeyId: string, unit: string, seq: number, version: number) {
  const epoch = chTime(new Date(0));
  return {
    workspace_id: workspaceId,
    journey_id: journeyId,
    unit,
    seq,
    customer_id: "",
    started_at: epoch,
    ended_at: epoch,
    completed: 0,
    step_ids: [],
    step_indexes: [],
    step_times: [],
    step_channels: [],
    contacts: 0,
    contact_times: [],
    contact_channels: [],
    version,
    deleted: 1,
  };
}

/** Marks every instance of a journey deleted (the journey is gone or maps no step any more). */
async function dropJourney(facts: FactsStore, workspaceId: string, journeyId: string): Promise<void> {
  const live = await facts.query<{ unit: string; seq: number }>(
    `SELECT unit, seq FROM ${facts.database}.journey_instances FINAL
      WHERE workspace_id = {ws:UUID} AND journey_id = {j:UUID} AND deleted = 0`,
    { ws: workspaceId, j: journeyId },
  );
  const version = Date.now() * 1000;
  await writeInstances(
    facts,
    live.map((r) => deletedRow(workspaceId, journeyId, r.unit, Number(r.seq), version)),
  );
}

const INSTANCE_COLUMNS = [
  "workspace_id",
  "journey_id",
  "unit",
  "seq",
  "customer_id",
  "started_at",
  "ended_at",
  "completed",
  "step_ids",
  "step_indexes",
  "step_times",
  "step_channels",
  "contacts",
  "contact_times",
  "contact_channels",
  "version",
  "deleted",
] as const;

/** Writes instance rows as JSONCompactEachRow (several times faster than row objects), in chunks. */
async function writeInstances(facts: FactsStore, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50_000) {
    const body = rows
      .slice(i, i + 50_000)
      .map((r) => JSON.stringify(INSTANCE_COLUMNS.map((c) => r[c])))
      .join("\n");
    await facts.insertFormatted("journey_instances", INSTANCE_COLUMNS, "JSONCompactEachRow", body, {
      date_time_input_format: "basic",
    });
  }
}

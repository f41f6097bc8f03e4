import { DEFAULT_CONTACT_EVENTS } from "../analytics/contacts.js";
import type { Db } from "../db/connect.js";
import type { FactsStore } from "../facts/client.js";
import { isUuid } from "../ids.js";
import type { TPropertyCondition } from "./case-rules.schema.js";
import { type ConditionRecord, conditionsMatch, fieldKey, readsCustomer } from "./conditions.js";
import { type RuleEvent, touchedUnits, unitEvents } from "./event-facts.js";
import { instanceKeyAt, unitInstances } from "./instances.js";
import type { LoadedRule } from "./rule-row.js";
import type { RuleSignal } from "./signals.js";

export type WindowRule = Extract<LoadedRule, { kind: "event" | "repeat_contacts" }>;

const DAY_MS = 86_400_000;

/** An event or repeat-contact rule as one shape: `count` events of `names` within `withinMs`. */
interface WindowSpec {
  rule: WindowRule;
  names: Set<string>;
  where: TPropertyCondition[];
  count: number;
  withinDays: number;
  groupBy: string | undefined;
}

function specOf(rule: WindowRule): WindowSpec {
  if (rule.kind === "event") {
    const c = rule.parsed;
    return {
      rule,
      names: new Set(c.events),
      where: c.where,
      count: c.count,
      withinDays: c.withinDays,
      groupBy: c.sameValueOf,
    };
  }
  const c = rule.parsed;
  return {
    rule,
    names: new Set(c.events ?? DEFAULT_CONTACT_EVENTS),
    where: [],
    count: c.minContacts,
    withinDays: c.withinDays,
    groupBy: c.topicBy,
  };
}

function summaryOf(spec: WindowSpec, last: RuleEvent, group: string): string {
  const topic = spec.groupBy && group ? ` (${spec.groupBy.split(".").pop()}: ${group.slice(0, 100)})` : "";
  if (spec.rule.kind === "repeat_contacts")
    return `${spec.count} contacts within ${spec.withinDays} days${topic}, last: ${last.event}`;
  if (spec.count === 1) return `${last.event}${topic}`;
  return `${spec.count}× ${[...spec.names].join(" / ")} within ${spec.withinDays} days${topic}`;
}

const channelOf = (e: RuleEvent): string | null => {
  const c = e.context.channel ?? e.properties.channel;
  return typeof c === "string" && c !== "" ? c.slice(0, 100) : null;
};

/**
 * Signals of event and repeat-contact rules for the units with new matching events: per rule, unit
 * (and group), every event that is the `count`-th within `withinDays` days (the last exactly D days
 * after the first still counts) raises a signal whose ref is the rule and that event's message id.
 * Only events from each unit's first new one on raise signals; earlier ones are read as history.
 * Re-evaluating raises the same refs, so nothing doubles.
 */
export async function windowSignals(
  db: Db,
  facts: FactsStore,
  workspaceId: string,
  rules: readonly WindowRule[],
  since: { insertedAfter: Date | null } | { timeFrom: Date },
): Promise<RuleSignal[]> {
  if (rules.length === 0) return [];
  const specs = rules.map(specOf);
  const names = [...new Set(specs.flatMap((s) => [...s.names]))];
  const touched = await touchedUnits(facts, workspaceId, names, since);
  if (touched.size === 0) return [];
  const maxWithin = Math.max(...specs.map((s) => s.withinDays)) * DAY_MS;
  let firstNew = Number.POSITIVE_INFINITY;
  for (const ms of touched.values()) firstNew = Math.min(firstNew, ms);
  const units = [...touched.keys()];
  const events = await unitEvents(facts, workspaceId, names, units, firstNew - maxWithin);
  const traits = specs.some((s) => readsCustomer([...s.where.map((w) => w.field), s.groupBy ?? ""]))
    ? await customerTraits(db, workspaceId, units)
    : new Map<string, Record<string, unknown>>();
  const byUnit = new Map<string, RuleEvent[]>();
  for (const e of events) {
    const list = byUnit.get(e.unit);
    if (list) list.push(e);
    else byUnit.set(e.unit, [e]);
  }

  const signals: RuleSignal[] = [];
  for (const spec of specs) {
    const withinMs = spec.withinDays * DAY_MS;
    for (const [unit, list] of byUnit) {
      const from = touched.get(unit) ?? Number.POSITIVE_INFINITY;
      const groups = new Map<string, RuleEvent[]>();
      for (const e of list) {
        if (!spec.names.has(e.event)) continue;
        const record: ConditionRecord = {
          properties: e.properties,
          context: e.context,
          customer: { traits: traits.get(unit) ?? {} },
        };
        if (!conditionsMatch(spec.where, record)) continue;
        const group = spec.groupBy ? fieldKey(spec.groupBy, record) : "";
        const members = groups.get(group);
        if (members) members.push(e);
        else groups.set(group, [e]);
      }
      for (const [group, matched] of groups)
        matched.forEach((e, i) => {
          const first = matched[i - spec.count + 1];
          if (!first || e.ms < from || e.ms - first.ms > withinMs) return;
          signals.push({
            rule: spec.rule,
            kind: spec.rule.kind,
            ref: `${spec.rule.id}:${e.messageId}`,
            customerId: unit,
            journeyId: spec.rule.journey_id,
            instanceKey: null,
            touchpointId: spec.rule.touchpoint_id,
            channel: channelOf(e),
            aspect: null,
            summary: summaryOf(spec, e, group),
            occurredAt: new Date(e.ms),
          });
        });
    }
  }
  return withInstances(facts, workspaceId, signals);
}

/** Signals of rules linked to a journey belong to the unit's instance of it at the signal's time. */
async function withInstances(facts: FactsStore, workspaceId: string, signals: RuleSignal[]) {
  const journeys = new Set(signals.flatMap((s) => (s.journeyId ? [s.journeyId] : [])));
  for (const journeyId of journeys) {
    const mine = signals.filter((s) => s.journeyId === journeyId);
    const instances = await unitInstances(facts, workspaceId, journeyId, [
      ...new Set(mine.map((s) => s.customerId as string)),
    ]);
    for (const s of mine)
      s.instanceKey = instanceKeyAt(instances.get(s.customerId as string) ?? [], s.occurredAt);
  }
  return signals;
}

async function customerTraits(db: Db, workspaceId: string, units: readonly string[]) {
  const ids = units.filter(isUuid);
  const traits = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("customers")
      .select(["id", "traits"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", ids.slice(i, i + 500))
      .execute();
    for (const r of rows) traits.set(r.id, r.traits ?? {});
  }
  return traits;
}

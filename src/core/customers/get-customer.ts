import { evaluate } from "../expressions/evaluate.js";
import { parseExpression } from "../expressions/parse.js";
import type { ReportContext } from "../metrics/report-context.js";
import { feedbackOfCustomer, findCustomer, identitiesOf, idsOfKind, shownIds } from "./customer-row.js";
import type { TCustomer } from "./customers.schema.js";

const TRAIT_HISTORY = 50;

/** The events of these user/anonymous ids, as a facts WHERE clause with its parameters. */
export function eventsOf(distinctIds: readonly string[]) {
  return {
    where:
      "workspace_id = {ws:UUID} AND (user_id IN {users:Array(String)} OR anonymous_id IN {anons:Array(String)})",
    params: { users: idsOfKind(distinctIds, "user"), anons: idsOfKind(distinctIds, "anon") },
  };
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function parseRecord(text: string): Record<string, unknown> | null {
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return null;
  }
}

/** A customer's profile (docs/api/observe.md §2); a merged id answers with its survivor. */
export async function getCustomer(ctx: ReportContext, id: string): Promise<TCustomer> {
  const ws = ctx.access.workspaceId;
  const c = await findCustomer(ctx.db, ws, id);
  const distinctIds = (await identitiesOf(ctx.db, ws, [c.id])).get(c.id) ?? [];
  const [history, merged, personas, feedbackChannels] = await Promise.all([
    ctx.db
      .selectFrom("customer_trait_changes")
      .select(["trait", "value", "changed_at", "message_id"])
      .where("customer_id", "=", c.id)
      .orderBy("changed_at", "desc")
      .orderBy("id", "desc")
      .limit(TRAIT_HISTORY)
      .execute(),
    ctx.db.selectFrom("customers").select("id").where("merged_into", "=", c.id).orderBy("id").execute(),
    ctx.db
      .selectFrom("personas")
      .select(["id", "name", "segment_rule"])
      .where("workspace_id", "=", ws)
      .where("segment_rule", "is not", null)
      .orderBy("name")
      .execute(),
    ctx.db
      .selectFrom("feedback as f")
      .select("f.channel")
      .distinct()
      .where("f.workspace_id", "=", ws)
      .where(feedbackOfCustomer(distinctIds))
      .execute(),
  ]);
  const events = eventsOf(distinctIds);
  const table = `${ctx.facts.database}.events`;
  const [eventChannels, consentRows] = await Promise.all([
    ctx.facts.query<{ channel: string }>(
      `SELECT DISTINCT JSONExtractString(context, 'channel') AS channel FROM ${table} FINAL
       WHERE ${events.where} AND channel != ''`,
      { ws, ...events.params },
    ),
    c.consent
      ? Promise.resolve([])
      : ctx.facts.query<{ consent: string }>(
          `SELECT consent FROM ${table} FINAL WHERE ${events.where} AND consent NOT IN ('', '{}')
           ORDER BY timestamp DESC LIMIT 1`,
          { ws, ...events.params },
        ),
  ]);
  const traits = c.traits;
  return {
    id: c.id,
    distinctIds: shownIds(distinctIds),
    traits,
    firstSeen: c.first_seen.toISOString(),
    lastSeen: c.last_seen.toISOString(),
    traitHistory: history.map((h) => ({
      trait: h.trait,
      value: h.value,
      changedAt: h.changed_at.toISOString(),
      messageId: h.message_id,
    })),
    channels: [
      ...new Set([...eventChannels.map((e) => e.channel), ...feedbackChannels.map((f) => f.channel)]),
    ].sort(),
    personas: personas
      .filter((p) => matches(p.segment_rule as string, traits))
      .map((p) => ({ id: p.id, name: p.name })),
    consent: asRecord(c.consent) ?? (consentRows[0] ? parseRecord(consentRows[0].consent) : null),
    mergedFrom: merged.map((m) => m.id),
  };
}

/** A stored rule was validated on save; one that no longer parses matches nobody. */
function matches(rule: string, traits: Record<string, unknown>): boolean {
  try {
    return evaluate(parseExpression(rule), traits);
  } catch {
    return false;
  }
}

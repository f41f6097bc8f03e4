import type { Stores } from "../stores.js";
import { type WindowRule, windowSignals } from "./event-signals.js";
import { feedbackSignals } from "./feedback-signals.js";
import type { LoadedRule } from "./rule-row.js";
import { enabledRules } from "./rule-row.js";
import { maybeEnqueueEventRules, STUCK_CHECK_INTERVAL_MS } from "./schedule.js";
import { type RaiseCounts, raiseSignals } from "./signals.js";
import { type StuckRule, stuckSignals } from "./stuck-signals.js";

/**
 * The next run reads events inserted up to this long before the previous run's start: an insert whose
 * `inserted_at` was taken before that start may become visible only after it. Re-reading is harmless.
 */
const OVERLAP_MS = 60_000;
/** A workspace's first run reads the events that arrived this recently, not its whole history. */
const FIRST_RUN_LOOKBACK_MS = 7 * 86_400_000;

/** Feedback records just enriched: each raises at most one signal (its id is the ref). */
export async function evaluateFeedbackRules(
  stores: Stores,
  workspaceId: string,
  ids: readonly string[],
): Promise<RaiseCounts> {
  const db = stores.sor.db;
  const rules = (await enabledRules(db, workspaceId, ["feedback"])) as Extract<
    LoadedRule,
    { kind: "feedback" }
  >[];
  const signals = await feedbackSignals(db, workspaceId, rules, { ids });
  return raiseSignals(db, workspaceId, signals);
}

export interface EventRulesResult extends RaiseCounts {
  rules: number;
}

/**
 * One incremental run of the workspace's event, repeat-contact and stuck rules: events inserted into
 * the facts store since the last run's watermark, and the journey instances as they stand now. The
 * watermark moves only after every signal was raised, so a failed run is retried in full; signals
 * raised twice attach to nothing new (their refs are unique).
 */
export async function evaluateEventRules(
  stores: Stores,
  workspaceId: string,
  now = new Date(),
): Promise<EventRulesResult> {
  const { db } = stores.sor;
  const facts = stores.facts;
  const [clock] = await facts.query<{ now: string }>("SELECT toString(now64(3, 'UTC')) AS now");
  const factsNow = new Date(`${clock?.now.replace(" ", "T")}Z`);
  const state = await db
    .selectFrom("case_rule_state")
    .select("event_watermark")
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  const watermark = state?.event_watermark
    ? new Date(state.event_watermark)
    : new Date(factsNow.getTime() - FIRST_RUN_LOOKBACK_MS);
  const rules = await enabledRules(db, workspaceId, ["event", "repeat_contacts", "stuck"]);
  const windows = rules.filter((r): r is WindowRule => r.kind === "event" || r.kind === "repeat_contacts");
  const stuck = rules.filter((r): r is StuckRule => r.kind === "stuck");
  const signals = [
    ...(await windowSignals(db, facts, workspaceId, windows, { insertedAfter: watermark })),
    ...(await stuckSignals(db, facts, workspaceId, stuck, now)),
  ];
  const counts = await raiseSignals(db, workspaceId, signals);
  const result = { rules: rules.length, ...counts };
  const values = {
    event_watermark: new Date(factsNow.getTime() - OVERLAP_MS),
    evaluated_at: new Date(),
    last_result: JSON.stringify(result),
  };
  await db
    .insertInto("case_rule_state")
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet(values))
    .execute();
  // Time alone makes an instance stuck: while stuck rules exist, the next check is due within the hour.
  if (stuck.length > 0) await maybeEnqueueEventRules(db, workspaceId, new Date(), STUCK_CHECK_INTERVAL_MS);
  return result;
}

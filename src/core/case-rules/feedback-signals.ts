import type { Db } from "../db/connect.js";
import type { StoredRating } from "../db/schema.js";
import { isUuid } from "../ids.js";
import type { AspectHit } from "../text/analysis.js";
import type { TFeedbackCondition } from "./case-rules.schema.js";
import { customerKeysOf } from "./customer-keys.js";
import type { LoadedRule } from "./rule-row.js";
import type { RuleSignal } from "./signals.js";

type FeedbackRule = Extract<LoadedRule, { kind: "feedback" }>;

interface FeedbackRecord {
  id: string;
  channel: string;
  customer_id: string | null;
  touchpoint_id: string | null;
  journey_id: string | null;
  received_at: Date;
  ratings: StoredRating[];
  title: string | null;
  text: string;
  sentiment: string | null;
  analysis: unknown;
}

const METRIC_LABEL = { nps: "NPS", csat: "CSAT", ces: "CES", rating: "Rating" } as const;
const wordCache = new Map<string, RegExp>();

/** A keyword or phrase as a whole word, case-insensitive (letters of any script, so umlauts work). */
function wordPattern(keyword: string): RegExp {
  let re = wordCache.get(keyword);
  if (!re) {
    const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu");
    if (wordCache.size > 1000) wordCache.clear();
    wordCache.set(keyword, re);
  }
  return re;
}

const compare = (a: number, op: string, b: number): boolean =>
  op === "<=" ? a <= b : op === "<" ? a < b : op === ">=" ? a >= b : op === ">" ? a > b : a === b;

/** What of the record matched (for the summary and the case's aspect), or undefined. */
function matchOf(
  c: TFeedbackCondition,
  f: FeedbackRecord,
): { summary: string; aspect: string | null } | undefined {
  if (c.channels && !c.channels.includes(f.channel)) return undefined;
  const m = c.match;
  if (m.type === "rating") {
    const hit = f.ratings.find((r) => r.metric === m.metric && compare(r.value, m.op, m.value));
    return hit ? { summary: `${METRIC_LABEL[m.metric]} ${hit.value}`, aspect: null } : undefined;
  }
  if (m.type === "sentiment") {
    if (m.aspect === undefined)
      return f.sentiment === m.polarity ? { summary: `${m.polarity} sentiment`, aspect: null } : undefined;
    const aspects = ((f.analysis as { aspects?: AspectHit[] } | null)?.aspects ?? []).filter(
      (a) => a.aspect === m.aspect && a.label === m.polarity,
    );
    return aspects.length > 0 ? { summary: `${m.polarity} about ${m.aspect}`, aspect: m.aspect } : undefined;
  }
  const text = [f.title ?? "", f.text].join("\n");
  const keyword = m.keywords.find((k) => wordPattern(k).test(text));
  return keyword ? { summary: `mentions "${keyword}"`, aspect: null } : undefined;
}

const excerpt = (f: FeedbackRecord) => {
  const t = [f.title ?? "", f.text]
    .filter((s) => s.trim() !== "")
    .join(" – ")
    .replace(/\s+/g, " ");
  return t.length > 200 ? `${t.slice(0, 199)}…` : t;
};

/**
 * Signals of feedback records: per record, the first matching rule (most urgent first) raises one
 * signal whose ref is the record's id, so a record never raises two signals, whichever rules match
 * or however often it is evaluated. `ids` evaluates those records, `since` those received after it.
 */
export async function feedbackSignals(
  db: Db,
  workspaceId: string,
  rules: readonly FeedbackRule[],
  scope: { ids: readonly string[] } | { since: Date; limit: number },
): Promise<RuleSignal[]> {
  if (rules.length === 0) return [];
  let q = db
    .selectFrom("feedback as f")
    .leftJoin("feedback_enrichments as e", "e.feedback_id", "f.id")
    .select([
      "f.id",
      "f.channel",
      "f.customer_id",
      "f.touchpoint_id",
      "f.journey_id",
      "f.received_at",
      "f.ratings",
      "f.title",
      "f.text",
      "e.sentiment",
      "e.analysis",
    ])
    .where("f.workspace_id", "=", workspaceId)
    .where("f.finished", "=", true);
  if ("ids" in scope) {
    const ids = [...new Set(scope.ids.filter(isUuid))];
    if (ids.length === 0) return [];
    q = q.where("f.id", "in", ids);
  } else q = q.where("f.received_at", ">=", scope.since).orderBy("f.received_at", "desc").limit(scope.limit);
  const records = (await q.execute()) as FeedbackRecord[];
  const found: { rule: FeedbackRule; f: FeedbackRecord; summary: string; aspect: string | null }[] = [];
  for (const f of records) {
    for (const rule of rules) {
      if (rule.touchpoint_id && rule.touchpoint_id !== f.touchpoint_id) continue;
      if (rule.journey_id && rule.journey_id !== f.journey_id) continue;
      const m = matchOf(rule.parsed, f);
      if (m) {
        found.push({ rule, f, ...m });
        break;
      }
    }
  }
  const keys = await customerKeysOf(
    db,
    workspaceId,
    found.flatMap(({ f }) => (f.customer_id ? [f.customer_id] : [])),
  );
  return found.map(({ rule, f, summary, aspect }) => {
    const text = excerpt(f);
    return {
      rule,
      kind: "feedback",
      ref: f.id,
      customerId: f.customer_id ? (keys.get(f.customer_id) ?? null) : null,
      journeyId: rule.journey_id ?? f.journey_id,
      instanceKey: null,
      touchpointId: rule.touchpoint_id ?? f.touchpoint_id,
      channel: f.channel,
      aspect,
      summary: text ? `${summary}: ${text}` : summary,
      occurredAt: new Date(f.received_at),
    };
  });
}

import type { TAlert, TEmergingTopicDetails } from "../../alerts/alerts.schema.js";
import { type NewAlert, raiseAlerts } from "../../alerts/raise-alerts.js";
import type { Stores } from "../../stores.js";
import { loadTaxonomy } from "../aspects/get-taxonomy.js";
import { BASELINE_WEEKS, CRITICAL_Z, scoreWeek } from "./emerging-rule.js";

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Monday 00:00 UTC of the ISO week holding `t`. */
export function weekStart(t: Date): Date {
  const day = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - weekday * DAY);
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const round2 = (x: number) => Math.round(x * 100) / 100;
/** ClickHouse's DateTime64(3) text form. */
const chTime = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

interface WeekRow {
  week: string;
  kind: "aspect" | "topic";
  key: string;
  n: number;
  negative: number;
}

/**
 * The emerging-topic check (docs/api/understand.md §5) of one workspace at `now`: weekly mentions
 * per aspect and per topic of the current discovery run from `feedback_text` (FINAL, live rows).
 * The running week is checked, and the last complete week too, so a surge is still caught when the
 * check first runs after its week ended. Raises deduplicated `emerging_topic` alerts; returns the new ones.
 */
export async function detectEmergingTopics(
  stores: Pick<Stores, "sor" | "facts">,
  workspaceId: string,
  options: { now: Date },
): Promise<TAlert[]> {
  const { now } = options;
  const current = weekStart(now);
  // Ten weeks: the running one, the last complete one and the eight before that.
  const from = new Date(current.getTime() - (BASELINE_WEEKS + 1) * WEEK);
  const to = new Date(current.getTime() + WEEK);
  const facts = stores.facts;
  const rows = await facts.query<WeekRow>(
    `SELECT toString(toMonday(received_at, 'UTC')) AS week, 'aspect' AS kind, toString(a) AS key,
            count() AS n, countIf(p = -1) AS negative
     FROM ${facts.database}.feedback_text FINAL
     ARRAY JOIN aspect_keys AS a, aspect_polarities AS p
     WHERE workspace_id = {workspaceId:UUID} AND deleted = 0
       AND received_at >= {from:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
     GROUP BY week, key
     UNION ALL
     SELECT toString(toMonday(received_at, 'UTC')) AS week, 'topic' AS kind, topic_id AS key,
            count() AS n, countIf(sentiment = 'negative') AS negative
     FROM ${facts.database}.feedback_text FINAL
     WHERE workspace_id = {workspaceId:UUID} AND deleted = 0 AND topic_id != ''
       AND received_at >= {from:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
     GROUP BY week, key`,
    { workspaceId, from: chTime(from), to: chTime(to) },
  );
  if (rows.length === 0) return [];

  const { taxonomy } = await loadTaxonomy(stores.sor.db, workspaceId);
  const aspectLabels = new Map(taxonomy.aspects.map((a) => [a.key, a.label]));
  const topics = await stores.sor.db
    .selectFrom("text_topics")
    .select(["id", "label"])
    .where("workspace_id", "=", workspaceId)
    .execute();
  const topicLabels = new Map(topics.map((t) => [t.id, t.label]));

  const series = new Map<string, { kind: WeekRow["kind"]; key: string; weeks: Map<string, WeekRow> }>();
  for (const r of rows) {
    // Topics of an earlier run linger in facts rows until their refresh; only the current run counts.
    if (r.kind === "topic" && !topicLabels.has(r.key)) continue;
    const id = `${r.kind}:${r.key}`;
    const s = series.get(id) ?? { kind: r.kind, key: r.key, weeks: new Map<string, WeekRow>() };
    s.weeks.set(r.week, r);
    series.set(id, s);
  }

  const checked = [
    { start: current, elapsedDays: (now.getTime() - current.getTime()) / DAY },
    { start: new Date(current.getTime() - WEEK), elapsedDays: 7 },
  ];
  const alerts: NewAlert[] = [];
  for (const s of series.values()) {
    for (const { start, elapsedDays } of checked) {
      const week = isoDate(start);
      const row = s.weeks.get(week);
      if (!row) continue;
      const baseline = Array.from({ length: BASELINE_WEEKS }, (_, i) => {
        const w = isoDate(new Date(start.getTime() - (i + 1) * WEEK));
        return Number(s.weeks.get(w)?.n ?? 0);
      });
      const score = scoreWeek(Number(row.n), baseline, Math.min(7, elapsedDays));
      if (!score.fires) continue;
      const label =
        s.kind === "aspect"
          ? (aspectLabels.get(s.key) ?? { de: s.key, en: s.key })
          : { de: topicLabels.get(s.key) as string, en: topicLabels.get(s.key) as string };
      const details: TEmergingTopicDetails = {
        ...(s.kind === "aspect" ? { aspect: s.key } : { topicId: s.key }),
        label,
        week,
        count: score.count,
        projectedCount: round2(score.projected),
        partialWeek: elapsedDays < 7,
        baselineMean: round2(score.mean),
        baselineSd: round2(score.sd),
        z: round2(score.z),
        sentimentNegativeShare: round2(Number(row.negative) / score.count),
      };
      alerts.push({
        kind: "emerging_topic",
        dedupeKey: `emerging:${s.key}:${week}`,
        severity: score.z >= CRITICAL_Z ? "critical" : "warning",
        title: `Emerging ${s.kind}: ${label.en} — ${score.count} mentions in the week of ${week} (usually ${details.baselineMean})`,
        details,
      });
    }
  }
  return raiseAlerts(stores.sor.db, workspaceId, alerts);
}

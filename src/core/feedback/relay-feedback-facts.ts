import type { StoredRating } from "../db/schema.js";
import { isUuid } from "../ids.js";
import type { Stores } from "../stores.js";
import { redactPii } from "../text/redact.js";
import { stagesOfSteps } from "./check-references.js";

/** One row of the facts table `feedback` (src/core/facts/migrations.ts, 0002_feedback). */
export interface FeedbackFact {
  workspace_id: string;
  feedback_id: string;
  kind: string;
  channel: string;
  survey_id: string;
  touchpoint_id: string;
  journey_id: string;
  stage_id: string;
  step_id: string;
  persona_id: string;
  customer_id: string;
  customer_traits: string;
  language: string;
  received_at: string;
  finished: number;
  flagged: number;
  deleted: number;
  score_band: string;
  has_text: number;
  text: string;
  rating_metrics: string[];
  rating_questions: string[];
  rating_values: number[];
  rating_mins: number[];
  rating_maxs: number[];
  answers: Record<string, string>;
  version: number;
}

/** ClickHouse's DateTime64(3) text form, read the same by chDB and a server. */
const chTime = (d: Date | string) => new Date(d).toISOString().replace("T", " ").replace("Z", "");

/**
 * Writes the current state of feedback records of one workspace to the facts store: links
 * resolved (the step's stage in the journey's current document, the journey's persona), ratings
 * as parallel arrays, answers JSON-encoded, `version` = the record's version. Writing the same
 * version again yields an identical row, so a replayed relay collapses under FINAL. A record gone
 * from the system of record is written once more as deleted, with the next version.
 */
export async function relayFeedbackFacts(stores: Stores, workspaceId: string, ids: readonly string[]) {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return { written: 0, deleted: 0 };
  const { db } = stores.sor;
  const rows = await db
    .selectFrom("feedback as f")
    .leftJoin("journeys as j", (join) =>
      join.onRef("j.id", "=", "f.journey_id").onRef("j.workspace_id", "=", "f.workspace_id"),
    )
    .leftJoin("surveys as s", (join) =>
      join.onRef("s.id", "=", "f.survey_id").onRef("s.workspace_id", "=", "f.workspace_id"),
    )
    .select([
      "f.id",
      "f.kind",
      "f.channel",
      "f.survey_id",
      "f.touchpoint_id",
      "f.journey_id",
      "f.step_id",
      "f.customer_id",
      "f.customer",
      "f.language",
      "f.received_at",
      "f.finished",
      "f.flagged",
      "f.score_band",
      "f.title",
      "f.text",
      "f.ratings",
      "f.answers",
      "f.version",
      "j.persona_id",
      "j.document",
      "s.definition as survey_definition",
    ])
    .where("f.workspace_id", "=", workspaceId)
    .where("f.id", "in", wanted)
    .execute();

  const stageMaps = new Map<string, Map<string, string>>();
  const textQuestionSets = new Map<string, Set<string>>();
  const textQuestions = (surveyId: string | null, definition: unknown): Set<string> => {
    if (!surveyId) return new Set();
    let set = textQuestionSets.get(surveyId);
    if (!set) {
      const questions =
        (definition as { questions?: { id: string; type: string }[] } | null)?.questions ?? [];
      set = new Set(questions.filter((q) => q.type === "text").map((q) => q.id));
      textQuestionSets.set(surveyId, set);
    }
    return set;
  };
  const facts: FeedbackFact[] = rows.map((r) => {
    let stageId = "";
    if (r.journey_id && r.step_id && r.document) {
      let stages = stageMaps.get(r.journey_id);
      if (!stages) {
        stages = stagesOfSteps(r.document, r.journey_id);
        stageMaps.set(r.journey_id, stages);
      }
      stageId = stages.get(r.step_id) ?? "";
    }
    const ratings = r.ratings as StoredRating[];
    const traits = (r.customer as { traits?: unknown }).traits;
    // The title is part of what the customer wrote; analytics read one text, with PII redacted
    // (DESIGN §5): the inbox keeps the original, the facts store never sees addresses or numbers.
    const text = redactPii([r.title ?? "", r.text].filter((t) => t.trim() !== "").join("\n\n")).text;
    return {
      workspace_id: workspaceId,
      feedback_id: r.id,
      kind: r.kind,
      channel: r.channel,
      survey_id: r.survey_id ?? "",
      touchpoint_id: r.touchpoint_id ?? "",
      journey_id: r.journey_id ?? "",
      stage_id: stageId,
      step_id: r.step_id ?? "",
      persona_id: r.persona_id ?? "",
      customer_id: r.customer_id ?? "",
      customer_traits: JSON.stringify(traits && typeof traits === "object" ? traits : {}),
      language: r.language ?? "",
      received_at: chTime(r.received_at),
      finished: r.finished ? 1 : 0,
      flagged: r.flagged ? 1 : 0,
      deleted: 0,
      score_band: r.score_band ?? "",
      has_text: text === "" ? 0 : 1,
      text,
      rating_metrics: ratings.map((x) => x.metric),
      rating_questions: ratings.map((x) => x.questionId ?? ""),
      rating_values: ratings.map((x) => x.value),
      rating_mins: ratings.map((x) => x.min),
      rating_maxs: ratings.map((x) => x.max),
      // Free-text answers are text too: redacted like the record's text (choice ids are left alone).
      answers: Object.fromEntries(
        Object.entries(r.answers).map(([k, v]) => [
          k,
          JSON.stringify(
            typeof v === "string" && textQuestions(r.survey_id, r.survey_definition).has(k)
              ? redactPii(v).text
              : v,
          ),
        ]),
      ),
      version: r.version,
    };
  });

  const found = new Set(rows.map((r) => r.id));
  const gone = wanted.filter((id) => !found.has(id));
  const tombstones = gone.length === 0 ? [] : await tombstonesFor(stores, workspaceId, gone);
  await stores.facts.insert("feedback", [...facts, ...tombstones]);
  return { written: facts.length, deleted: tombstones.length };
}

/** Deleted copies of the live facts rows of records that no longer exist; none for ones already deleted. */
async function tombstonesFor(stores: Stores, workspaceId: string, ids: string[]): Promise<FeedbackFact[]> {
  const { facts } = stores;
  const live = await facts.query<FeedbackFact>(
    `SELECT * FROM ${facts.database}.feedback FINAL
     WHERE workspace_id = {ws:UUID} AND feedback_id IN {ids:Array(UUID)} AND deleted = 0`,
    { ws: workspaceId, ids },
  );
  return live.map((f) => ({
    ...f,
    deleted: 1,
    text: "",
    customer_id: "",
    customer_traits: "{}",
    answers: {},
    version: Number(f.version) + 1,
  }));
}

import { createHash } from "node:crypto";
import { isUuid } from "../../ids.js";
import type { Stores } from "../../stores.js";
import type { Polarity, TextLanguage } from "../analysis.js";
import { ENGINE } from "../analyze-text.js";
import { compileTaxonomy } from "../aspects/detect-aspects.js";
import { loadTaxonomy } from "../aspects/get-taxonomy.js";
import { loadTextSettings } from "../settings/get-text-settings.js";
import type { StoredAnalysis } from "./analysis.schema.js";
import { type FeedbackTextFact, factOf, tombstonesFor } from "./feedback-text-facts.js";
import { type ProviderItem, providerFor, type TextProvider } from "./provider.js";

export interface EnrichOptions {
  /** Re-analyse even when the stored input hash matches (backfills). */
  force?: boolean;
  /** The engine; the workspace's configured one when omitted. */
  provider?: TextProvider;
  /** config.webhooks.allowPrivateAddresses, for the workspace's HTTP provider. */
  allowPrivateAddresses?: boolean;
}

export interface EnrichCounts {
  /** Analysed now (new revision). */
  analysed: number;
  /** Same input as last time: the stored analysis was written to the facts store again. */
  unchanged: number;
  /** Gone from the system of record: written as deleted. */
  deleted: number;
}

/** What is analysed: the non-blank of title and text, joined by a blank line; offsets refer to it. */
export const analysedText = (title: string | null, text: string) =>
  [title ?? "", text].filter((t) => t.trim() !== "").join("\n\n");

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** Marks a stored hash that must not match again, so the next run retries the external provider. */
const FALLBACK_HASH = "fallback:";

const ruleLanguage = (language: string | null): "de" | "en" | null =>
  language === "de" || language === "en" ? language : null;

/**
 * The enrichment of feedback records (docs/api/understand.md §3): reads each record's current
 * title and text, skips the analysis when the input hash is unchanged, else analyses with the
 * workspace's engine and stores the result (`revision` + 1). Every record then gets its
 * `feedback_text` facts row (version = revision), so a replay, or a retry after a failed facts
 * write, rewrites the same version; records gone from the system of record get a deleted row.
 */
export async function enrichFeedback(
  stores: Stores,
  workspaceId: string,
  ids: readonly string[],
  options: EnrichOptions = {},
): Promise<EnrichCounts> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return { analysed: 0, unchanged: 0, deleted: 0 };
  const { db } = stores.sor;
  const settings = await loadTextSettings(db, workspaceId);
  const { version, taxonomy } = await loadTaxonomy(db, workspaceId);
  const provider =
    options.provider ??
    providerFor(settings.provider, {
      db,
      workspaceId,
      allowPrivateAddresses: options.allowPrivateAddresses ?? false,
    });
  const rows = await db
    .selectFrom("feedback as f")
    .leftJoin("feedback_enrichments as e", "e.feedback_id", "f.id")
    .select([
      "f.id",
      "f.kind",
      "f.channel",
      "f.survey_id",
      "f.touchpoint_id",
      "f.journey_id",
      "f.received_at",
      "f.title",
      "f.text",
      "f.language",
      "e.input_hash",
      "e.revision",
      "e.topic_id",
      "e.analysis",
    ])
    .where("f.workspace_id", "=", workspaceId)
    .where("f.id", "in", wanted)
    .execute();

  const records = rows.map((r) => {
    const text = analysedText(r.title, r.text);
    const language = ruleLanguage(r.language);
    const hash = sha256([provider.fingerprint, version, language ?? "", text].join("\n"));
    return { row: r, text, language, hash };
  });
  const stale = records.filter((r) => options.force || r.row.input_hash !== r.hash);
  const analyses = new Map<string, StoredAnalysis>();
  const withText: ProviderItem[] = [];
  for (const r of stale) {
    if (r.text.trim() !== "") withText.push({ id: r.row.id, text: r.text, language: r.language });
    else analyses.set(r.row.id, emptyAnalysis(r.row.language));
  }
  if (withText.length > 0) {
    const analysed = await provider.analyze(withText, { taxonomy, compiled: compileTaxonomy(taxonomy) });
    for (const [id, a] of analysed) analyses.set(id, a);
  }

  const revisions = new Map<string, number>();
  if (stale.length > 0) {
    const written = await db
      .insertInto("feedback_enrichments")
      .values(
        stale.map((r) => {
          const a = analyses.get(r.row.id) as StoredAnalysis;
          return {
            feedback_id: r.row.id,
            workspace_id: workspaceId,
            input_hash: a.fallbackReason === undefined ? r.hash : `${FALLBACK_HASH}${r.hash}`,
            engine: a.engine,
            language: a.language,
            sentiment: a.label,
            sentiment_score: a.score,
            aspect_keys: [...new Set(a.aspects.map((h) => h.aspect))],
            analysis: JSON.stringify(a),
            enriched_at: new Date(),
          };
        }),
      )
      .onConflict((oc) =>
        oc.column("feedback_id").doUpdateSet((eb) => ({
          input_hash: eb.ref("excluded.input_hash"),
          engine: eb.ref("excluded.engine"),
          language: eb.ref("excluded.language"),
          sentiment: eb.ref("excluded.sentiment"),
          sentiment_score: eb.ref("excluded.sentiment_score"),
          aspect_keys: eb.ref("excluded.aspect_keys"),
          analysis: eb.ref("excluded.analysis"),
          enriched_at: eb.ref("excluded.enriched_at"),
          revision: eb("feedback_enrichments.revision", "+", 1),
        })),
      )
      .returning(["feedback_id", "revision"])
      .execute();
    for (const w of written) revisions.set(w.feedback_id, w.revision);
  }

  const facts: FeedbackTextFact[] = records.map((r) => {
    const fresh = analyses.get(r.row.id);
    const analysis = fresh ?? (r.row.analysis as StoredAnalysis);
    const revision = fresh ? (revisions.get(r.row.id) ?? 1) : (r.row.revision ?? 1);
    return factOf(workspaceId, { ...r.row, text: r.text }, analysis, revision);
  });
  const found = new Set(rows.map((r) => r.id));
  const gone = wanted.filter((id) => !found.has(id));
  const tombstones = gone.length === 0 ? [] : await tombstonesFor(stores.facts, workspaceId, gone);
  await stores.facts.insert("feedback_text", [...facts, ...tombstones]);
  return { analysed: stale.length, unchanged: records.length - stale.length, deleted: tombstones.length };
}

/** A record without text: neutral, nothing found, the record's language when it has rules. */
function emptyAnalysis(language: string | null): StoredAnalysis {
  const lang: TextLanguage = ruleLanguage(language) ?? "other";
  const label: Polarity = "neutral";
  return { engine: ENGINE, language: lang, label, score: 0, clauses: [], aspects: [], keywords: [] };
}

import { createHash } from "node:crypto";
import { z } from "zod";
import { postJson } from "../../webhooks/post-webhook.js";
import type { AspectHit, Span } from "../analysis.js";
import { analyzeText, ENGINE } from "../analyze-text.js";
import { redactPii } from "../redact.js";
import type { HttpProviderSettings } from "../settings/text-settings.schema.js";
import type { StoredAnalysis } from "./analysis.schema.js";
import type { ProviderEnvironment, ProviderItem, TextProvider } from "./provider.js";

/** One request per enrichment message or backfill chunk (≤ 500 ids), so a call lasts at most one timeout, well inside the worker's lease. */
const TEXTS_PER_REQUEST = 500;
const MAX_ANSWER_BYTES = 5_000_000;
const ZPolarity = z.enum(["negative", "neutral", "positive"]);

/** One item of the provider's answer (docs/api/understand.md §3); also what the cache keeps. */
const ZProviderResult = z.object({
  id: z.string(),
  sentiment: z.object({ label: ZPolarity, score: z.number().min(-1).max(1) }),
  aspects: z
    .array(
      z.object({
        aspect: z.string(),
        label: ZPolarity,
        score: z.number().min(-1).max(1),
        triggers: z.array(z.string().max(200)).max(20).optional(),
      }),
    )
    .optional(),
});
type ProviderResult = z.infer<typeof ZProviderResult>;
const ZAnswer = z.object({ results: z.array(ZProviderResult) });

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Where the provider's trigger words (seen in the redacted text) stand in the original text. */
function locate(text: string, triggers: readonly string[]): Span[] {
  const lower = text.toLowerCase();
  const spans: Span[] = [];
  for (const t of triggers) {
    const at = t.trim() === "" ? -1 : lower.indexOf(t.toLowerCase());
    if (at >= 0) spans.push({ from: at, to: at + t.length, text: text.slice(at, at + t.length) });
  }
  return spans;
}

/**
 * An external classifier over HTTP. Texts leave PII-redacted, answers are cached per workspace by
 * (URL, aspect keys, language, redacted text), and any failure — refused address, timeout, error
 * status, bad JSON, a missing id — yields the built-in result marked "(fallback)" with the reason.
 * Language, keywords and clauses stay the built-in ones: the provider answers sentiment and aspects.
 */
export function httpProvider(settings: HttpProviderSettings, env: ProviderEnvironment): TextProvider {
  // A hand-edited URL that does not parse still names the engine; the request then falls back.
  const host = URL.canParse(settings.url) ? new URL(settings.url).host : settings.url;
  return {
    fingerprint: `http:${settings.url}|${ENGINE}`,
    async analyze(items, { taxonomy, compiled }) {
      const aspects = taxonomy.aspects.filter((a) => a.enabled);
      const known = new Set(aspects.map((a) => a.key));
      const aspectKeys = aspects.map((a) => a.key).join(",");
      const builtin = new Map(
        items.map((i) => [i.id, analyzeText(i.text, { compiled, language: i.language })]),
      );
      const pending: { item: ProviderItem; key: string; redacted: string; language: string }[] = [];
      for (const item of items) {
        if (item.text.trim() === "") continue;
        const language = builtin.get(item.id)?.language ?? "other";
        const redacted = redactPii(item.text).text;
        const key = sha256(`${settings.url}\n${aspectKeys}\n${language}\n${redacted}`);
        pending.push({ item, key, redacted, language });
      }

      const answers = new Map<string, ProviderResult>();
      const failures = new Map<string, string>();
      const cached =
        pending.length === 0
          ? []
          : await env.db
              .selectFrom("text_provider_cache")
              .select(["key", "result"])
              .where("workspace_id", "=", env.workspaceId)
              .where("key", "in", [...new Set(pending.map((p) => p.key))])
              .execute();
      const byKey = new Map(cached.map((c) => [c.key, ZProviderResult.safeParse(c.result).data]));
      const uncached = pending.filter((p) => {
        const hit = byKey.get(p.key);
        if (hit) answers.set(p.item.id, hit);
        return !hit;
      });

      let down: string | undefined;
      for (let i = 0; i < uncached.length; i += TEXTS_PER_REQUEST) {
        const batch = uncached.slice(i, i + TEXTS_PER_REQUEST);
        // After a failed request the rest of this call falls back at once instead of waiting again.
        if (down !== undefined) {
          for (const p of batch) failures.set(p.item.id, down);
          continue;
        }
        try {
          const results = await request(settings, env, {
            texts: batch.map((p) => ({ id: p.item.id, text: p.redacted, language: p.language })),
            aspects: aspects.map((a) => ({ key: a.key, label: a.label })),
          });
          const fresh: { key: string; result: ProviderResult }[] = [];
          for (const p of batch) {
            const result = results.get(p.item.id);
            if (!result) failures.set(p.item.id, "the provider's answer has no result for this text");
            else {
              answers.set(p.item.id, result);
              fresh.push({ key: p.key, result });
            }
          }
          if (fresh.length > 0)
            await env.db
              .insertInto("text_provider_cache")
              .values(
                fresh.map((f) => ({
                  workspace_id: env.workspaceId,
                  key: f.key,
                  result: JSON.stringify({ ...f.result, id: "" }),
                })),
              )
              .onConflict((oc) => oc.columns(["workspace_id", "key"]).doNothing())
              .execute();
        } catch (e) {
          down = e instanceof Error ? e.message : String(e);
          for (const p of batch) failures.set(p.item.id, down);
        }
      }

      const out = new Map<string, StoredAnalysis>();
      for (const item of items) {
        const own = builtin.get(item.id) as StoredAnalysis;
        const answer = answers.get(item.id);
        const failure = failures.get(item.id);
        if (failure !== undefined)
          out.set(item.id, { ...own, engine: `${ENGINE} (fallback)`, fallbackReason: failure });
        else if (!answer) out.set(item.id, own);
        else {
          const hits: AspectHit[] = (answer.aspects ?? [])
            .filter((a) => known.has(a.aspect))
            .map((a) => ({
              aspect: a.aspect,
              label: a.label,
              score: a.score,
              clause: -1,
              triggers: locate(item.text, a.triggers ?? []),
            }));
          out.set(item.id, {
            ...own,
            engine: `http:${host}`,
            label: answer.sentiment.label,
            score: answer.sentiment.score,
            clauses: [],
            aspects: hits,
          });
        }
      }
      return out;
    },
  };
}

/** One POST; the answer by text id, or an error whose message becomes the fallback reason. */
async function request(
  settings: HttpProviderSettings,
  env: ProviderEnvironment,
  body: unknown,
): Promise<Map<string, ProviderResult>> {
  const res = await postJson({
    url: settings.url,
    body: JSON.stringify(body),
    headers: {
      accept: "application/json",
      "user-agent": "Journeylens-Text/1",
      ...(settings.apiKey !== undefined && { authorization: `Bearer ${settings.apiKey}` }),
    },
    allowPrivateAddresses: env.allowPrivateAddresses,
    timeoutMs: settings.timeoutMs,
    maxResponseBytes: MAX_ANSWER_BYTES,
  });
  if (res.status < 200 || res.status >= 300) throw new Error(`the provider answered status ${res.status}`);
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    throw new Error("the provider's answer is not JSON");
  }
  const parsed = ZAnswer.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `the provider's answer does not match { results: [{ id, sentiment: { label, score } }] }: ${issue?.path.join(".")} ${issue?.message}`,
    );
  }
  return new Map(parsed.data.results.map((r) => [r.id, r]));
}

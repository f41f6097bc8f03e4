/**
 * The ingestion worker thread: decompresses, parses, checks and normalises one request's body and
 * writes its rows' facts lines, so the main thread only deduplicates, writes and answers
 * (prepare-pool.ts). The same functions run on the main thread without workers.
 */
import { parentPort } from "node:worker_threads";
import { isAppError } from "../errors.js";
import { linesOf } from "./event-row.js";
import { failedPayloadJson } from "./failed-events/record-failed-events.js";
import { prepareItems } from "./ingest-events.js";
import type { PreparedColumns, PrepareReply, PrepareRequest } from "./prepare-pool.js";
import { gunzipCappedSync, itemsOfBody, parseBodyObject } from "./request-body.js";

export function prepareRequest(m: PrepareRequest): PrepareReply {
  try {
    const bytes = m.gzip ? gunzipCappedSync(m.body, m.limits.maxRequestBytes) : m.body;
    const { items, envelope } = itemsOfBody(parseBodyObject(bytes), m.type, m.limits);
    const p = prepareItems(m.workspaceId, items, {
      ...(m.type && { type: m.type }),
      envelope,
      receivedAt: new Date(m.receivedAt),
      limits: m.limits,
      source: m.source,
    });
    const n = p.rows.length;
    const lines = linesOf(p.rows);
    const cols: PreparedColumns = {
      messageId: new Array(n),
      type: new Array(n),
      userId: new Array(n),
      anonymousId: new Array(n),
      previousId: new Array(n),
      timestamp: new Array(n),
      payloadHash: new Array(n),
      traits: new Array(n),
      consent: new Array(n),
      flags: new Uint8Array(n),
      lines: lines.bytes,
      lineEnds: lines.ends,
    };
    p.rows.forEach((r, i) => {
      cols.messageId[i] = r.message_id;
      cols.type[i] = r.type;
      cols.userId[i] = r.user_id;
      cols.anonymousId[i] = r.anonymous_id;
      cols.previousId[i] = r.previous_id;
      cols.timestamp[i] = r.timestamp;
      cols.payloadHash[i] = r.payload_hash;
      // Only identify's traits matter to the main thread (identity work, suppressed ids).
      cols.traits[i] = r.type === "identify" ? r.traits : "{}";
      cols.consent[i] = r.consent;
      cols.flags[i] = r.analytics_consent | (r.historical << 1);
    });
    // Refused items go back as their bounded JSON text: a deep item could not be posted as an object.
    const failed = p.failed.map((f) => ({ ...f, payload: null, payloadJson: failedPayloadJson(f.payload) }));
    return { id: m.id, ok: true, cols, rowIndex: p.rowIndex, failed, warnings: p.warnings };
  } catch (e) {
    if (isAppError(e))
      return { id: m.id, ok: false, error: { code: e.code, message: e.message, errors: e.errors } };
    return { id: m.id, ok: false, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

parentPort?.on("message", (m: PrepareRequest) => {
  const reply = prepareRequest(m);
  try {
    // The lines' buffers move to the main thread instead of being copied.
    parentPort?.postMessage(
      reply,
      reply.ok ? [reply.cols.lines.buffer as ArrayBuffer, reply.cols.lineEnds.buffer as ArrayBuffer] : [],
    );
  } catch (e) {
    // Never leave a request without an answer.
    parentPort?.postMessage({ id: m.id, ok: false, crash: `reply not sendable: ${String(e)}` });
  }
});

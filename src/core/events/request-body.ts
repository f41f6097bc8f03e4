import { gunzipSync } from "node:zlib";
import type { IngestLimits } from "../config.js";
import { AppError } from "../errors.js";
import type { TEventType } from "./event.schema.js";
import type { Envelope } from "./normalize-event.js";
import { deeperThan, isObject } from "./safe-json.js";

/**
 * An ingestion request's body from its bytes to its items, with the errors the API answers; pure, so
 * the main thread (server/routes/ingest-body.ts) and the ingestion worker (prepare-worker.ts) share it.
 */

export const tooLarge = (max: number) =>
  new AppError("payload_too_large", `The body exceeds ${max} bytes (decompressed)`);

const invalidJson = (message: string) =>
  new AppError("validation_failed", "The body is not valid JSON", {
    errors: [{ pointer: "/body", code: "invalid_json", message }],
  });

/** What a failed gunzip answers: 413 past the cap (a gzip bomb stops there), else invalid_json. */
export function gunzipError(err: unknown, max: number): AppError {
  if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return tooLarge(max);
  return invalidJson(`the gzip body is corrupt: ${(err as Error).message}`);
}

/** Gunzip stopping at `max` bytes, synchronously (on an ingestion worker thread, where blocking is what it is for). */
export function gunzipCappedSync(data: Uint8Array, max: number): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: max });
  } catch (err) {
    throw gunzipError(err, max);
  }
}

export const invalidBody = (pointer: string, message: string, code = "schema_violation") =>
  new AppError("validation_failed", message, { errors: [{ pointer, code, message }] });

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decoded bytes as a JSON object: invalid UTF-8 and JSON beyond the engine's nesting capacity are
 * 400 invalid_json, never a 5xx; any other JSON value is a 400 too.
 */
export function parseBodyObject(bytes: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw invalidJson("the body is not valid UTF-8");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw invalidJson(e instanceof Error ? e.message : "unparseable");
  }
  if (!isObject(parsed)) throw invalidBody("/body", "the body must be a JSON object");
  return parsed;
}

const object = (v: unknown, pointer: string): Record<string, unknown> | undefined => {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw invalidBody(pointer, `${pointer.slice(6)} must be an object`);
  return v;
};

/** The batch envelope without its items; nested beyond the limit it is refused as a whole. */
function envelopeOf(body: Record<string, unknown>, maxDepth: number): Envelope {
  const { batch: _, ...rest } = body;
  if (deeperThan(rest, maxDepth))
    throw invalidBody("/body", `the envelope nests deeper than ${maxDepth} levels`);
  return {
    context: object(rest.context, "/body/context"),
    integrations: object(rest.integrations, "/body/integrations"),
    sentAt: rest.sentAt,
    historical: rest.historical === true,
  };
}

/** A parsed body's items and envelope: one event for a single-event route, else the checked batch. */
export function itemsOfBody(
  parsed: Record<string, unknown>,
  type: TEventType | undefined,
  limits: Pick<IngestLimits, "maxBatchLength" | "maxDepth">,
): { items: unknown[]; envelope: Envelope } {
  if (type) return { items: [parsed], envelope: {} };
  if (!Array.isArray(parsed.batch)) throw invalidBody("/body/batch", "batch must be an array of events");
  if (parsed.batch.length > limits.maxBatchLength)
    throw invalidBody("/body/batch", `a batch holds at most ${limits.maxBatchLength} events`, "too_many");
  return { items: parsed.batch, envelope: envelopeOf(parsed, limits.maxDepth) };
}

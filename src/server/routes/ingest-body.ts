import { gunzip, gunzipSync } from "node:zlib";
import type { Context } from "hono";
import type { IngestLimits } from "../../core/config.js";
import { AppError } from "../../core/errors.js";
import type { TEventType } from "../../core/events/event.schema.js";
import type { Envelope } from "../../core/events/normalize-event.js";
import { deeperThan, isObject } from "../../core/events/safe-json.js";

const tooLarge = (max: number) =>
  new AppError("payload_too_large", `The body exceeds ${max} bytes (decompressed)`);

const invalidJson = (message: string) =>
  new AppError("validation_failed", "The body is not valid JSON", {
    errors: [{ pointer: "/body", code: "invalid_json", message }],
  });

/** Reads at most `max` bytes of the raw body; more is a 413 without buffering the rest. */
export async function readCapped(c: Context, max: number): Promise<Buffer> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > max) throw tooLarge(max);
  const body = c.req.raw.body;
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function gunzipCapped(data: Buffer, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxOutputLength stops inflating at the cap, so a gzip bomb costs at most `max` bytes.
    gunzip(data, { maxOutputLength: max }, (err, out) => {
      if (!err) return resolve(out);
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return reject(tooLarge(max));
      reject(invalidJson(`the gzip body is corrupt: ${err.message}`));
    });
  });
}

/** The same, synchronously (on an ingestion worker thread, where blocking is what it is for). */
export function gunzipCappedSync(data: Uint8Array, max: number): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: max });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(max);
    throw invalidJson(`the gzip body is corrupt: ${(err as Error).message}`);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The request's Content-Encoding: identity or gzip, else a 400. */
export function bodyEncoding(c: Context): "identity" | "gzip" {
  const encoding = (c.req.header("content-encoding") ?? "identity").toLowerCase().trim();
  if (encoding !== "identity" && encoding !== "gzip")
    throw new AppError("validation_failed", `Content-Encoding ${encoding} is not supported; send gzip`, {
      errors: [{ pointer: "/header/Content-Encoding", code: "unsupported", message: "use gzip or none" }],
    });
  return encoding;
}

/** Decoded bytes as JSON: invalid UTF-8 and JSON beyond the engine's nesting capacity are 400 invalid_json. */
export function parseJsonBody(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw invalidJson("the body is not valid UTF-8");
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalidJson(e instanceof Error ? e.message : "unparseable");
  }
}

/**
 * The request's JSON, decompressed and size-capped. Invalid UTF-8 and JSON beyond the engine's
 * nesting capacity are 400 invalid_json, never a 5xx.
 */
export async function readIngestBody(c: Context, maxBytes: number): Promise<unknown> {
  const encoding = bodyEncoding(c);
  const raw = await readCapped(c, maxBytes);
  return parseJsonBody(encoding === "gzip" ? await gunzipCapped(raw, maxBytes) : raw);
}

export const invalidBody = (pointer: string, message: string, code = "schema_violation") =>
  new AppError("validation_failed", message, { errors: [{ pointer, code, message }] });

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

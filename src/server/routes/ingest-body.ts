import { gunzip } from "node:zlib";
import type { Context } from "hono";
import { AppError } from "../../core/errors.js";

const tooLarge = (max: number) =>
  new AppError("payload_too_large", `The body exceeds ${max} bytes (decompressed)`);

const invalidJson = (message: string) =>
  new AppError("validation_failed", "The body is not valid JSON", {
    errors: [{ pointer: "/body", code: "invalid_json", message }],
  });

/** Reads at most `max` bytes of the raw body; more is a 413 without buffering the rest. */
async function readCapped(c: Context, max: number): Promise<Buffer> {
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

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The request's JSON, decompressed and size-capped. Invalid UTF-8 and JSON beyond the engine's
 * nesting capacity are 400 invalid_json, never a 5xx.
 */
export async function readIngestBody(c: Context, maxBytes: number): Promise<unknown> {
  const encoding = (c.req.header("content-encoding") ?? "identity").toLowerCase().trim();
  if (encoding !== "identity" && encoding !== "gzip")
    throw new AppError("validation_failed", `Content-Encoding ${encoding} is not supported; send gzip`, {
      errors: [{ pointer: "/header/Content-Encoding", code: "unsupported", message: "use gzip or none" }],
    });
  const raw = await readCapped(c, maxBytes);
  const bytes = encoding === "gzip" ? await gunzipCapped(raw, maxBytes) : raw;
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

import { gunzip } from "node:zlib";
import type { Context } from "hono";
import { AppError } from "../../core/errors.js";
import { gunzipError, parseBodyObject, tooLarge } from "../../core/events/request-body.js";

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
    gunzip(data, { maxOutputLength: max }, (err, out) =>
      err ? reject(gunzipError(err, max)) : resolve(out),
    );
  });
}

/** The request's Content-Encoding: identity or gzip, else a 400. */
export function bodyEncoding(c: Context): "identity" | "gzip" {
  const encoding = (c.req.header("content-encoding") ?? "identity").toLowerCase().trim();
  if (encoding !== "identity" && encoding !== "gzip")
    throw new AppError("validation_failed", `Content-Encoding ${encoding} is not supported; send gzip`, {
      errors: [{ pointer: "/header/Content-Encoding", code: "unsupported", message: "use gzip or none" }],
    });
  return encoding;
}

/** The request's JSON object, decompressed and size-capped (errors: core/events/request-body.ts). */
export async function readIngestBody(c: Context, maxBytes: number): Promise<Record<string, unknown>> {
  const encoding = bodyEncoding(c);
  const raw = await readCapped(c, maxBytes);
  return parseBodyObject(encoding === "gzip" ? await gunzipCapped(raw, maxBytes) : raw);
}

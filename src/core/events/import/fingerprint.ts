import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/**
 * The file's identity for resumable imports and message ids: sha256 of its bytes, as stored (a
 * gzipped log keeps its own fingerprint). Streamed, so any size takes constant memory (~1 s per GB).
 */
export async function fingerprintOf(source: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of source) hash.update(chunk);
  return hash.digest("hex");
}

export const fileFingerprint = (path: string) => fingerprintOf(createReadStream(path));

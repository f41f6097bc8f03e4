import type { FactsStore } from "../facts/client.js";

/**
 * Two 32-bit hashes of a string (FNV-1a and a multiply-xorshift variant, both over UTF-16 units),
 * combined by double hashing into the filter's probe positions.
 */
function hashes(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  // An odd step visits distinct positions.
  return [a >>> 0, (b | 1) >>> 0];
}

// 32 bits and 22 probes per id: about 2 in 10 million false positives when full (20 bits, 14
// probes: 0.007%; 10 bits, 7 probes: ~1%). Every false positive of a flush costs a lookup in the
// facts store, which also reads the ingestion log's unloaded segments (~100 ms of chDB's CPU): at
// 0.007% a 60 s benchmark of 3 million new ids made ~120 of them. 4 MB per million ids.
const PROBES = 22;
const BITS_PER_ID = 32;

/** One Bloom filter of fixed capacity (about 2·10⁻⁷ false positives when full). */
class Bloom {
  readonly bits: Uint32Array;
  readonly size: number;
  count = 0;

  constructor(readonly capacity: number) {
    this.size = Math.max(1024, capacity * BITS_PER_ID);
    this.bits = new Uint32Array(Math.ceil(this.size / 32));
  }

  add(a: number, b: number): void {
    for (let i = 0; i < PROBES; i++) {
      const bit = (a + Math.imul(i, b)) >>> 0;
      const p = bit % this.size;
      this.bits[p >>> 5] = (this.bits[p >>> 5] as number) | (1 << (p & 31));
    }
    this.count++;
  }

  has(a: number, b: number): boolean {
    for (let i = 0; i < PROBES; i++) {
      const bit = (a + Math.imul(i, b)) >>> 0;
      const p = bit % this.size;
      if (((this.bits[p >>> 5] as number) & (1 << (p & 31))) === 0) return false;
    }
    return true;
  }
}

/**
 * Which message ids the events table may hold: a growing Bloom filter (a new filter of twice the
 * capacity once the last is full), so "no" is certain and "maybe" is very rarely wrong.
 * The event writer asks it before looking ids up in the facts store: a new id, the usual case, then
 * costs no query, however large the table. Keyed by message id alone; another workspace's id only
 * makes a "maybe", which the lookup settles.
 *
 * Valid only while this process is the only writer of the table (the embedded store). It is filled
 * by a background scan of the table (`fill`); until that finished, `ready` is false and every id
 * must be looked up. Ids written meanwhile are added as they are stored, so nothing inserted
 * during the scan is missed.
 */
export class StoredIds {
  private filters: Bloom[];
  private scanned = false;

  constructor(initialCapacity = 1 << 20) {
    this.filters = [new Bloom(initialCapacity)];
  }

  get ready(): boolean {
    return this.scanned;
  }

  /** Ids added so far (scan and writes; an id added twice counts twice). */
  get count(): number {
    return this.filters.reduce((n, f) => n + f.count, 0);
  }

  /** Bytes held by the filters. */
  get bytes(): number {
    return this.filters.reduce((n, f) => n + f.bits.byteLength, 0);
  }

  add(messageId: string): void {
    const [a, b] = hashes(messageId);
    let last = this.filters[this.filters.length - 1] as Bloom;
    if (last.count >= last.capacity) {
      last = new Bloom(last.capacity * 2);
      this.filters.push(last);
    }
    last.add(a, b);
  }

  /** False: certainly never added. True: added, or (rarely) a false positive. */
  mightHave(messageId: string): boolean {
    const [a, b] = hashes(messageId);
    for (const f of this.filters) if (f.has(a, b)) return true;
    return false;
  }

  /**
   * Adds every message id of the events table, in pages along its sort key, then marks the filter
   * ready. A failure leaves it not ready (the writer keeps looking ids up) and is rethrown.
   */
  async fill(facts: FactsStore, pageSize = 200_000): Promise<void> {
    let after: { ws: string; id: string } | undefined;
    for (;;) {
      const rows = await facts.query<{ w: string; m: string }>(
        `SELECT toString(workspace_id) AS w, message_id AS m FROM ${facts.database}.events
         ${after ? "WHERE (workspace_id, message_id) > ({ws:UUID}, {id:String})" : ""}
         ORDER BY workspace_id, message_id LIMIT {limit:UInt32}`,
        { ...(after ?? {}), limit: pageSize },
      );
      for (const r of rows) this.add(r.m);
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) break;
      after = { ws: last.w, id: last.m };
    }
    this.scanned = true;
  }
}

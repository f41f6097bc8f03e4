import type { Db } from "./connect.js";

interface Entry<V> {
  value: V;
  at: number;
  generation: number;
}

/**
 * A short-lived cache of database reads per database handle and key, for lookups made on every
 * request (write keys, suppressions). `forget()` drops everything at once (after a change in this
 * process); other processes sharing the database see a change within `ttlMs`. A read that started
 * before a `forget()` is not cached as current. Bounded: past `limit` keys a handle's entries are cleared.
 */
export class DbReadCache<V> {
  private readonly byDb = new WeakMap<Db, Map<string, Entry<V>>>();
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly limit = 10_000,
  ) {}

  forget(): void {
    this.generation++;
  }

  async get(db: Db, key: string, load: () => Promise<V>): Promise<V> {
    let entries = this.byDb.get(db);
    if (!entries) {
      entries = new Map();
      this.byDb.set(db, entries);
    }
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.generation === this.generation && now - hit.at < this.ttlMs) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (entries.size >= this.limit) entries.clear();
    entries.set(key, { value, at: now, generation });
    return value;
  }
}

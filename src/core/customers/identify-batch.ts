import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { uuidv7 } from "../ids.js";
import { stableJson } from "./apply-traits.js";
import type { TIdentityPayload } from "./identity-payload.js";
import type { Seen } from "./resolve-customer.js";

type Identify = TIdentityPayload["identifies"][number];

interface Latest {
  /** Key-order-independent JSON of the value. */
  value: string;
  at: number;
  messageId: string;
}

const CHUNK = 1000;
const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Identifies applied in bulk, with the same rules as `resolveCustomer` + `applyTraits` + consent
 * one call at a time: the ids of the workspace's steps are read once, each identify is decided in
 * memory, and `flush` writes new customers, attached ids, widened seen ranges, trait changes, trait
 * patches and consent with a few set statements. An identify whose ids belong to several customers
 * (a merge) is not taken (`tryIdentify` answers false): the caller flushes, runs the one-at-a-time
 * path for it and calls `load` again. Runs under the workspace's identity lock.
 */
export class IdentifyBatch {
  private owner = new Map<string, string>();
  private latest = new Map<string, Map<string, Latest>>();
  private created = new Map<string, Seen>();
  private widened = new Map<string, Seen>();
  private attach: { workspace_id: string; distinct_id: string; customer_id: string }[] = [];
  private changes: {
    id: string;
    workspace_id: string;
    customer_id: string;
    trait: string;
    value: string;
    changed_at: Date;
    message_id: string;
  }[] = [];
  private patches = new Map<string, Record<string, unknown>>();
  private consent = new Map<string, string>();
  /** Every customer an identify resolved to, and those whose identities changed (for the mirror). */
  readonly touched = new Set<string>();
  readonly identitiesChanged = new Set<string>();
  traitChanges = 0;

  constructor(
    private readonly tx: Db,
    private readonly workspaceId: string,
  ) {}

  /** Reads the owners of these ids and the latest trait values of their customers. */
  async load(distinctIds: readonly string[]): Promise<void> {
    this.owner = new Map();
    this.latest = new Map();
    for (const part of chunks([...new Set(distinctIds)])) {
      const rows = await this.tx
        .selectFrom("customer_identities")
        .select(["distinct_id", "customer_id"])
        .where("workspace_id", "=", this.workspaceId)
        .where("distinct_id", "in", part)
        .execute();
      for (const r of rows) this.owner.set(r.distinct_id, r.customer_id);
    }
    for (const part of chunks([...new Set(this.owner.values())])) {
      const rows = await this.tx
        .selectFrom("customer_trait_changes")
        .select(["customer_id", "trait", "value", "changed_at", "message_id"])
        .distinctOn(["customer_id", "trait"])
        .where("customer_id", "in", part)
        .orderBy("customer_id")
        .orderBy("trait")
        .orderBy("changed_at", "desc")
        .orderBy("message_id", "desc")
        .orderBy("id", "desc")
        .execute();
      for (const r of rows)
        this.traitsOf(r.customer_id).set(r.trait, {
          value: stableJson(r.value),
          at: r.changed_at.getTime(),
          messageId: r.message_id ?? "",
        });
    }
  }

  private traitsOf(customerId: string): Map<string, Latest> {
    let m = this.latest.get(customerId);
    if (!m) {
      m = new Map();
      this.latest.set(customerId, m);
    }
    return m;
  }

  /** Applies one identify in memory; false when its ids belong to more than one customer. */
  tryIdentify(item: Identify, ids: readonly string[], at: Date): boolean {
    const owners = new Set<string>();
    for (const d of ids) {
      const o = this.owner.get(d);
      if (o !== undefined) owners.add(o);
    }
    if (owners.size > 1) return false;
    let customerId = owners.values().next().value as string | undefined;
    if (customerId === undefined) {
      customerId = uuidv7();
      this.created.set(customerId, { first: at, last: at });
    } else {
      const range = this.created.get(customerId) ?? this.widened.get(customerId);
      if (!range) this.widened.set(customerId, { first: at, last: at });
      else {
        if (at < range.first) range.first = at;
        if (at > range.last) range.last = at;
      }
    }
    for (const d of ids)
      if (!this.owner.has(d)) {
        this.owner.set(d, customerId);
        this.attach.push({ workspace_id: this.workspaceId, distinct_id: d, customer_id: customerId });
        this.identitiesChanged.add(customerId);
      }
    if (this.created.has(customerId)) this.identitiesChanged.add(customerId);
    this.applyTraits(customerId, item, at);
    if (item.consent) this.consent.set(customerId, JSON.stringify(item.consent));
    this.touched.add(customerId);
    return true;
  }

  private applyTraits(customerId: string, item: Identify, at: Date): void {
    const latest = this.traitsOf(customerId);
    const t = at.getTime();
    for (const name of Object.keys(item.traits)) {
      const value = item.traits[name] ?? null;
      const stable = stableJson(value);
      const prev = latest.get(name);
      if (prev) {
        const newer = t > prev.at || (t === prev.at && item.messageId > prev.messageId);
        if (!newer || prev.value === stable) continue;
      }
      latest.set(name, { value: stable, at: t, messageId: item.messageId });
      this.changes.push({
        id: uuidv7(),
        workspace_id: this.workspaceId,
        customer_id: customerId,
        trait: name,
        value: JSON.stringify(value),
        changed_at: at,
        message_id: item.messageId,
      });
      let patch = this.patches.get(customerId);
      if (!patch) {
        patch = Object.create(null) as Record<string, unknown>;
        this.patches.set(customerId, patch);
      }
      patch[name] = value;
      this.traitChanges++;
    }
  }

  /** Writes what the identifies taken so far decided. */
  async flush(): Promise<void> {
    const tx = this.tx;
    for (const part of chunks([...this.created]))
      await tx
        .insertInto("customers")
        .values(
          part.map(([id, s]) => ({
            id,
            workspace_id: this.workspaceId,
            first_seen: s.first,
            last_seen: s.last,
          })),
        )
        .execute();
    for (const part of chunks(this.attach))
      await tx
        .insertInto("customer_identities")
        .values(part)
        .onConflict((oc) => oc.columns(["workspace_id", "distinct_id"]).doNothing())
        .execute();
    for (const part of chunks([...this.widened])) {
      const ids = part.map(([id]) => id);
      const firsts = part.map(([, s]) => s.first.toISOString());
      const lasts = part.map(([, s]) => s.last.toISOString());
      await sql`update customers c set first_seen = least(c.first_seen, v.f), last_seen = greatest(c.last_seen, v.l),
          updated_at = now()
        from unnest(${ids}::uuid[], ${firsts}::timestamptz[], ${lasts}::timestamptz[]) as v(id, f, l)
        where c.id = v.id and (c.first_seen > v.f or c.last_seen < v.l)`.execute(tx);
    }
    for (const part of chunks(this.changes))
      await tx.insertInto("customer_trait_changes").values(part).execute();
    for (const part of chunks([...this.patches])) {
      const ids = part.map(([id]) => id);
      const patches = part.map(([, p]) => JSON.stringify(p));
      await sql`update customers c set traits = c.traits || v.p, version = c.version + 1, updated_at = now()
        from unnest(${ids}::uuid[], ${patches}::jsonb[]) as v(id, p) where c.id = v.id`.execute(tx);
    }
    for (const part of chunks([...this.consent])) {
      const ids = part.map(([id]) => id);
      const values = part.map(([, c]) => c);
      await sql`update customers c set consent = v.c, updated_at = now()
        from unnest(${ids}::uuid[], ${values}::jsonb[]) as v(id, c)
        where c.id = v.id and c.consent is distinct from v.c`.execute(tx);
    }
    this.created = new Map();
    this.widened = new Map();
    this.attach = [];
    this.changes = [];
    this.patches = new Map();
    this.consent = new Map();
  }
}

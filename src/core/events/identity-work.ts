import type { Db } from "../db/connect.js";
import { enqueue } from "../outbox/enqueue.js";
import type { EventRow } from "./event-row.js";

/** Outbox topic of the identity work the event writer hands to the identity handler (contract §1). */
export const IDENTITY_TOPIC = "events.identity";

export interface IdentityWork {
  ids: Array<{ userId?: string; anonymousId?: string; firstSeen: string; lastSeen: string }>;
  identifies: Array<{
    messageId: string;
    userId?: string;
    anonymousId?: string;
    traits: Record<string, unknown>;
    timestamp: string;
    /** The identify's `context.consent.categoryPreferences`, when it had any. */
    consent?: Record<string, unknown>;
  }>;
  aliases: Array<{ messageId: string; previousId: string; userId: string; timestamp: string }>;
}

/** Items per outbox message, so one handler run stays short and its payload small. */
export const IDENTITY_ITEMS_PER_MESSAGE = 2_000;

const present = (id: string) => (id === "" ? undefined : id);

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text || "{}");
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The columns of a stored row the identity work reads. */
export type IdentityRow = Pick<
  EventRow,
  | "workspace_id"
  | "message_id"
  | "type"
  | "user_id"
  | "anonymous_id"
  | "previous_id"
  | "timestamp"
  | "traits"
  | "consent"
>;

type SeenId = IdentityWork["ids"][number];

interface WorkspaceWork {
  ids: Map<string, SeenId>;
  identifies: IdentityWork["identifies"];
  aliases: IdentityWork["aliases"];
}

/**
 * Identity work gathered per workspace across rows, flushes and log segments: each distinct
 * (userId, anonymousId) pair once with its first and last event time, every identify with its
 * traits, every alias.
 */
export class IdentityWorkSet {
  private readonly byWorkspace = new Map<string, WorkspaceWork>();

  private of(workspaceId: string): WorkspaceWork {
    let w = this.byWorkspace.get(workspaceId);
    if (!w) {
      w = { ids: new Map(), identifies: [], aliases: [] };
      this.byWorkspace.set(workspaceId, w);
    }
    return w;
  }

  /** Widens a pair's seen range; DateTime64 text in one fixed form compares like the times it names. */
  private static widen(seen: SeenId, first: string, last: string): void {
    if (first < seen.firstSeen) seen.firstSeen = first;
    if (last > seen.lastSeen) seen.lastSeen = last;
  }

  addRows(rows: readonly IdentityRow[]): this {
    for (const r of rows) {
      const w = this.of(r.workspace_id);
      const userId = present(r.user_id);
      const anonymousId = present(r.anonymous_id);
      const key = `${r.user_id}\u0000${r.anonymous_id}`;
      const seen = w.ids.get(key);
      if (!seen)
        w.ids.set(key, {
          ...(userId !== undefined && { userId }),
          ...(anonymousId !== undefined && { anonymousId }),
          firstSeen: r.timestamp,
          lastSeen: r.timestamp,
        });
      else IdentityWorkSet.widen(seen, r.timestamp, r.timestamp);
      if (r.type === "identify")
        w.identifies.push({
          messageId: r.message_id,
          ...(userId !== undefined && { userId }),
          ...(anonymousId !== undefined && { anonymousId }),
          traits: parseObject(r.traits),
          timestamp: r.timestamp,
          ...(r.consent !== "" && { consent: parseObject(r.consent) }),
        });
      else if (r.type === "alias")
        w.aliases.push({
          messageId: r.message_id,
          previousId: r.previous_id,
          userId: r.user_id,
          timestamp: r.timestamp,
        });
    }
    return this;
  }

  /** Adds another set's work (seen ranges of the same pair merge). */
  merge(other: IdentityWorkSet): this {
    for (const [workspaceId, o] of other.byWorkspace) {
      const w = this.of(workspaceId);
      for (const [key, id] of o.ids) {
        const seen = w.ids.get(key);
        if (seen) IdentityWorkSet.widen(seen, id.firstSeen, id.lastSeen);
        else w.ids.set(key, { ...id });
      }
      w.identifies.push(...o.identifies);
      w.aliases.push(...o.aliases);
    }
    return this;
  }

  workspaces(): string[] {
    return [...this.byWorkspace.keys()];
  }

  /**
   * One workspace's work in messages of at most `perMessage` items, without the pairs
   * `alreadySent` covers; no work gives no message.
   */
  messages(
    workspaceId: string,
    perMessage = IDENTITY_ITEMS_PER_MESSAGE,
    alreadySent: (id: SeenId) => boolean = () => false,
  ): IdentityWork[] {
    const w = this.byWorkspace.get(workspaceId);
    if (!w) return [];
    const { identifies, aliases } = w;
    const all = [...w.ids.values()].filter((id) => !alreadySent(id));
    const messages: IdentityWork[] = [];
    let [a, b, c] = [0, 0, 0];
    while (a < aliases.length || b < identifies.length || c < all.length) {
      // Aliases and identifies first: the ids they link then arrive in the same message.
      const nAliases = Math.min(perMessage, aliases.length - a);
      const nIdentifies = Math.min(perMessage - nAliases, identifies.length - b);
      const nIds = Math.min(perMessage - nAliases - nIdentifies, all.length - c);
      messages.push({
        ids: all.slice(c, c + nIds),
        identifies: identifies.slice(b, b + nIdentifies),
        aliases: aliases.slice(a, a + nAliases),
      });
      a += nAliases;
      b += nIdentifies;
      c += nIds;
    }
    return messages;
  }
}

/**
 * Enqueues a set's work (`events.identity`) in one transaction, per workspace in messages of at most
 * IDENTITY_ITEMS_PER_MESSAGE items without the pairs `sent` covers, and notes the sent pairs once
 * committed. With `everyWorkspace`, a workspace whose work is all covered still gets an empty message
 * (its handler then only schedules the workspace's refreshes).
 */
export async function enqueueIdentityWork(
  db: Db,
  set: IdentityWorkSet,
  sent: SentRanges,
  options: { everyWorkspace?: boolean } = {},
): Promise<void> {
  const work = set.workspaces().map((workspaceId) => {
    const messages = set.messages(workspaceId, IDENTITY_ITEMS_PER_MESSAGE, (id) =>
      sent.covers(workspaceId, id),
    );
    if (messages.length === 0 && options.everyWorkspace)
      messages.push({ ids: [], identifies: [], aliases: [] });
    return { workspaceId, messages };
  });
  if (!work.some((w) => w.messages.length > 0)) return;
  await db.transaction().execute(async (tx) => {
    for (const { workspaceId, messages } of work)
      for (const payload of messages) await enqueue(tx, { workspaceId, topic: IDENTITY_TOPIC, payload });
  });
  for (const { workspaceId, messages } of work)
    for (const m of messages) for (const id of m.ids) sent.note(workspaceId, id);
}

const ms = (t: string) => Date.parse(`${t.replace(" ", "T")}Z`);

/**
 * Seen ranges of distinct id pairs this process has enqueued, so a returning user's events do not
 * repeat identity work: a range inside the sent one, extending it by less than `slackMs`, is left
 * out (last-seen times are then up to `slackMs` early). Bounded; the oldest pairs go first.
 */
export class SentRanges {
  private readonly ranges = new Map<string, { first: string; last: string }>();

  constructor(
    readonly capacity: number,
    readonly slackMs = 60_000,
  ) {}

  private key(workspaceId: string, id: IdentityWork["ids"][number]): string {
    return `${workspaceId}\u0000${id.userId ?? ""}\u0000${id.anonymousId ?? ""}`;
  }

  covers(workspaceId: string, id: IdentityWork["ids"][number]): boolean {
    const sent = this.ranges.get(this.key(workspaceId, id));
    return sent !== undefined && id.firstSeen >= sent.first && ms(id.lastSeen) - ms(sent.last) < this.slackMs;
  }

  /** Call once the work is committed, never before: work that failed to enqueue must be sent again. */
  note(workspaceId: string, id: IdentityWork["ids"][number]): void {
    const key = this.key(workspaceId, id);
    const sent = this.ranges.get(key);
    if (sent) this.ranges.delete(key);
    this.ranges.set(key, {
      first: sent && sent.first < id.firstSeen ? sent.first : id.firstSeen,
      last: sent && sent.last > id.lastSeen ? sent.last : id.lastSeen,
    });
    if (this.ranges.size > this.capacity) {
      const oldest = this.ranges.keys().next().value;
      if (oldest !== undefined) this.ranges.delete(oldest);
    }
  }
}

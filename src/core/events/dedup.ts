/**
 * Recently written (workspace, messageId) → payload hash, in front of the facts lookup. Bounded:
 * beyond `capacity` the oldest entries go first (insertion order), so retries within the recent
 * window never reach the facts store. One map per workspace keeps keys to the id itself.
 */
export class RecentIds {
  private readonly byWorkspace = new Map<string, Map<string, string>>();
  /** Insertion order across workspaces, for eviction; entries are [workspace, messageId]. */
  private readonly order: Array<[string, string] | undefined> = [];
  private head = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.order.length - this.head;
  }

  get(workspaceId: string, messageId: string): string | undefined {
    return this.byWorkspace.get(workspaceId)?.get(messageId);
  }

  set(workspaceId: string, messageId: string, payloadHash: string): void {
    let ids = this.byWorkspace.get(workspaceId);
    if (!ids) {
      ids = new Map();
      this.byWorkspace.set(workspaceId, ids);
    }
    if (ids.has(messageId)) return;
    ids.set(messageId, payloadHash);
    this.order.push([workspaceId, messageId]);
    while (this.size > this.capacity) this.evictOldest();
    // Compact the eviction queue now and then instead of shifting it on every eviction.
    if (this.head > 65_536 && this.head * 2 > this.order.length) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
  }

  private evictOldest(): void {
    const entry = this.order[this.head];
    this.order[this.head++] = undefined;
    if (!entry) return;
    const ids = this.byWorkspace.get(entry[0]);
    ids?.delete(entry[1]);
    if (ids?.size === 0) this.byWorkspace.delete(entry[0]);
  }
}

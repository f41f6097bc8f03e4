import { uuidv7 } from "../core/ids.js";
import type { Stores } from "../core/stores.js";

/**
 * Touchpoints and personas written straight into the tables: journey tests must not depend on
 * the touchpoint and persona use cases, which evolve on their own.
 */
export async function insertTouchpoint(
  stores: Stores,
  workspaceId: string,
  opts: {
    name: string;
    kind?: "direct" | "indirect" | "hidden";
    ownerUserId?: string | null;
    ownerTeam?: string | null;
    eventMatchers?: unknown[];
  },
): Promise<string> {
  const id = uuidv7();
  await stores.sor.db
    .insertInto("touchpoints")
    .values({
      id,
      workspace_id: workspaceId,
      key: `tp-${id}`,
      name: opts.name,
      channel: "web",
      kind: opts.kind ?? "direct",
      department: null,
      owner_user_id: opts.ownerUserId ?? null,
      owner_team: opts.ownerTeam ?? null,
      tags: "[]",
      internal_rating_by: null,
      internal_rating_at: null,
      event_matchers: JSON.stringify(opts.eventMatchers ?? []),
    })
    .execute();
  return id;
}

export async function insertPersona(stores: Stores, workspaceId: string, name: string): Promise<string> {
  const id = uuidv7();
  await stores.sor.db
    .insertInto("personas")
    .values({
      id,
      workspace_id: workspaceId,
      key: `p-${id}`,
      name,
      goals: "[]",
      needs: "[]",
      frustrations: "[]",
      channels: "[]",
      segment_rule: null,
    })
    .execute();
  return id;
}

/** A journey document in the client's shape, with a step per title in each stage. */
export const journeyInput = (
  title: string,
  stages: Record<string, (string | Record<string, unknown>)[]>,
) => ({
  title,
  stages: Object.entries(stages).map(([name, steps]) => ({
    name,
    steps: steps.map((s) => (typeof s === "string" ? { title: s } : s)),
  })),
});

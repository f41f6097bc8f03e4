import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Db } from "../core/db/connect.js";
import { uuidv7 } from "../core/ids.js";
import type { Stores } from "../core/stores.js";
import type { StoreVariant } from "./stores.js";

/** A bare workspace row: the outbox only needs something to point `workspace_id` at. */
export async function insertWorkspace(db: Db): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto("workspaces")
    .values({ id, name: "W", slug: `w-${Math.random().toString(36).slice(2, 10)}` })
    .execute();
  return id;
}

export const outboxRow = (db: Db, id: string) =>
  db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

export interface OutboxFixture {
  stores: Stores;
  db: Db;
  /** A workspace to enqueue messages for. */
  ws: string;
}

/**
 * Registers an outbox describe block's hooks: fresh stores with one workspace, handed to `onReady`
 * before the first test, and an empty outbox before each test, because claimBatch sees every workspace.
 */
export function useOutboxFixture(variant: StoreVariant, onReady: (fixture: OutboxFixture) => void): void {
  let stores: Stores | undefined;
  beforeAll(async () => {
    stores = await variant.open();
    const db = stores.sor.db;
    onReady({ stores, db, ws: await insertWorkspace(db) });
  });
  afterAll(() => stores?.close());
  beforeEach(async () => {
    await stores?.sor.db.deleteFrom("outbox").execute();
  });
}

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { storeVariants } from "../../testing/stores.js";
import { uuidv7 } from "../ids.js";
import type { Stores } from "../stores.js";
import { API_KEY_CACHE_MS, forgetApiKeys, generateApiKeySecret, resolveApiKey } from "./api-keys.js";
import { sha256 } from "./secrets.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("API key lookups on %s", (_name, variant) => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await variant.open();
  });
  afterAll(() => stores.close());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function key(scopes = ["ingest"]) {
    const workspaceId = uuidv7();
    await stores.sor.db
      .insertInto("workspaces")
      .values({ id: workspaceId, name: "Keys", slug: `keys-${workspaceId}` })
      .execute();
    const { prefix, secret } = generateApiKeySecret();
    const id = uuidv7();
    await stores.sor.db
      .insertInto("api_keys")
      .values({
        id,
        workspace_id: workspaceId,
        name: "k",
        prefix,
        secret_hash: sha256(secret),
        scopes: JSON.stringify(scopes),
      })
      .execute();
    return { id, workspaceId, secret };
  }

  const revokeBehindTheCache = (id: string) =>
    stores.sor.db.updateTable("api_keys").set({ revoked_at: new Date() }).where("id", "=", id).execute();

  it("reuses a lookup for a few seconds: a revocation by another process shows within that time", async () => {
    const k = await key();
    expect(await resolveApiKey(stores.sor.db, k.secret)).toEqual({
      keyId: k.id,
      workspaceId: k.workspaceId,
      scopes: ["ingest"],
    });
    await revokeBehindTheCache(k.id);
    // Still the cached lookup: another process's revocation is not seen yet.
    expect(await resolveApiKey(stores.sor.db, k.secret)).toMatchObject({ keyId: k.id });
    const now = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(now + API_KEY_CACHE_MS + 1);
    expect(await resolveApiKey(stores.sor.db, k.secret)).toBeUndefined();
  });

  it("forgets every cached lookup when this process revokes a key", async () => {
    const k = await key();
    expect(await resolveApiKey(stores.sor.db, k.secret)).toBeDefined();
    await revokeBehindTheCache(k.id);
    forgetApiKeys();
    expect(await resolveApiKey(stores.sor.db, k.secret)).toBeUndefined();
  });

  it("refuses a wrong secret with a known prefix, also once the right one is cached", async () => {
    const k = await key();
    expect(await resolveApiKey(stores.sor.db, k.secret)).toBeDefined();
    const wrong = `${k.secret.slice(0, 12)}${"A".repeat(43)}`;
    expect(await resolveApiKey(stores.sor.db, wrong)).toBeUndefined();
    expect(await resolveApiKey(stores.sor.db, k.secret)).toBeDefined();
  });

  it("touches last_used_at once, not on every cached lookup", async () => {
    const k = await key();
    await resolveApiKey(stores.sor.db, k.secret);
    const first = await stores.sor.db
      .selectFrom("api_keys")
      .select("last_used_at")
      .where("id", "=", k.id)
      .executeTakeFirstOrThrow();
    expect(first.last_used_at).not.toBeNull();
    const update = vi.spyOn(stores.sor.db, "updateTable");
    for (let i = 0; i < 5; i++) await resolveApiKey(stores.sor.db, k.secret);
    expect(update).not.toHaveBeenCalled();
  });
});

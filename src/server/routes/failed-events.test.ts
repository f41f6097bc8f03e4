import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { basic, storedEvents } from "../../testing/ingest.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "failed events API on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let call: ReturnType<typeof client>;
    let key: string;
    const path = (suffix = "") => `/api/v1/workspaces/${ws.workspaceId}/failed-events${suffix}`;
    const ingest = (route: string, body: unknown) =>
      call("POST", route, { body, headers: { authorization: basic(key) } });

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Stadtwerke");
      key = await ws.key(["ingest"]);
      call = client(testApp(stores));
      await ingest("/v1/batch", {
        batch: [
          { type: "track", userId: "u-1", messageId: "f-name" },
          { type: "track", event: "Order Completed", messageId: "f-identity" },
          {
            type: "track",
            event: "x",
            userId: "u-1",
            messageId: "f-big",
            properties: { t: "z".repeat(70_000) },
          },
        ],
      });
      // A single-event route keeps its type with the item, so the replay knows it.
      await ingest("/v1/page", { name: "Checkout", messageId: "f-page", writeKey: "jl_secret" });
    });
    afterAll(async () => {
      await stores.close();
    });

    it("lists newest first with cursor pagination and a code filter; admins only", async () => {
      const all = await call("GET", path(), { cookie: ws.ownerCookie });
      expect(all.status).toBe(200);
      expect(all.body.items.map((i: { messageId: string }) => i.messageId)).toEqual([
        "f-page",
        "f-big",
        "f-identity",
        "f-name",
      ]);
      const first = await call("GET", path("?limit=2"), { cookie: ws.ownerCookie });
      expect(first.body.items).toHaveLength(2);
      const second = await call("GET", path(`?limit=2&cursor=${first.body.nextCursor}`), {
        cookie: ws.ownerCookie,
      });
      expect(second.body.items.map((i: { messageId: string }) => i.messageId)).toEqual([
        "f-identity",
        "f-name",
      ]);
      expect(second.body.nextCursor).toBeNull();
      const identity = await call("GET", path("?code=missing_identity"), { cookie: ws.ownerCookie });
      expect(identity.body.items.map((i: { messageId: string }) => i.messageId)).toEqual([
        "f-page",
        "f-identity",
      ]);
      const big = all.body.items.find((i: { messageId: string }) => i.messageId === "f-big");
      expect(big).toMatchObject({
        code: "event_too_large",
        truncated: true,
        source: "http",
        status: "failed",
      });
      expect(Buffer.byteLength(big.payload)).toBeLessThanOrEqual(64 * 1024);
      const analyst = await ws.member("analyst");
      expect((await call("GET", path(), { cookie: analyst.cookie })).status).toBe(403);
      expect((await call("GET", path("?code=nope"), { cookie: ws.ownerCookie })).status).toBe(400);
    });

    it("replays a fixed cause: stored, marked replayed; still failing is 422 and changes nothing", async () => {
      const list = (await call("GET", path(), { cookie: ws.ownerCookie })).body.items as {
        id: string;
        messageId: string;
      }[];
      const idOf = (m: string) => list.find((i) => i.messageId === m)?.id ?? "";
      const stillFailing = await call("POST", path(`/${idOf("f-name")}/replay`), { cookie: ws.ownerCookie });
      expect(stillFailing.status).toBe(422);
      expect(stillFailing.body.errors[0].code).toBe("missing_event_name");
      expect((await call("POST", path(`/${idOf("f-big")}/replay`), { cookie: ws.ownerCookie })).status).toBe(
        422,
      );

      // The identity is still missing: fix it in the kept payload as an admin would after a client fix.
      await stores.sor.db
        .updateTable("failed_events")
        .set({
          payload: JSON.stringify({
            type: "track",
            event: "Order Completed",
            userId: "u-9",
            messageId: "f-identity",
          }),
        })
        .where("id", "=", idOf("f-identity"))
        .execute();
      const replayed = await call("POST", path(`/${idOf("f-identity")}/replay`), { cookie: ws.ownerCookie });
      expect(replayed.status).toBe(200);
      expect(replayed.body).toMatchObject({ status: "replayed", messageId: "f-identity" });
      expect(replayed.body.replayedAt).not.toBeNull();
      const stored = (await storedEvents(stores, ws.workspaceId)).find((e) => e.message_id === "f-identity");
      expect(stored).toMatchObject({ event: "Order Completed", user_id: "u-9", source: "replay" });
      expect(
        (await call("POST", path(`/${idOf("f-identity")}/replay`), { cookie: ws.ownerCookie })).status,
      ).toBe(409);
      expect((await call("POST", path("/not-a-uuid/replay"), { cookie: ws.ownerCookie })).status).toBe(404);

      const page = await stores.sor.db
        .selectFrom("failed_events")
        .select("payload")
        .where("id", "=", idOf("f-page"))
        .executeTakeFirstOrThrow();
      expect(JSON.parse(page.payload)).toEqual({ type: "page", name: "Checkout", messageId: "f-page" });
      const name = await stores.sor.db
        .selectFrom("failed_events")
        .select("status")
        .where("id", "=", idOf("f-name"))
        .executeTakeFirstOrThrow();
      expect(name.status).toBe("failed");
    });
  },
);

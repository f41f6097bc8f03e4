import { createRoute, z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../core/stores.js";
import { type SeededWorkspace, seedWorkspace, testApp } from "../testing/app.js";
import { storeVariants } from "../testing/stores.js";
import { PUBLIC_PREFIX, walkTenantIsolation } from "../testing/tenant-isolation.js";
import { requireWorkspace } from "./middleware/auth.js";
import { routeTable } from "./route-table.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "tenant isolation on %s",
  (_name, variant) => {
    let stores: Stores;
    let a: SeededWorkspace;
    let b: SeededWorkspace;
    let credentials: { label: string; headers: Record<string, string> }[];

    beforeAll(async () => {
      stores = await variant.open();
      a = await seedWorkspace(stores, "A");
      b = await seedWorkspace(stores, "B");
      const key = await a.key(["ingest", "read", "write", "admin"]);
      // Use the key once so its last-used stamp does not change during the walk.
      await testApp(stores).request(`/api/v1/workspaces/${a.workspaceId}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      credentials = [
        { label: "owner session", headers: { cookie: a.ownerCookie } },
        { label: "admin API key", headers: { authorization: `Bearer ${key}` } },
      ];
    });
    afterAll(() => stores.close());

    it("answers 404 and changes nothing for another workspace's ids, on every route", async () => {
      const app = testApp(stores);
      const { violations, checked } = await walkTenantIsolation(app, stores, a, b, credentials);
      expect(violations).toEqual([]);
      const scoped = routeTable(app).filter((r) => r.params.length > 0 && !r.path.startsWith(PUBLIC_PREFIX));
      expect(scoped.length).toBeGreaterThanOrEqual(8);
      for (const r of scoped) expect(checked.some((c) => c.startsWith(`${r.method} ${r.path} `))).toBe(true);
      // The walk grows with every route (two store digests per request); minutes under load are normal.
    }, 300_000);

    it("catches a route added without workspace scoping (a test of the test)", async () => {
      const app = testApp(stores);
      // Looks a key up by id alone: the classic tenant leak.
      app.openapi(
        createRoute({
          method: "get",
          path: "/api/v1/workspaces/{workspaceId}/api-keys/{keyId}",
          middleware: [requireWorkspace("read")],
          request: { params: z.object({ workspaceId: z.string(), keyId: z.string() }) },
          responses: { 200: { description: "leaky" } },
        }),
        async (c) => {
          const row = await stores.sor.db
            .selectFrom("api_keys")
            .select(["id", "name"])
            .where("id", "=", c.req.param("keyId"))
            .executeTakeFirst();
          return row ? c.json(row, 200) : c.json({}, 404);
        },
      );
      // Deletes by id alone and has no workspace in its path at all.
      app.openapi(
        createRoute({
          method: "delete",
          path: "/api/v1/api-keys/{keyId}",
          request: { params: z.object({ keyId: z.string() }) },
          responses: { 204: { description: "leaky" } },
        }),
        async (c) => {
          await stores.sor.db
            .updateTable("api_keys")
            .set({ name: "pwned" })
            .where("id", "=", c.req.param("keyId"))
            .execute();
          return c.body(null, 204);
        },
      );
      // A new global route nobody declared.
      app.openapi(
        createRoute({ method: "get", path: "/api/v1/everything", responses: { 200: { description: "x" } } }),
        (c) => c.json({}, 200),
      );
      const { violations } = await walkTenantIsolation(app, stores, a, b, credentials);
      const routes = violations.map((v) => `${v.route} → ${v.problem}`);
      expect(routes).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^GET \/api\/v1\/workspaces\/\{workspaceId\}\/api-keys\/\{keyId\} \(own workspace, foreign ids.*answered 200/,
          ),
          expect.stringMatching(/^DELETE \/api\/v1\/api-keys\/\{keyId\} \(foreign ids.*answered 204/),
          expect.stringMatching(/^DELETE \/api\/v1\/api-keys\/\{keyId\} \(foreign ids.*changed stored data/),
          expect.stringMatching(
            /^GET \/api\/v1\/everything → no \{workspaceId\} in the path and not declared global/,
          ),
        ]),
      );
      expect(violations.every((v) => /api-keys\/\{keyId\}|everything/.test(v.route))).toBe(true);
      // The same walk as above: it grows with every route.
    }, 300_000);
  },
);

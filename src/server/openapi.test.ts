import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../core/stores.js";
import { testApp } from "../testing/app.js";
import { storeVariants } from "../testing/stores.js";
import { routeTable } from "./route-table.js";

describe("OpenAPI document", () => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await (storeVariants()[0] ?? { open: () => Promise.reject(new Error("no store")) }).open();
  });
  afterAll(() => stores.close());

  it("is a valid OpenAPI 3.1 document that lists every route with its errors", async () => {
    const app = testApp(stores);
    const res = await app.request("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe("3.1.0");

    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const table = routeTable(app);
    expect(table.length).toBeGreaterThanOrEqual(15);
    for (const route of table) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path} is missing from the OpenAPI document`).toBeDefined();
    }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(table.map((r) => `${r.method} ${r.path}`).sort());
  });
});

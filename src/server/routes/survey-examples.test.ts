import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

interface Doc {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: { "application/json": { example: unknown } } } }>
  >;
}

/** The OpenAPI examples are what integrators copy first: each must be accepted as documented. */
describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "survey OpenAPI examples on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Beispiele");
    });
    afterAll(() => stores.close());

    it("accepts every survey, trigger and respondent example", async () => {
      const app = testApp(stores);
      const call = client(app);
      const doc = (await (await app.request("/api/openapi.json")).json()) as Doc;
      const example = (path: string, method: string) =>
        doc.paths[path]?.[method]?.requestBody?.content["application/json"].example;
      const base = "/api/v1/workspaces/{workspaceId}";
      const send = async (method: string, path: string, ids: Record<string, string>, expected: number) => {
        const url = path.replace(/\{(\w+)\}/g, (_, p: string) =>
          p === "workspaceId" ? ws.workspaceId : (ids[p] ?? ""),
        );
        const res = await call(method.toUpperCase(), url, {
          cookie: ws.ownerCookie,
          body: example(path, method),
        });
        expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(expected);
        return res.body;
      };

      const survey = await send("post", `${base}/surveys`, {}, 201);
      await send("post", `${base}/surveys/import`, {}, 201);
      await send("patch", `${base}/surveys/{surveyId}`, { surveyId: survey.id }, 200);
      await send("post", `${base}/surveys/{surveyId}/links`, { surveyId: survey.id }, 201);
      const trigger = await send("post", `${base}/surveys/{surveyId}/triggers`, { surveyId: survey.id }, 201);
      await send("patch", `${base}/survey-triggers/{triggerId}`, { triggerId: trigger.id }, 200);
      await send("post", `${base}/survey-triggers/fire`, {}, 200);
      await send("put", `${base}/survey-settings`, {}, 200);

      const response = await send(
        "post",
        "/api/public/v1/surveys/{surveyId}/responses",
        { surveyId: survey.id },
        201,
      );
      const patched = await call("PATCH", `/api/public/v1/responses/${response.id}`, {
        headers: { "x-edit-token": response.editToken },
        body: example("/api/public/v1/responses/{responseId}", "patch"),
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toEqual({ id: response.id, finished: true });
    });
  },
);

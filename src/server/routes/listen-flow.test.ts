import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, SYSTEM_TOKEN, seedWorkspace, testApp } from "../../testing/app.js";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { sharedDataFile } from "../../testing/shared-data.js";
import { storeVariants } from "../../testing/stores.js";

// A real Google-Forms export (Preppin' Data, 2019): 39 answers, 8 promoters, 9 passives, 22 detractors.
const SURVEY_EXPORT = sharedDataFile("surveys/preppin_sudzilla_nps_survey.csv");
const NPS_COLUMN = "On a scale of 0-10, how would you rate Sudzilla?";

describe.each(storeVariants().map((v) => [v.name, v] as const))("listen flow on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let app: ReturnType<typeof testApp>;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Flow");
    app = testApp(stores);
    call = client(app);
  });
  afterAll(() => stores.close());

  it.skipIf(!existsSync(SURVEY_EXPORT))(
    "imports the real survey export through the generic CSV import and yields NPS −35.9, the same in API and CSV",
    async () => {
      const mapping = {
        receivedAt: "Timestamp",
        text: "...why?",
        ratings: [{ column: NPS_COLUMN, metric: "nps" }],
        metadata: ["Which three words would you use describe to Sudzilla? (separate with a comma)"],
      };
      const path = `/api/v1/workspaces/${ws.workspaceId}/feedback/import?channel=other&mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
      const upload = () =>
        app.request(path, {
          method: "POST",
          headers: { authorization: `Bearer ${SYSTEM_TOKEN}`, "content-type": "text/csv" },
          body: readFileSync(SURVEY_EXPORT),
        });
      const first = await upload();
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ accepted: 39, duplicates: 0 });
      await drainOutbox(stores);

      const metrics = await call("GET", `/api/v1/workspaces/${ws.workspaceId}/metrics?metric=nps`, {
        bearer: SYSTEM_TOKEN,
      });
      expect(metrics.status).toBe(200);
      expect(metrics.body.overall).toMatchObject({
        n: 39,
        value: -35.9,
        components: { promoters: 8, passives: 9, detractors: 22 },
        warning: null,
      });
      // SE = 100·√((pP+pD − (pP−pD)²)/N) with pP = 8/39, pD = 22/39
      const pP = 8 / 39;
      const pD = 22 / 39;
      const se = 100 * Math.sqrt((pP + pD - (pP - pD) ** 2) / 39);
      const nps = 100 * (pP - pD);
      expect(metrics.body.overall.interval.low).toBeCloseTo(nps - 1.96 * se, 1);
      expect(metrics.body.overall.interval.high).toBeCloseTo(nps + 1.96 * se, 1);

      const csv = await app.request(
        `/api/v1/workspaces/${ws.workspaceId}/metrics/export?metric=nps&format=csv`,
        {
          headers: { authorization: `Bearer ${SYSTEM_TOKEN}` },
        },
      );
      expect(csv.status).toBe(200);
      const [, overall] = (await csv.text()).trim().split(/\r?\n/);
      expect(overall?.split(",").slice(2, 4)).toEqual(["39", "-35.9"]);

      const again = await upload();
      expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 39 });
      await drainOutbox(stores);
      const after = await call("GET", `/api/v1/workspaces/${ws.workspaceId}/metrics?metric=nps`, {
        bearer: SYSTEM_TOKEN,
      });
      expect(after.body.overall.n).toBe(39);
    },
  );
});

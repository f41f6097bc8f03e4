import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { enrichFeedback } from "../../core/text/enrich/enrich-feedback.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "inbox enrichment on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let call: ReturnType<typeof client>;
    const ids: Record<string, string> = {};
    const path = (p = "") => `/api/v1/workspaces/${ws.workspaceId}/feedback${p}`;
    const as = () => ({ cookie: ws.ownerCookie });
    const texts = async (qs: string) => {
      const res = await call("GET", path(`?${qs}`), as());
      expect(res.status).toBe(200);
      return res.body.items.map((f: { text: string }) => f.text).sort();
    };

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Inbox");
      call = client(testApp(stores));
      const items = {
        late: "Die Lieferung kam zwei Wochen zu spät",
        rude: "Der Mitarbeiter an der Hotline war unfreundlich",
        praise: "Sehr freundliche und kompetente Beratung",
        bill: "Rechnung doppelt abgebucht und die Hotline ist nie erreichbar",
        pending: "Noch nicht analysiert",
      };
      const res = await call("POST", path(), {
        ...as(),
        body: { items: Object.values(items).map((text) => ({ channel: "email", text, language: "de" })) },
      });
      Object.keys(items).forEach((k, i) => {
        ids[k] = res.body.items[i].id;
      });
      await enrichFeedback(
        stores,
        ws.workspaceId,
        Object.entries(ids)
          .filter(([k]) => k !== "pending")
          .map(([, id]) => id),
      );
    });
    afterAll(() => stores.close());

    it("shows the enrichment with its evidence on the record, and null before it ran", async () => {
      const got = await call("GET", path(`/${ids.late}`), as());
      expect(got.body.enrichment).toMatchObject({
        engine: "builtin/1",
        language: "de",
        sentiment: "negative",
        topicId: null,
      });
      const delivery = got.body.enrichment.aspects.find((a: { aspect: string }) => a.aspect === "delivery");
      expect(delivery.triggers.map((t: { text: string }) => t.text)).toEqual(["Lieferung"]);
      expect(got.body.enrichment.clauses[0].cues.length).toBeGreaterThan(0);
      expect(Date.parse(got.body.enrichment.enrichedAt)).not.toBeNaN();
      expect((await call("GET", path(`/${ids.pending}`), as())).body.enrichment).toBeNull();
    });

    it("filters by sentiment and by any of several aspects", async () => {
      expect(await texts("sentiment=positive")).toEqual(["Sehr freundliche und kompetente Beratung"]);
      expect(await texts("sentiment=negative")).toEqual([
        "Der Mitarbeiter an der Hotline war unfreundlich",
        "Die Lieferung kam zwei Wochen zu spät",
        "Rechnung doppelt abgebucht und die Hotline ist nie erreichbar",
      ]);
      expect(await texts("aspect=billing")).toEqual([
        "Rechnung doppelt abgebucht und die Hotline ist nie erreichbar",
      ]);
      expect(await texts("aspect=billing&aspect=delivery")).toEqual([
        "Die Lieferung kam zwei Wochen zu spät",
        "Rechnung doppelt abgebucht und die Hotline ist nie erreichbar",
      ]);
      expect(await texts("aspect=delivery&sentiment=positive")).toEqual([]);
      const bad = await call("GET", path("?sentiment=angry&aspect=Not-A-Key"), as());
      expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
        "/query/aspect",
        "/query/sentiment",
      ]);
    });
  },
);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeVariants } from "../../testing/stores.js";
import { relayFeedbackFacts } from "../feedback/relay-feedback-facts.js";
import { type TGapReport, ZGapRequest } from "../gap/gap.schema.js";
import { gapReport } from "../gap/gap-report.js";
import type { ReportContext } from "../metrics/report-context.js";
import type { Stores } from "../stores.js";
import { resolveAccess } from "../workspaces/resolve-access.js";
import { seedDemo } from "../workspaces/seed-demo.js";
import { telecomMove } from "./demo-telecom.js";
import { DEMO_ASSESSMENTS } from "./seed-demo-assessments.js";
import { seedDemoEvents } from "./seed-demo-events.js";

const NOW = new Date("2026-11-23T10:00:00.000Z");
/** The report's default range, as the UI shows it: the last 90 days. */
const RANGE = { from: new Date(NOW.getTime() - 90 * 86_400_000).toISOString(), to: NOW.toISOString() };

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "demo assessment round on %s",
  (_name, variant) => {
    let stores: Stores;
    let ctx: ReportContext;
    let journeyId: string;
    const report = (body: Record<string, unknown> = {}): Promise<TGapReport> =>
      gapReport(ctx, ZGapRequest.parse({ ...RANGE, journeyId, ...body }), NOW);

    beforeAll(async () => {
      stores = await variant.open();
      await seedDemo(stores.sor.db);
      const ws = await stores.sor.db
        .selectFrom("workspaces")
        .select("id")
        .where("slug", "=", "demo")
        .executeTakeFirstOrThrow();
      await seedDemoEvents(stores, ws.id, NOW);
      const ids = await stores.sor.db
        .selectFrom("feedback")
        .select("id")
        .where("workspace_id", "=", ws.id)
        .execute();
      for (let i = 0; i < ids.length; i += 1000)
        await relayFeedbackFacts(
          stores,
          ws.id,
          ids.slice(i, i + 1000).map((r) => r.id),
        );
      const access = await resolveAccess(stores.sor.db, { kind: "system" }, ws.id);
      if (!access) throw new Error("no access");
      ctx = { db: stores.sor.db, access, facts: stores.facts };
      journeyId = (
        await stores.sor.db
          .selectFrom("journeys")
          .select("id")
          .where("workspace_id", "=", ws.id)
          .where("title", "=", telecomMove.journey.title)
          .executeTakeFirstOrThrow()
      ).id;
    }, 600_000);
    afterAll(() => stores.close());

    it("keeps a closed round for the moving-house journey whose answers set the internal ratings", async () => {
      const rounds = await stores.sor.db.selectFrom("assessment_rounds").selectAll().execute();
      expect(rounds).toHaveLength(1);
      expect(rounds[0]).toMatchObject({ status: "closed", journey_id: journeyId, scope: "journey" });
      const tp = await stores.sor.db
        .selectFrom("touchpoints")
        .select(["key", "internal_rating"])
        .where("key", "=", "tk-erste-rechnung")
        .executeTakeFirstOrThrow();
      expect(Number(tp.internal_rating)).toBe(DEMO_ASSESSMENTS["tk-erste-rechnung"]?.rating);
    });

    it("shows the waived-fee promise and the hardware delivery as blindspots, and the technician under-rated", async () => {
      // Importance by volume of linked feedback: the tracking of the router shipment (which customers
      // rate when it goes to the old address) and the first bill with the fee that should have been
      // waived are over-rated by the company and important.
      const byVolume = await report();
      const classOf = (r: TGapReport) => new Map(r.touchpoints.map((t) => [t.key, t]));
      const volume = classOf(byVolume);
      expect(volume.get("tk-erste-rechnung")).toMatchObject({
        class: "blindspot",
        owner: { team: "Team Rechnungsstellung" },
      });
      expect(volume.get("tk-sendungsverfolgung")?.class).toBe("blindspot");
      expect(byVolume.touchpoints[0]?.class).toBe("blindspot");
      // The wrong-address delivery itself: a big gap, but few customers say so (over-rated, not important).
      expect(volume.get("tk-lieferung-alte-adresse")?.class).toBe("over_rated");
      expect(volume.get("tk-techniker-besuch")?.class).toBe("under_rated");
      const stage = byVolume.stages.find((s) => s.title === "Hardware-Lieferung");
      expect(stage?.gap.value).toBeGreaterThan(0.5);
      // "Executives X % vs customers Y %": the company is more optimistic than its customers.
      expect(byVolume.statement.internalGoodPercent).toBeGreaterThan(
        byVolume.statement.customerGoodPercent as number,
      );

      // Importance from the driver analysis: only touchpoints the model weighs can be
      // blindspots, each with a gap above the threshold and an importance above the median.
      const byDrivers = await report({ importance: "drivers" });
      expect(byDrivers.importance).toMatchObject({ source: "drivers", used: "drivers" });
      for (const t of byDrivers.touchpoints.filter((x) => x.class === "blindspot")) {
        expect(t.gap.value).toBeGreaterThan(0.5);
        expect(t.importance).toBeGreaterThan(byDrivers.importance.median as number);
      }
    });
  },
);

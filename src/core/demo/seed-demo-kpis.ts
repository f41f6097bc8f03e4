import type { z } from "@hono/zod-openapi";
import type { Db } from "../db/connect.js";
import { createKpi } from "../kpis/create-kpi.js";
import { ZCreateKpi } from "../kpis/kpis.schema.js";
import { resolveAccess } from "../workspaces/resolve-access.js";

type DemoKpi = Omit<z.input<typeof ZCreateKpi>, "journeyId" | "ownerUserId"> & { journey: boolean };

/** The demo catalogue: the moving-house journey's performance KPIs and the brand KPIs next to them. */
const DEMO_KPIS: DemoKpi[] = [
  {
    key: "umzug-abschluss",
    kind: "performance",
    name: "Umzüge abgeschlossen",
    definition: "Anteil der begonnenen Umzüge, die bis zur Schaltung am neuen Anschluss kommen",
    measure: { type: "journey", measure: "conversion" },
    unit: "%",
    direction: "higher",
    target: 85,
    journey: true,
  },
  {
    key: "umzug-dauer",
    kind: "performance",
    name: "Zeit Auftrag bis Schaltung (Median)",
    definition: "Median der Tage vom Umzugsauftrag bis zum letzten Schritt",
    measure: { type: "journey", measure: "time_to_complete" },
    unit: "Tage",
    direction: "lower",
    target: 10,
    journey: true,
  },
  {
    key: "umzug-kontakte",
    kind: "performance",
    name: "Kontakte pro Umzug",
    definition: "Anrufe, E-Mails, Chats und Tickets je begonnenem Umzug",
    measure: { type: "journey", measure: "contacts_per_instance" },
    unit: "Anzahl",
    direction: "lower",
    target: 1,
    journey: true,
  },
  {
    key: "umzug-fcr",
    kind: "performance",
    name: "Erstlösungsquote",
    definition: "Umzüge mit Kontakt, bei denen genau ein Kontakt genügte",
    measure: { type: "journey", measure: "first_contact_resolution" },
    unit: "%",
    direction: "higher",
    target: 70,
    journey: true,
  },
  {
    key: "umzug-wiederholkontakte",
    kind: "performance",
    name: "Wiederholkontakte",
    definition: "Umzüge mit zwei Kontakten innerhalb von 7 Tagen",
    measure: { type: "journey", measure: "repeat_contact_rate" },
    unit: "%",
    direction: "lower",
    target: 15,
    journey: true,
  },
  {
    key: "umzug-abbruch",
    kind: "performance",
    name: "Abbruchquote",
    definition: "Umzüge ohne weiteren Schritt seit 30 Tagen",
    measure: { type: "journey", measure: "drop_off_rate" },
    unit: "%",
    direction: "lower",
    target: 10,
    journey: true,
  },
  {
    key: "umzug-wartezeit",
    kind: "performance",
    name: "Wartezeiten über 3 Tagen",
    definition: "Anteil der Wartezeiten zwischen zwei Schritten, die länger als 72 Stunden dauern",
    measure: { type: "journey", measure: "waiting_over_target", waitTargetHours: 72 },
    unit: "%",
    direction: "lower",
    target: 20,
    journey: true,
  },
  {
    key: "umzug-nps",
    kind: "brand",
    name: "NPS Umzugskunden",
    definition: "Weiterempfehlungsbereitschaft nach dem Umzug (0–10)",
    measure: { type: "metric", metric: "nps" },
    unit: "NPS",
    direction: "higher",
    target: 20,
    journey: true,
  },
  {
    key: "umzug-ces",
    kind: "brand",
    name: "Einfachheit (CES 5–7)",
    definition: "„Es war einfach, mein Anliegen zu erledigen“: Anteil Zustimmung 5–7",
    measure: { type: "metric", metric: "ces_easy" },
    unit: "%",
    direction: "higher",
    target: 70,
    journey: true,
  },
  {
    key: "marke-nps",
    kind: "brand",
    name: "NPS Gesamtmarke",
    definition: "NPS über alle Umfragen des Arbeitsbereichs",
    measure: { type: "metric", metric: "nps" },
    unit: "NPS",
    direction: "higher",
    target: 25,
    journey: false,
  },
  {
    key: "marke-csat",
    kind: "brand",
    name: "Zufriedenheit (CSAT)",
    definition: "Anteil zufriedener Antworten (Top-2-Box) über alle Touchpoints",
    measure: { type: "metric", metric: "csat" },
    unit: "%",
    direction: "higher",
    target: 75,
    journey: false,
  },
];

/**
 * The demo workspace's KPI catalogue, owned by the demo user, made through the catalogue use case.
 * A brand-tracking item: the moving-house survey's recommendation question as top-2 share, when found.
 */
export async function seedDemoKpis(
  db: Db,
  workspaceId: string,
  user: { id: string; email: string },
  journeyId: string,
): Promise<number> {
  const access = await resolveAccess(db, { kind: "user", userId: user.id, email: user.email }, workspaceId);
  if (!access) throw new Error("the demo user has no access to the demo workspace");
  const ctx = { db, access };
  const inputs = DEMO_KPIS.map(({ journey, ...k }) => ({
    ...k,
    journeyId: journey ? journeyId : null,
    ownerUserId: user.id,
  }));
  const survey = await db
    .selectFrom("surveys")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("journey_id", "=", journeyId)
    .orderBy("created_at")
    .executeTakeFirst();
  if (survey)
    inputs.push({
      key: "item-weiterempfehlung",
      kind: "brand",
      name: "Würde uns weiterempfehlen (Top-2)",
      definition: "Markentracking-Item: Anteil 9–10 auf die Empfehlungsfrage der Umzugsumfrage",
      measure: { type: "question", surveyId: survey.id, questionId: "nps", figure: "top2" },
      unit: "%",
      direction: "higher",
      target: 40,
      journeyId: null,
      ownerUserId: user.id,
    });
  for (const input of inputs) await createKpi(ctx, ZCreateKpi.parse(input));
  return inputs.length;
}

import type { Db } from "../db/connect.js";
import { submitAssessment } from "../gap/assessments.js";
import { closeRound, createRound } from "../gap/rounds.js";
import { resolveAccess } from "../workspaces/resolve-access.js";

/**
 * The company's view of the moving-house journey, as its touchpoint owners gave it in a workshop:
 * 1–5 "as a customer would rate it", the CSAT % they expect, and why. Optimistic where the process
 * looks fine from inside — the router shipment and the waived moving fee on the first bill — which
 * the customers' feedback contradicts.
 */
export const DEMO_ASSESSMENTS: Readonly<Record<string, { rating: number; csat: number; comment: string }>> = {
  "tk-website-umzug": { rating: 4, csat: 80, comment: "Die Umzugsseite wurde im Frühjahr überarbeitet." },
  "tk-verfuegbarkeit": { rating: 4, csat: 85, comment: "Prüfung läuft in Echtzeit." },
  "tk-umzugsauftrag": { rating: 5, csat: 90, comment: "Auftrag in drei Minuten erledigt." },
  "tk-warten-bestaetigung": { rating: 4, csat: 75, comment: "Bestätigung in der Regel nach zwei Tagen." },
  "tk-bestaetigung-mail": { rating: 4, csat: 80, comment: "Standardvorlage, klar formuliert." },
  "tk-hardware-versand": {
    rating: 5,
    csat: 92,
    comment: "Versand über den Paketdienst läuft zuverlässig, Zustellquote 98 %.",
  },
  "tk-lieferung-alte-adresse": {
    rating: 4,
    csat: 85,
    comment: "Die neue Adresse wird vor dem Versand übernommen.",
  },
  "tk-sendungsverfolgung": { rating: 4, csat: 80, comment: "Tracking-Link in jeder Versandmail." },
  "tk-hotline": { rating: 4, csat: 75, comment: "Erreichbarkeit im Ziel." },
  "tk-warteschleife": { rating: 3, csat: 60, comment: "Zu Spitzenzeiten länger." },
  "tk-wiederholter-anruf": { rating: 3, csat: 55, comment: "" },
  "tk-terminvereinbarung": { rating: 4, csat: 80, comment: "Wunschtermine meist verfügbar." },
  "tk-terminverschiebung": { rating: 3, csat: 50, comment: "Kommt selten vor." },
  "tk-warten-techniker": { rating: 4, csat: 75, comment: "" },
  "tk-techniker-besuch": { rating: 4, csat: 85, comment: "Gute Rückmeldungen, aber Luft nach oben." },
  "tk-selbstinstallation": { rating: 4, csat: 80, comment: "Anleitung mit Bildern." },
  "tk-uebergabe-backoffice": { rating: 4, csat: 75, comment: "" },
  "tk-rueckruf": { rating: 4, csat: 75, comment: "Rückruf binnen 24 Stunden zugesagt." },
  "tk-erste-rechnung": {
    rating: 5,
    csat: 90,
    comment: "Die Umzugsgebühr wird bei Zusage automatisch erlassen.",
  },
  "tk-gutschrift": { rating: 4, csat: 80, comment: "Gutschrift innerhalb eines Abrechnungszyklus." },
  "tk-chat": { rating: 4, csat: 80, comment: "" },
  "tk-nps-umfrage": { rating: 4, csat: 80, comment: "" },
  "tk-social-beschwerde": { rating: 3, csat: 60, comment: "Social-Team reagiert binnen einer Stunde." },
};

/**
 * A closed assessment round for the telecom moving-house journey, made through the gap use cases as
 * the demo user (who answers every assessment: the demo touchpoints are owned by teams). Closing it
 * sets the touchpoints' internal ratings, and the gap report takes it as the latest closed round.
 */
export async function seedDemoAssessments(
  db: Db,
  workspaceId: string,
  user: { id: string; email: string },
  journeyId: string,
): Promise<string> {
  const access = await resolveAccess(db, { kind: "user", userId: user.id, email: user.email }, workspaceId);
  if (!access) throw new Error("the demo user has no access to the demo workspace");
  const ctx = { db, access };
  const round = await createRound(ctx, {
    title: "Umzug – Selbsteinschätzung der Touchpoint-Verantwortlichen",
    journeyId,
    dueAt: null,
    reminderRelay: null,
  });
  for (const a of round.assessments) {
    const view = DEMO_ASSESSMENTS[a.touchpoint.key];
    if (!view) continue;
    await submitAssessment(ctx, a.id, {
      rating: view.rating,
      predicted: { metric: "csat", value: view.csat },
      comment: view.comment,
    });
  }
  await closeRound(ctx, round.id);
  return round.id;
}

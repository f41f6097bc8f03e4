import { ZCreateCaseRule } from "../case-rules/case-rules.schema.js";
import { createCaseRule } from "../case-rules/create-case-rule.js";
import type { WorkspaceContext } from "../context.js";
import type { SeededCase } from "./seed-demo-feedback.js";

/**
 * The demo's default case rules, on the telecom moving-house journey: detractors of the move survey
 * (linked to its touchpoint) and of the journey as a whole,
 * cancellation threats, parcels that failed twice, appointments moved twice, repeat callers and
 * customers waiting too long for the technician, plus a disabled example reading a customer trait.
 * Made through the use case, so the seed is validated like user input.
 */
export async function seedDemoCaseRules(ctx: WorkspaceContext, telecom: SeededCase): Promise<number> {
  const tp = (key: string) => telecom.touchpointIds.get(key) ?? null;
  const journeyId = telecom.journeyId;
  const technicianStage = telecom.document.stages.find((s) => s.name === "Techniker-Termin");
  const rules: unknown[] = [
    {
      name: "Detraktor in der Umzugsumfrage (NPS ≤ 6)",
      kind: "feedback",
      priority: "high",
      touchpointId: tp("tk-techniker-besuch"),
      journeyId,
      condition: { match: { type: "rating", metric: "nps", op: "<=", value: 6 } },
    },
    {
      name: "Detraktor nach dem Umzug (NPS ≤ 6)",
      kind: "feedback",
      journeyId,
      condition: { match: { type: "rating", metric: "nps", op: "<=", value: 6 } },
    },
    {
      name: "Kündigung angedroht",
      kind: "feedback",
      priority: "urgent",
      condition: { match: { type: "keyword", keywords: ["kündigen", "Kündigung", "cancel my contract"] } },
    },
    {
      name: "Zustellung zweimal gescheitert (7 Tage)",
      kind: "event",
      priority: "high",
      touchpointId: tp("tk-lieferung-alte-adresse"),
      journeyId,
      condition: { events: ["Delivery Failed"], count: 2, withinDays: 7 },
    },
    {
      name: "Techniker-Termin zweimal verschoben",
      kind: "event",
      priority: "high",
      touchpointId: tp("tk-terminverschiebung"),
      journeyId,
      condition: { events: ["Technician Appointment Rescheduled"], count: 2, withinDays: 14 },
    },
    {
      name: "Umzugsgebühr trotz Tarif mit Gebührenerlass",
      kind: "event",
      enabled: false,
      touchpointId: tp("tk-erste-rechnung"),
      journeyId,
      condition: {
        events: ["Invoice Issued"],
        where: [
          { field: "properties.moveFee", op: ">", value: 0 },
          { field: "customer.traits.plan", op: "in", value: ["Premium", "Business"] },
        ],
      },
    },
    {
      name: "Wiederholte Kontakte (≥ 3 in 14 Tagen)",
      kind: "repeat_contacts",
      touchpointId: tp("tk-wiederholter-anruf"),
      journeyId,
      condition: { minContacts: 3, withinDays: 14 },
    },
    ...(technicianStage
      ? [
          {
            name: "Wartet zu lange auf den Techniker",
            kind: "stuck",
            touchpointId: tp("tk-warten-techniker"),
            journeyId,
            condition: { stageTargets: [{ stageId: technicianStage.id, targetHours: 240 }] },
          },
        ]
      : []),
  ];
  for (const rule of rules) await createCaseRule(ctx, ZCreateCaseRule.parse(rule));
  return rules.length;
}

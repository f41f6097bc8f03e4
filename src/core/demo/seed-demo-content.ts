import type { WorkspaceContext } from "../context.js";
import { createJourney } from "../journeys/create-journey.js";
import { parseJourneyDocument } from "../journeys/document.js";
import type { TJourneyDocumentDraft } from "../journeys/document.schema.js";
import { createPersona } from "../personas/create-persona.js";
import { createTouchpoint } from "../touchpoints/create-touchpoint.js";
import { hotelStay } from "./demo-hotel.js";
import { onlineReturn } from "./demo-shop.js";
import { telecomMove } from "./demo-telecom.js";
import type { DemoCase } from "./demo-types.js";
import type { SeededCase } from "./seed-demo-feedback.js";

export const DEMO_CASES: readonly DemoCase[] = [telecomMove, hotelStay, onlineReturn];

/**
 * Fills a workspace with the three demo journeys (telecom move, hotel stay, online purchase with
 * return): their personas, touchpoint registers and maps, through the same use cases as the API,
 * so the demo is validated like user input. `ownerId` becomes every journey's owner.
 */
export async function seedDemoContent(
  ctx: WorkspaceContext,
  ownerId: string | null,
): Promise<{ journeyIds: string[]; cases: SeededCase[] }> {
  const journeyIds: string[] = [];
  const cases: SeededCase[] = [];
  for (const [caseIndex, demo] of DEMO_CASES.entries()) {
    const persona = await createPersona(ctx, { ...demo.persona });
    const touchpointIds = new Map<string, string>();
    for (const tp of demo.touchpoints) {
      const created = await createTouchpoint(ctx, {
        key: tp.key,
        name: tp.name,
        description: tp.description,
        channel: tp.channel,
        kind: tp.kind,
        department: tp.department,
        owner: tp.team ? { type: "team", name: tp.team } : null,
        tags: tp.tags,
        signature: tp.signature ?? false,
        internalRating: tp.rating ?? null,
        eventMatchers: tp.matchers ?? [],
      });
      touchpointIds.set(tp.key, created.id);
    }
    const j = demo.journey;
    const draft: TJourneyDocumentDraft = {
      title: j.title,
      scenario: j.scenario,
      personaId: persona.id,
      ownerId,
      status: j.status,
      description: j.description,
      goals: j.goals,
      kpis: j.kpis,
      stages: j.stages.map((stage) => ({
        name: stage.name,
        description: stage.description,
        steps: stage.steps.map((s) => ({
          title: s.title,
          touchpointId: s.tp ? (touchpointIds.get(s.tp) ?? null) : null,
          customerAction: s.action,
          expectation: s.expectation,
          thoughts: s.thoughts,
          emotion: s.emotion,
          customerRating: s.rating,
          painPoints: s.pain ?? [],
          insights: s.insights ?? [],
          ideas: s.ideas ?? [],
          momentOfTruth: s.mot ?? false,
          signature: s.sig ?? false,
        })),
      })),
    };
    const journey = await createJourney(ctx, { document: parseJourneyDocument(draft) });
    journeyIds.push(journey.id);
    cases.push({ caseIndex, journeyId: journey.id, document: journey.document, touchpointIds });
  }
  return { journeyIds, cases };
}

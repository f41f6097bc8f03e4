import type { TKpi } from "../journeys/document.schema.js";
/** Compact shapes for the demo content; `seed-demo-content.ts` turns them into real records. */
export interface DemoTouchpoint {
  key: string;
  name: string;
  description: string;
  channel: string;
  kind: "direct" | "indirect" | "hidden";
  department: string;
  team: string | null;
  tags: string[];
  signature?: boolean;
  /** The company's self-assessment, 1–5. */
  rating?: number;
  matchers?: { event: string; where?: string }[];
}

export interface DemoPersona {
  key: string;
  name: string;
  quote: string;
  description: string;
  avatarColor: string;
  goals: string[];
  needs: string[];
  frustrations: string[];
  channels: string[];
  segmentRule: string | null;
}

export interface DemoStep {
  title: string;
  /** Touchpoint key, or null for a free moment. */
  tp: string | null;
  action: string;
  expectation: string;
  thoughts: string;
  emotion: number;
  rating: number | null;
  pain?: string[];
  insights?: string[];
  ideas?: string[];
  mot?: boolean;
  sig?: boolean;
}

export interface DemoJourney {
  title: string;
  scenario: string;
  persona: string;
  status: "draft" | "as_is" | "to_be" | "archived";
  description: string;
  goals: string[];
  kpis: {
    performance: TKpi[];
    brand: TKpi[];
  };
  stages: { name: string; description: string; steps: DemoStep[] }[];
}

export interface DemoCase {
  touchpoints: DemoTouchpoint[];
  persona: DemoPersona;
  journey: DemoJourney;
}

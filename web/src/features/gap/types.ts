/** The experience-gap API (docs/api/measure-the-gap.md §2), as the UI reads it. */

export const GAP_CLASSES = ["blindspot", "over_rated", "aligned", "under_rated", "unknown"] as const;
export type GapClass = (typeof GAP_CLASSES)[number];
export type ImportanceSource = "drivers" | "volume";

export interface Interval {
  low: number;
  high: number;
}

export interface MeanOnScale {
  n: number;
  value: number | null;
  interval: Interval | null;
  warning: "small_sample" | null;
}

export interface GapFigures {
  internal: MeanOnScale;
  measured: MeanOnScale;
  feedback: number;
  gap: { value: number | null; interval: Interval | null };
  internalGood: MeanOnScale;
  customerGood: MeanOnScale;
}

export interface TouchpointGap extends GapFigures {
  touchpointId: string;
  key: string;
  name: string;
  owner: { userId: string | null; name: string | null; team: string | null };
  importance: number | null;
  important: boolean;
  class: GapClass;
  comments: string[];
  predicted: { csat: MeanOnScale; nps: MeanOnScale };
}

export interface GroupGap extends GapFigures {
  id: string;
  title: string;
  touchpointIds: string[];
}

export interface GapReport {
  round: { id: string; title: string; status: "open" | "closed"; closedAt: string | null } | null;
  range: { from: string; to: string };
  threshold: number;
  importance: { source: ImportanceSource; used: ImportanceSource; median: number | null };
  touchpoints: TouchpointGap[];
  steps: (GroupGap & { stageId: string })[];
  stages: GroupGap[];
  journey: GroupGap | null;
  statement: {
    internalGoodPercent: number | null;
    customerGoodPercent: number | null;
    raters: number;
    internalRatings: number;
    customerRatings: number;
  };
}

export interface GapRequest {
  roundId?: string;
  journeyId?: string;
  threshold: number;
  importance: ImportanceSource;
  includeSentiment: boolean;
  from?: string;
  to?: string;
}

export interface Round {
  id: string;
  title: string;
  scope: "journey" | "register";
  journeyId: string | null;
  status: "open" | "closed";
  dueAt: string | null;
  reminderChannel: "email" | "alert";
  createdAt: string;
  closedAt: string | null;
  meanRating: number | null;
  progress: {
    assessments: number;
    answered: number;
    share: number | null;
    owners: number;
    ownersWithOpen: number;
  };
}

export interface Assessment {
  id: string;
  roundId: string;
  roundTitle: string;
  roundStatus: "open" | "closed";
  dueAt: string | null;
  touchpoint: { id: string; key: string; name: string; channel: string };
  owner: { userId: string; name: string; email: string } | null;
  rating: number | null;
  predicted: { metric: "csat" | "nps"; value: number } | null;
  comment: string;
  answeredAt: string | null;
}

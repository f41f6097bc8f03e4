/** Customer profiles and timelines (docs/api/observe.md §2). */
export interface DistinctId {
  kind: "user" | "anon" | "email" | "phone" | "crm";
  /** Null for hashed kinds (e-mail, phone). */
  value: string | null;
}

export interface CustomerSummary {
  id: string;
  distinctIds: DistinctId[];
  traits: Record<string, unknown>;
  firstSeen: string;
  lastSeen: string;
}

export interface Customer extends CustomerSummary {
  traitHistory: { trait: string; value: unknown; changedAt: string; messageId: string | null }[];
  channels: string[];
  personas: { id: string; name: string }[];
  consent: Record<string, unknown> | null;
  mergedFrom: string[];
}

export type TimelineItem =
  | {
      kind: "event";
      id: string;
      at: string;
      type: string;
      name: string;
      channel: string | null;
      properties: Record<string, unknown>;
    }
  | {
      kind: "feedback";
      id: string;
      at: string;
      channel: string;
      feedbackKind: string;
      title: string | null;
      text: string;
      scoreBand: string | null;
    };

import type { WebhookEventType } from "./emit-event.js";

const ID = "0193a1c2-7d4e-7f00-8a00-000000000001";
const AT = "2026-11-23T10:15:00.000Z";

const feedback = {
  id: ID,
  kind: "complaint",
  channel: "email",
  surveyId: null,
  receivedAt: AT,
  customerId: "cust-4711",
  touchpointId: null,
  journeyId: null,
  stepId: null,
  ratings: {},
  scoreBand: null,
  title: "Lieferung verspätet",
  text: "Das Paket kam drei Tage zu spät.",
  language: "de",
  finished: true,
  flagged: false,
  createdAt: AT,
};

const kase = {
  id: ID,
  title: "Detractor after delivery",
  customerId: "cust-4711",
  status: "new",
  priority: "high",
  assigneeUserId: null,
  openedAt: AT,
  dueAt: "2026-11-24T10:15:00.000Z",
  slaBreachedAt: null,
  resolvedAt: null,
};

/** The `data` of each event type in short form; test sends carry these with `"test": true`. */
export const WEBHOOK_EXAMPLES: Record<WebhookEventType, Record<string, unknown>> = {
  "case.created": { case: kase },
  "case.assigned": { case: { ...kase, assigneeUserId: ID } },
  "case.sla_breached": { case: { ...kase, slaBreachedAt: "2026-11-24T10:15:00.000Z" } },
  "case.resolved": { case: { ...kase, status: "resolved", resolvedAt: "2026-11-23T16:00:00.000Z" } },
  "response.finished": {
    response: {
      ...feedback,
      kind: "survey_response",
      channel: "survey",
      surveyId: ID,
      ratings: { nps: 3 },
      scoreBand: "detractor",
      answers: { nps: 3, why: "Zu lange gewartet" },
      title: null,
      text: "Zu lange gewartet",
    },
  },
  "feedback.created": { feedback },
  "alert.fired": {
    alert: {
      id: ID,
      kind: "emerging_topic",
      severity: "warning",
      title: "Emerging topic: Lieferung",
      details: {},
      createdAt: AT,
    },
  },
};

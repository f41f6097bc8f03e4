import type { AppConfig } from "../core/config.js";
import type { Stores } from "../core/stores.js";
import { alertRulesHandler } from "./alert-rules.js";
import { caseRulesEventsHandler, caseRulesFeedbackHandler } from "./case-rules.js";
import { casesSlaHandler } from "./cases-sla.js";
import { customersEraseFactsHandler } from "./customers-erase-facts.js";
import { eventsIdentityHandler } from "./events-identity.js";
import { feedbackEnrichHandler } from "./feedback-enrich.js";
import { feedbackRelayHandler } from "./feedback-relay.js";
import { gapReminderHandler } from "./gap-reminders.js";
import { journeysInstancesHandler } from "./journeys-instances.js";
import { mailSendHandler, notificationsDigestHandler } from "./notifications.js";
import type { OutboxHandler } from "./outbox-worker.js";
import { surveyInvitationHandler } from "./survey-invitations.js";
import { textBackfillHandler } from "./text-backfill.js";
import { textEmergingHandler } from "./text-emerging.js";
import { webhookDeliverHandler, webhookEventHandler } from "./webhooks.js";

/**
 * Outbox topics and their handlers. Features add their topics here (facts relay, enrichment, case
 * rules, webhooks, e-mails). A message whose topic has no handler is retried and then parked with
 * that error, visible to admins; it is never dropped.
 */
export function outboxHandlers(stores: Stores, config: AppConfig): Record<string, OutboxHandler> {
  return {
    "feedback.relay": feedbackRelayHandler(stores),
    "survey.invitation": surveyInvitationHandler(stores, config),
    "text.emerging": textEmergingHandler(stores),
    "feedback.enrich": feedbackEnrichHandler(stores, config),
    "text.backfill": textBackfillHandler(stores, config),
    "events.identity": eventsIdentityHandler(stores),
    "customers.erase-facts": customersEraseFactsHandler(stores),
    "journeys.instances": journeysInstancesHandler(stores),
    "gap.reminder": gapReminderHandler(stores, config),
    "cases.sla": casesSlaHandler(stores),
    "cases.rules.feedback": caseRulesFeedbackHandler(stores),
    "cases.rules.events": caseRulesEventsHandler(stores),
    "webhooks.event": webhookEventHandler(stores),
    "webhooks.deliver": webhookDeliverHandler(stores, config),
    "mail.send": mailSendHandler(stores, config),
    "notifications.digest": notificationsDigestHandler(stores),
    "alerts.rules": alertRulesHandler(stores),
  };
}

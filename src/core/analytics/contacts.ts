import type { TEventMatcher } from "../expressions/validate.js";

/**
 * What counts as a customer contact when a report or the journey instances are not told otherwise
 * (DESIGN §3, repeat contact: "configurable event types: call, e-mail, chat, ticket"): the events a
 * contact centre, ticket system or web form sends when a customer got in touch. A call is counted once,
 * at its end, so `Call Queued` is not among them.
 */
export const DEFAULT_CONTACT_EVENTS = [
  "Call Ended",
  "Chat Ended",
  "Ticket Created",
  "Email Received",
  "Callback Completed",
  "Contact Form Submitted",
] as const;

/** The default contact events as step matchers. */
export const defaultContactMatchers = (): TEventMatcher[] =>
  DEFAULT_CONTACT_EVENTS.map((event) => ({ event }));

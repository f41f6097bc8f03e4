import type { AppConfig } from "../core/config.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

/** Delivers survey invitations (docs/api/listen.md). Placeholder until it lands. */
export function surveyInvitationHandler(_stores: Stores, _config: AppConfig): OutboxHandler {
  return async () => {
    throw new Error("survey.invitation is not implemented yet");
  };
}

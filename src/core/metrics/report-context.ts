import type { WorkspaceContext } from "../context.js";
import type { FactsStore } from "../facts/client.js";

/** What a report use case needs: the workspace context (labels, scoping) and the facts store. */
export interface ReportContext extends WorkspaceContext {
  facts: FactsStore;
}

import { feedbackFilter, type SqlFilter } from "../../metrics/reports/feedback-filter.js";

export interface TextFilterParams {
  workspaceId: string;
  from?: string | undefined;
  to?: string | undefined;
  touchpointId?: string | undefined;
  surveyId?: string | undefined;
  channel?: string | undefined;
}

/**
 * The WHERE clause over `{db}.feedback_text FINAL` that text reports share. The table has the
 * feedback facts' filter columns (workspace, deleted, received_at, links), so it is the feedback
 * reports' filter with UTC days (a date `to` includes that day) and every record counted.
 */
export function textFilter(p: TextFilterParams): SqlFilter {
  return feedbackFilter({ ...p, tz: "UTC", countedOnly: false });
}

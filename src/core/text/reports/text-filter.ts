import type { SqlFilter } from "../../metrics/reports/feedback-filter.js";

export interface TextFilterParams {
  workspaceId: string;
  from?: string | undefined;
  to?: string | undefined;
  touchpointId?: string | undefined;
  surveyId?: string | undefined;
  channel?: string | undefined;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * The WHERE clause over `{db}.feedback_text FINAL` that text reports share: the workspace, live
 * rows, the UTC time range (a date `to` includes that day) and the link filters. Values are bound;
 * the column names are fixed here.
 */
export function textFilter(p: TextFilterParams): SqlFilter {
  const where = ["workspace_id = {workspaceId:UUID}", "deleted = 0"];
  const params: Record<string, unknown> = { workspaceId: p.workspaceId };
  if (p.from !== undefined) {
    params.from = p.from;
    where.push(
      isDate(p.from)
        ? "received_at >= toDateTime({from:Date}, 'UTC')"
        : "received_at >= parseDateTime64BestEffort({from:String}, 3, 'UTC')",
    );
  }
  if (p.to !== undefined) {
    params.to = p.to;
    where.push(
      isDate(p.to)
        ? "received_at < toDateTime({to:Date} + 1, 'UTC')"
        : "received_at < parseDateTime64BestEffort({to:String}, 3, 'UTC')",
    );
  }
  const links = [
    ["touchpoint_id", "touchpointId", p.touchpointId],
    ["survey_id", "surveyId", p.surveyId],
    ["channel", "channel", p.channel],
  ] as const;
  for (const [column, name, value] of links) {
    if (value === undefined) continue;
    params[name] = value;
    where.push(`${column} = {${name}:String}`);
  }
  return { sql: where.join(" AND "), params };
}

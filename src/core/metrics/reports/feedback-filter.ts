/** A WHERE clause over `{db}.feedback` with its bound parameters. */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}

export interface FeedbackFilterParams {
  workspaceId: string;
  /** A date (the whole day in `tz`) or an ISO date-time; from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
  tz: string;
  surveyId?: string | undefined;
  touchpointId?: string | undefined;
  journeyId?: string | undefined;
  channel?: string | undefined;
  /** Only the records metrics count: finished, unflagged, undeleted (listen.md §4). */
  countedOnly: boolean;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * The workspace, time range and link filters every feedback report shares. Values are bound; the
 * only identifiers are the fixed column names below. A date bound means midnight in `tz`, and a
 * date `to` includes that day.
 */
export function feedbackFilter(p: FeedbackFilterParams): SqlFilter {
  const where = ["workspace_id = {workspaceId:UUID}", "deleted = 0"];
  const params: Record<string, unknown> = { workspaceId: p.workspaceId, tz: p.tz };
  if (p.countedOnly) where.push("finished = 1", "flagged = 0");
  if (p.from !== undefined) {
    params.from = p.from;
    where.push(
      isDate(p.from)
        ? "received_at >= toDateTime({from:Date}, {tz:String})"
        : "received_at >= parseDateTime64BestEffort({from:String}, 3, 'UTC')",
    );
  }
  if (p.to !== undefined) {
    params.to = p.to;
    where.push(
      isDate(p.to)
        ? "received_at < toDateTime({to:Date} + 1, {tz:String})"
        : "received_at < parseDateTime64BestEffort({to:String}, 3, 'UTC')",
    );
  }
  const links = [
    ["survey_id", "surveyId", p.surveyId],
    ["touchpoint_id", "touchpointId", p.touchpointId],
    ["journey_id", "journeyId", p.journeyId],
    ["channel", "channel", p.channel],
  ] as const;
  for (const [column, name, value] of links) {
    if (value === undefined) continue;
    params[name] = value;
    where.push(`${column} = {${name}:String}`);
  }
  return { sql: where.join(" AND "), params };
}

import type { Selectable } from "kysely";
import type { Db } from "../db/connect.js";
import type { AssessmentRoundsTable } from "../db/schema.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { roundTo } from "../metrics/types.js";
import type { TAssessment, TRound } from "./gap.schema.js";

export type RoundRow = Selectable<AssessmentRoundsTable>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** A round of this workspace, else 404 (a foreign or malformed id looks the same). */
export async function findRoundRow(db: Db, workspaceId: string, id: string): Promise<RoundRow> {
  if (!isUuid(id)) throw notFound("Assessment round");
  const row = await db
    .selectFrom("assessment_rounds")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Assessment round");
  return row;
}

interface ProgressRow {
  round_id: string;
  assessments: string | number;
  answered: string | number;
  owners: string | number;
  owners_with_open: string | number;
  mean_rating: string | number | null;
}

/** Progress figures per round, in one query. */
export async function roundProgress(db: Db, workspaceId: string, roundIds: string[]) {
  if (roundIds.length === 0) return new Map<string, ProgressRow>();
  const rows = (await db
    .selectFrom("assessments")
    .select((eb) => [
      "round_id",
      eb.fn.countAll().as("assessments"),
      eb.fn.count("answered_at").as("answered"),
      eb.fn.count("owner_user_id").distinct().as("owners"),
      eb.fn.count("owner_user_id").distinct().filterWhere("answered_at", "is", null).as("owners_with_open"),
      eb.fn.avg("rating").as("mean_rating"),
    ])
    .where("workspace_id", "=", workspaceId)
    .where("round_id", "in", roundIds)
    .groupBy("round_id")
    .execute()) as unknown as ProgressRow[];
  return new Map(rows.map((r) => [r.round_id, r]));
}

export function toRound(row: RoundRow, progress: ProgressRow | undefined): TRound {
  const assessments = Number(progress?.assessments ?? 0);
  const answered = Number(progress?.answered ?? 0);
  const mean = progress?.mean_rating;
  return {
    id: row.id,
    title: row.title,
    scope: row.scope,
    journeyId: row.journey_id,
    status: row.status,
    createdBy: row.created_by,
    dueAt: iso(row.due_at),
    reminderChannel: row.reminder_relay ? "email" : "alert",
    createdAt: iso(row.created_at) as string,
    closedAt: iso(row.closed_at),
    meanRating: mean === null || mean === undefined ? null : roundTo(Number(mean), 2),
    progress: {
      assessments,
      answered,
      share: assessments === 0 ? null : answered / assessments,
      owners: Number(progress?.owners ?? 0),
      ownersWithOpen: Number(progress?.owners_with_open ?? 0),
    },
  };
}

/** Assessments with their touchpoint, owner and round, filtered by the caller. */
export function assessmentQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom("assessments as a")
    .innerJoin("assessment_rounds as r", "r.id", "a.round_id")
    .innerJoin("touchpoints as t", "t.id", "a.touchpoint_id")
    .leftJoin("users as u", "u.id", "a.owner_user_id")
    .select([
      "a.id",
      "a.round_id",
      "r.title as round_title",
      "r.status as round_status",
      "r.due_at",
      "t.id as touchpoint_id",
      "t.key as touchpoint_key",
      "t.name as touchpoint_name",
      "t.channel as touchpoint_channel",
      "a.owner_user_id",
      "u.name as owner_name",
      "u.email as owner_email",
      "a.rating",
      "a.predicted_metric",
      "a.predicted_value",
      "a.comment",
      "a.answered_at",
      "a.answered_by",
    ])
    .where("a.workspace_id", "=", workspaceId)
    .where("r.workspace_id", "=", workspaceId)
    .orderBy("t.name")
    .orderBy("a.id");
}

type AssessmentJoinRow = Awaited<ReturnType<ReturnType<typeof assessmentQuery>["execute"]>>[number];

export function toAssessment(r: AssessmentJoinRow): TAssessment {
  return {
    id: r.id,
    roundId: r.round_id,
    roundTitle: r.round_title,
    roundStatus: r.round_status,
    dueAt: iso(r.due_at),
    touchpoint: {
      id: r.touchpoint_id,
      key: r.touchpoint_key,
      name: r.touchpoint_name,
      channel: r.touchpoint_channel,
    },
    owner:
      r.owner_user_id === null
        ? null
        : { userId: r.owner_user_id, name: r.owner_name ?? "", email: r.owner_email ?? "" },
    rating: r.rating === null ? null : Number(r.rating),
    predicted:
      r.predicted_metric === null || r.predicted_value === null
        ? null
        : { metric: r.predicted_metric, value: Number(r.predicted_value) },
    comment: r.comment,
    answeredAt: iso(r.answered_at),
    answeredBy: r.answered_by,
  };
}

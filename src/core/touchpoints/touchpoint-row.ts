import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import type { TouchpointKind } from "../db/schema.js";
import { notFound } from "../errors.js";
import type { TEventMatcher } from "../expressions/validate.js";
import { isUuid } from "../ids.js";
import type { TTouchpoint } from "./touchpoints.schema.js";

/**
 * How many journeys reference a touchpoint from a step. Containment (`@>`) matches an element at
 * any position of the stages and steps arrays, and tolerates documents of any shape.
 */
export const usedBySql = sql<string>`(select count(*) from journeys j
  where j.workspace_id = t.workspace_id
    and j.document @> jsonb_build_object('stages', jsonb_build_array(jsonb_build_object('steps',
      jsonb_build_array(jsonb_build_object('touchpointId', t.id::text))))))`;

/** Touchpoints of one workspace with what their API shape needs: owner and assessor names, usage. */
export const touchpointQuery = (db: Db, workspaceId: string) =>
  db
    .selectFrom("touchpoints as t")
    .leftJoin("users as o", "o.id", "t.owner_user_id")
    .leftJoin("users as a", "a.id", "t.internal_rating_by")
    .selectAll("t")
    .select(["o.name as owner_name", "o.email as owner_email", "a.name as assessor_name"])
    .select(usedBySql.as("used_by"))
    .where("t.workspace_id", "=", workspaceId);

export type TouchpointRow = Awaited<
  ReturnType<ReturnType<typeof touchpointQuery>["executeTakeFirstOrThrow"]>
>;

export function toTouchpoint(r: TouchpointRow): TTouchpoint {
  const owner: TTouchpoint["owner"] = r.owner_user_id
    ? { type: "user", userId: r.owner_user_id, name: r.owner_name ?? "" }
    : r.owner_team
      ? { type: "team", name: r.owner_team }
      : null;
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    description: r.description,
    channel: r.channel,
    kind: r.kind as TouchpointKind,
    department: r.department,
    owner,
    tags: r.tags,
    signature: r.signature,
    internalRating:
      r.internal_rating === null
        ? null
        : {
            value: Number(r.internal_rating),
            assessedBy: r.internal_rating_by
              ? { userId: r.internal_rating_by, name: r.assessor_name ?? "" }
              : null,
            assessedAt: new Date(r.internal_rating_at ?? r.updated_at).toISOString(),
          },
    eventMatchers: r.event_matchers as TEventMatcher[],
    usedBy: Number(r.used_by),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function findTouchpointRow(db: Db, workspaceId: string, id: string): Promise<TouchpointRow> {
  if (!isUuid(id)) throw notFound("Touchpoint");
  const row = await touchpointQuery(db, workspaceId).where("t.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Touchpoint");
  return row;
}

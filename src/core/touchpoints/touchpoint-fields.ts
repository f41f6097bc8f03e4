import type { Db } from "../db/connect.js";
import { AppError, type FieldError } from "../errors.js";
import { eventMatcherErrors, normalizeMatchers, type TEventMatcher } from "../expressions/validate.js";
import type { Actor } from "../permissions/index.js";
import type { TOwnerInput } from "./touchpoints.schema.js";

/** Owner columns for an owner input; a user must be a member of the workspace. */
export async function ownerColumns(
  db: Db,
  workspaceId: string,
  owner: TOwnerInput | null,
  pointer: string,
): Promise<{ owner_user_id: string | null; owner_team: string | null }> {
  if (owner === null) return { owner_user_id: null, owner_team: null };
  if (owner.type === "team") return { owner_user_id: null, owner_team: owner.name };
  const member = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", owner.userId)
    .executeTakeFirst();
  if (!member) {
    const message = "the owner must be a member of this workspace";
    throw new AppError("validation_failed", `${pointer}/userId: ${message}`, {
      errors: [{ pointer: `${pointer}/userId`, code: "not_a_member", message }],
    });
  }
  return { owner_user_id: owner.userId, owner_team: null };
}

/** Validated, normalised event matchers, or a 400 pointing at each bad condition. */
export function matcherColumn(matchers: readonly TEventMatcher[], pointer: string): string {
  const errors: FieldError[] = eventMatcherErrors(matchers, pointer);
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
      errors,
    });
  return JSON.stringify(normalizeMatchers(matchers));
}

/** Rating columns: setting a rating records who assessed it (people only; keys stay anonymous) and when. */
export function ratingColumns(actor: Actor, value: number | null, now: Date) {
  return value === null
    ? { internal_rating: null, internal_rating_by: null, internal_rating_at: null }
    : {
        internal_rating: Math.round(value * 10) / 10,
        internal_rating_by: actor.kind === "user" ? actor.userId : null,
        internal_rating_at: now,
      };
}

/** Tags trimmed and without repeats, in their first order. */
export const cleanTags = (tags: readonly string[]): string[] => [
  ...new Set(tags.map((t) => t.trim()).filter(Boolean)),
];

/** An empty department is no department. */
export const cleanDepartment = (d: string | null | undefined): string | null => (d ? d.trim() || null : null);

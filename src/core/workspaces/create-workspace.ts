import { recordAudit } from "../audit/record-audit.js";
import type { Db } from "../db/connect.js";
import { AppError, invalid } from "../errors.js";
import { uuidv7 } from "../ids.js";
import type { Actor } from "../permissions/index.js";
import { slugify, uniqueSlug } from "./slug.js";
import type { TCreateWorkspace, TWorkspace } from "./workspaces.schema.js";

/** People create workspaces and become their owner; the system actor (CLI) may name an owner. */
export async function createWorkspace(
  db: Db,
  actor: Actor,
  input: TCreateWorkspace & { ownerEmail?: string | undefined },
  requestId?: string,
): Promise<TWorkspace> {
  if (actor.kind === "api_key")
    throw new AppError("forbidden", "API keys belong to one workspace and cannot create others");
  const ownerId = actor.kind === "user" ? actor.userId : await ownerByEmail(db, input.ownerEmail);
  const id = uuidv7();
  return db.transaction().execute(async (tx) => {
    const slug = input.slug
      ? await tx
          .selectFrom("workspaces")
          .select("id")
          .where("slug", "=", input.slug)
          .executeTakeFirst()
          .then((hit) => {
            if (hit)
              throw new AppError("conflict", `The slug "${input.slug}" is taken`, {
                errors: [{ pointer: "/body/slug", code: "taken", message: "choose another slug" }],
              });
            return input.slug as string;
          })
      : await uniqueSlug(tx, slugify(input.name));
    const row = await tx
      .insertInto("workspaces")
      .values({ id, name: input.name, slug })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (ownerId)
      await tx
        .insertInto("memberships")
        .values({ workspace_id: id, user_id: ownerId, role: "owner" })
        .execute();
    await recordAudit(tx, {
      workspaceId: id,
      actor,
      action: "workspace.create",
      targetType: "workspace",
      targetId: id,
      outcome: "success",
      details: { name: input.name, slug },
      requestId,
    });
    return {
      id,
      name: row.name,
      slug: row.slug,
      role: ownerId && actor.kind === "user" ? "owner" : null,
      createdAt: new Date(row.created_at).toISOString(),
    };
  });
}

/** The system actor (CLI, demo seed) names the owner by e-mail; people always own what they create. */
async function ownerByEmail(db: Db, email: string | undefined): Promise<string | undefined> {
  if (email === undefined) return undefined;
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
  if (!user) throw invalid("/body/ownerEmail", `No account with the e-mail ${email}`, "unknown_user");
  return user.id;
}

import type { Db } from "../db/connect.js";
import { createUser } from "../users/create-user.js";
import { createWorkspace } from "./create-workspace.js";

export const DEMO_LOGIN = { email: "demo@journeylens.local", password: "journeylens-demo" } as const;

/**
 * First run only: a "Demo" workspace owned by a demo account, so a new installation can be
 * explored at once. Nothing happens when any workspace exists.
 */
export async function seedDemo(db: Db): Promise<{ email: string; password: string } | undefined> {
  const any = await db.selectFrom("workspaces").select("id").limit(1).executeTakeFirst();
  if (any) return undefined;
  const user = await createUser(db, { ...DEMO_LOGIN, name: "Demo", locale: "de" });
  await createWorkspace(db, { kind: "system" }, { name: "Demo", slug: "demo", ownerEmail: user.email });
  return { ...DEMO_LOGIN };
}

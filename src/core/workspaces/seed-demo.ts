import type { Db } from "../db/connect.js";
import { seedDemoAlertRules } from "../demo/seed-demo-alert-rules.js";
import { seedDemoAssessments } from "../demo/seed-demo-assessments.js";
import { seedDemoCaseRules } from "../demo/seed-demo-case-rules.js";
import { seedDemoContent } from "../demo/seed-demo-content.js";
import { seedDemoFeedback } from "../demo/seed-demo-feedback.js";
import { seedDemoFollowUp } from "../demo/seed-demo-follow-up.js";
import { seedDemoKpis } from "../demo/seed-demo-kpis.js";
import { seedDemoPeople } from "../demo/seed-demo-people.js";
import { createSurvey } from "../surveys/create-survey.js";
import { ZCreateSurvey } from "../surveys/surveys.schema.js";
import { createUser } from "../users/create-user.js";
import { createWorkspace } from "./create-workspace.js";
import { resolveAccess } from "./resolve-access.js";

export const DEMO_LOGIN = { email: "demo@journeylens.local", password: "journeylens-demo" } as const;

/**
 * First run only: a "Demo" workspace owned by a demo account, with three demo journeys, their
 * surveys and several thousand responses and feedback items, so a new installation can be explored
 * at once. Nothing happens when any workspace exists.
 */
export async function seedDemo(db: Db): Promise<{ email: string; password: string } | undefined> {
  const any = await db.selectFrom("workspaces").select("id").limit(1).executeTakeFirst();
  if (any) return undefined;
  const user = await createUser(db, { ...DEMO_LOGIN, name: "Dana Demo", locale: "de" });
  const ws = await createWorkspace(
    db,
    { kind: "system" },
    { name: "Demo", slug: "demo", ownerEmail: user.email },
  );
  const access = await resolveAccess(db, { kind: "system" }, ws.id);
  if (!access) throw new Error("the demo workspace vanished while seeding");
  const ctx = { db, access };
  const { cases } = await seedDemoContent(ctx, user.id);
  await seedDemoPeople(ctx, DEMO_LOGIN.password);
  await seedDemoFeedback(ctx, cases, async (input) => {
    const survey = await createSurvey(ctx, ZCreateSurvey.parse({ ...input, status: "active" }));
    return survey.id;
  });
  const telecom = cases.find((c) => c.caseIndex === 0);
  if (telecom) {
    await seedDemoAssessments(db, ws.id, user, telecom.journeyId);
    await seedDemoKpis(db, ws.id, user, telecom.journeyId);
    await seedDemoCaseRules(ctx, telecom);
    await seedDemoFollowUp(ctx);
    await seedDemoAlertRules(ctx);
  }
  return { ...DEMO_LOGIN };
}

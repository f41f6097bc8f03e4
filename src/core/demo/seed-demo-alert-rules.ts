import { ZCreateAlertRule } from "../alert-rules/alert-rules.schema.js";
import { createAlertRule } from "../alert-rules/manage-alert-rules.js";
import type { WorkspaceContext } from "../context.js";

/** The demo feedback reaches the facts store through the outbox first; the rules check after that. */
const FIRST_CHECK_DELAY_MS = 3 * 60_000;

/**
 * The demo's alert rules (docs/api/act.md, "Alert rules"): the brand NPS under its target of 25 (it
 * is below on the demo data, so this one fires), a fall of it by 10 points against the previous 30
 * days, and the app-login surge of
 * the demo comments (the `digital` aspect's emerging-topic alert). Made through the use case, so the
 * seed is validated like user input; KPIs are found by their demo keys.
 */
export async function seedDemoAlertRules(ctx: WorkspaceContext, now = new Date()): Promise<number> {
  const kpis = await ctx.db
    .selectFrom("kpis")
    .select(["id", "key"])
    .where("workspace_id", "=", ctx.access.workspaceId)
    .execute();
  const kpi = (key: string) => kpis.find((k) => k.key === key)?.id;
  const rules: unknown[] = [];
  if (kpi("marke-nps"))
    rules.push({
      name: "Marken-NPS unter Ziel",
      kind: "threshold",
      kpiId: kpi("marke-nps"),
      parameters: { operator: "below", value: 25, windowDays: 90, minN: 30 },
      severity: "warning",
      recipients: { roles: ["owner", "analyst"] },
      checkEvery: "daily",
    });
  if (kpi("marke-nps"))
    rules.push({
      name: "Marken-NPS fällt um 10 Punkte",
      kind: "change",
      kpiId: kpi("marke-nps"),
      parameters: { mode: "points", amount: 10, direction: "worse", windowDays: 30, minN: 30 },
      severity: "critical",
      recipients: { roles: ["owner"] },
      checkEvery: "daily",
    });
  rules.push({
    name: "App-Login: aufkommendes Thema",
    kind: "topic",
    parameters: { aspects: ["digital"], minZ: 3 },
    severity: "critical",
    recipients: { roles: ["owner", "agent"] },
    checkEvery: "hourly",
  });
  const firstCheck = new Date(now.getTime() + FIRST_CHECK_DELAY_MS);
  for (const rule of rules) await createAlertRule(ctx, ZCreateAlertRule.parse(rule), now, firstCheck);
  return rules.length;
}

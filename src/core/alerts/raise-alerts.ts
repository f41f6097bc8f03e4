import type { Db } from "../db/connect.js";
import type { AlertSeverity } from "../db/schema.js";
import { uuidv7 } from "../ids.js";
import { notifyAlerts } from "../notifications/notify-events.js";
import { emitWebhookEvents } from "../webhooks/emit-event.js";
import { toAlert } from "./alert-row.js";
import type { TAlert } from "./alerts.schema.js";

export interface NewAlert {
  kind: string;
  dedupeKey: string;
  severity: AlertSeverity;
  title: string;
  details: Record<string, unknown>;
}

/**
 * Inserts the alerts whose dedupe key the workspace has not seen yet; returns only those. Each new
 * alert emits `alert.fired` and notifies its recipients in the same transaction (the caller's, or
 * one of its own).
 */
export async function raiseAlerts(
  db: Db,
  workspaceId: string,
  alerts: readonly NewAlert[],
): Promise<TAlert[]> {
  if (alerts.length === 0) return [];
  if (!db.isTransaction) return db.transaction().execute((tx) => raiseAlerts(tx, workspaceId, alerts));
  const rows = await db
    .insertInto("alerts")
    .values(
      alerts.map((a) => ({
        id: uuidv7(),
        workspace_id: workspaceId,
        kind: a.kind,
        dedupe_key: a.dedupeKey,
        severity: a.severity,
        title: a.title,
        details: JSON.stringify(a.details),
      })),
    )
    .onConflict((oc) => oc.columns(["workspace_id", "dedupe_key"]).doNothing())
    .returningAll()
    .execute();
  const raised = rows.map(toAlert).sort((a, b) => (a.id < b.id ? -1 : 1));
  await emitWebhookEvents(
    db,
    workspaceId,
    "alert.fired",
    raised.map((alert) => ({ data: { alert }, occurredAt: new Date(alert.createdAt) })),
  );
  // In-app and e-mail notifications to `details.recipients` (default: owners, admins, analysts).
  await notifyAlerts(db, workspaceId, raised);
  return raised;
}

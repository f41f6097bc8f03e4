import type { Selectable } from "kysely";
import type { AlertsTable } from "../db/schema.js";
import type { TAlert } from "./alerts.schema.js";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toAlert(r: Selectable<AlertsTable>): TAlert {
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    title: r.title,
    details: (r.details ?? {}) as Record<string, unknown>,
    createdAt: iso(r.created_at) as string,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
  };
}

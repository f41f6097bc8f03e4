import type { ReportContext } from "../../metrics/report-context.js";
import { instancesSql } from "../instances/instances-sql.js";
import type { TJourneyKpi, TJourneyKpis, TJourneyKpisRequest } from "../journey-kpis.schema.js";
import { journeySteps } from "../journey-steps.js";
import { rangeOf, SqlParams } from "../scope.js";

const round = (v: number): number => Math.round(v * 10_000) / 10_000;
const pct = (a: number, b: number): number | null => (b === 0 ? null : round((100 * a) / b));

/**
 * A journey's performance KPIs computed from its instances started in `[from, to)`
 * (docs/api/journey-analytics.md §6.3), each with the target of the journey's KPI that names it:
 * conversion (completed share), median time to complete, contacts per instance, first-contact
 * resolution (of the instances with contacts, those with exactly one), repeat-contact rate (of the
 * instances with contacts, those with two within `repeatWithinDays`) and drop-off rate.
 */
export async function journeyKpis(
  ctx: ReportContext,
  input: TJourneyKpisRequest,
  now = new Date(),
): Promise<TJourneyKpis> {
  const workspaceId = ctx.access.workspaceId;
  const { journey } = await journeySteps(ctx.db, workspaceId, input.journeyId);
  const params = new SqlParams();
  const inst = instancesSql(ctx.facts, workspaceId, journey.id, rangeOf(input, now), params, {
    inactivityDays: input.inactivityDays,
    now,
  });
  const within = params.add("Int64", input.repeatWithinDays * 86_400_000);
  const [row] = await ctx.facts.query<{
    total: string;
    completed: string;
    dropped: string;
    median_days: number;
    contact_sum: string;
    with_contacts: string;
    one_contact: string;
    repeats: string;
  }>(
    `SELECT count() AS total, countIf(status = 'completed') AS completed, countIf(status = 'dropped') AS dropped,
        quantileExactInclusiveIf(0.5)(
          (toUnixTimestamp64Milli(ended_at) - toUnixTimestamp64Milli(started_at)) / 86400000, status = 'completed'
        ) AS median_days,
        sum(contacts) AS contact_sum, countIf(contacts > 0) AS with_contacts, countIf(contacts = 1) AS one_contact,
        countIf(arrayExists(k -> k > 1 AND toUnixTimestamp64Milli(contact_times[k])
            - toUnixTimestamp64Milli(contact_times[k - 1]) <= ${within}, range(1, length(contact_times) + 1))) AS repeats
      FROM ${inst} AS i`,
    params.values,
  );
  const total = Number(row?.total ?? 0);
  const completed = Number(row?.completed ?? 0);
  const withContacts = Number(row?.with_contacts ?? 0);
  const median = Number(row?.median_days);
  const values: Omit<TJourneyKpi, "target" | "met">[] = [
    { key: "conversion", unit: "percent", value: pct(completed, total), n: total, higherIsBetter: true },
    {
      key: "time_to_complete",
      unit: "days",
      value: completed === 0 || !Number.isFinite(median) ? null : round(median),
      n: completed,
      higherIsBetter: false,
    },
    {
      key: "contacts_per_instance",
      unit: "count",
      value: total === 0 ? null : round(Number(row?.contact_sum ?? 0) / total),
      n: total,
      higherIsBetter: false,
    },
    {
      key: "first_contact_resolution",
      unit: "percent",
      value: pct(Number(row?.one_contact ?? 0), withContacts),
      n: withContacts,
      higherIsBetter: true,
    },
    {
      key: "repeat_contact_rate",
      unit: "percent",
      value: pct(Number(row?.repeats ?? 0), withContacts),
      n: withContacts,
      higherIsBetter: false,
    },
    {
      key: "drop_off_rate",
      unit: "percent",
      value: pct(Number(row?.dropped ?? 0), total),
      n: total,
      higherIsBetter: false,
    },
  ];
  const targets = [...journey.document.kpis.performance, ...journey.document.kpis.brand];
  const items = values.map((v) => {
    const kpi = targets.find((k) => k.measure === v.key && k.target !== null);
    const target = kpi ? { name: kpi.name, value: kpi.target as number } : null;
    const met =
      target === null || v.value === null
        ? null
        : v.higherIsBetter
          ? v.value >= target.value
          : v.value <= target.value;
    return { ...v, target, met };
  });
  return { journeyId: journey.id, instances: total, items };
}

import { useTranslation } from "react-i18next";
import type { JourneyKpi, JourneyKpis } from "../../api/journey-design";
import { Icon } from "../../components/Icon";
import { formatNumber } from "../metrics/format";
import { formatKpiValue } from "./measures";

/**
 * The journey's KPIs computed from its instances: value, the map's target for it (a KPI whose
 * "measured as" names it), whether the target is met, and how many instances the value rests on.
 */
export function KpiPanel({ kpis, pending }: { kpis: JourneyKpis | undefined; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="jm-kpis" aria-labelledby="jm-kpis-title">
      <div className="jm-kpis__head">
        <h2 className="jm-kpis__title" id="jm-kpis-title">
          {t("journeys.kpis.title")}
        </h2>
        <p className="jm-kpis__hint">{t("journeys.kpis.hint")}</p>
      </div>
      {kpis ? (
        <ul className="jm-kpis__list">
          {kpis.items.map((item) => (
            <KpiCard key={item.key} item={item} />
          ))}
        </ul>
      ) : pending ? (
        <p className="muted">{t("journeys.measures.loading")}</p>
      ) : null}
    </section>
  );
}

function KpiCard({ item }: { item: JourneyKpi }) {
  const { t } = useTranslation();
  const state = item.met === null ? "none" : item.met ? "met" : "missed";
  return (
    <li className={`jm-kpi jm-kpi--${state}`} data-kpi={item.key}>
      <span className="jm-kpi__label">{t(`journeys.kpis.measures.${item.key}`)}</span>
      <span className="jm-kpi__value">{formatKpiValue(t, item.unit, item.value)}</span>
      <span className="jm-kpi__target">
        {item.target ? (
          <>
            {t(item.higherIsBetter ? "journeys.kpis.targetAtLeast" : "journeys.kpis.targetAtMost", {
              value: formatKpiValue(t, item.unit, item.target.value),
            })}
            <span className="jm-kpi__target-name"> · {item.target.name}</span>
          </>
        ) : (
          <span className="muted">{t("journeys.kpis.noTarget")}</span>
        )}
      </span>
      <span className="jm-kpi__foot">
        {state === "none" ? null : (
          <span className={`jm-kpi__state jm-kpi__state--${state}`}>
            <Icon name={state === "met" ? "check" : "warning"} size={14} />
            {t(`journeys.kpis.${state}`)}
          </span>
        )}
        <span className="jm-kpi__n">{t("journeys.measures.n", { n: formatNumber(item.n) })}</span>
      </span>
    </li>
  );
}

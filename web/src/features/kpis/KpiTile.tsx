import { useTranslation } from "react-i18next";
import { Icon } from "../../components/Icon";
import { formatNumber } from "../metrics/format";
import { formatKpi, formatKpiInterval } from "./format";
import { Sparkline } from "./Sparkline";
import type { KpiValues } from "./types";

/** One KPI against its target: value with interval and n, trend vs the previous period, sparkline. */
export function KpiTile({ item }: { item: KpiValues }) {
  const { t } = useTranslation();
  const { kpi, current } = item;
  const state = item.met === null ? "none" : item.met ? "met" : "missed";
  return (
    <li className={`kpi-tile kpi-tile--${state}`} data-kpi={kpi.key}>
      <span className="kpi-tile__label">{kpi.name}</span>
      <span className="kpi-tile__value">{formatKpi(kpi.unit, current.value)}</span>
      <span className="kpi-tile__interval">
        {current.interval
          ? t("kpis.interval", { range: formatKpiInterval(kpi.unit, current.interval) })
          : null}
        <span className="kpi-tile__n"> {t("kpis.n", { n: formatNumber(current.n) })}</span>
      </span>
      <span className="kpi-tile__target">
        {kpi.target === null
          ? t("kpis.noTarget")
          : t(kpi.direction === "higher" ? "kpis.targetAtLeast" : "kpis.targetAtMost", {
              value: formatKpi(kpi.unit, kpi.target),
            })}
      </span>
      <Sparkline series={item.series} target={kpi.target} label={t("kpis.sparkline", { name: kpi.name })} />
      <span className="kpi-tile__foot">
        {state === "none" ? null : (
          <span className={`kpi-state kpi-state--${state}`}>
            <Icon name={state === "met" ? "check" : "warning"} size={14} />
            {t(`kpis.${state}`)}
          </span>
        )}
        {item.trend ? (
          <span className={`kpi-trend kpi-trend--${item.trend}`}>{t(`kpis.trend.${item.trend}`)}</span>
        ) : null}
      </span>
    </li>
  );
}

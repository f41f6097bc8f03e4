import { useTranslation } from "react-i18next";
import type { MetricValue, QuestionMetricId } from "../../api/listen";
import { Icon } from "../../components/Icon";
import { formatInterval, formatMetric, formatNumber } from "./format";

/** A metric's headline: value, 95 % interval and n, with a warning when n < 30. */
export function MetricFigure({
  metric,
  value,
  label,
}: {
  metric: QuestionMetricId;
  value: MetricValue;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="metric-figure">
      <p className="metric-figure__label">{label ?? t(`metrics.names.${metric}`)}</p>
      <p className="metric-figure__value" data-testid={`metric-${metric}`}>
        {formatMetric(metric, value.value)}
      </p>
      <p className="metric-figure__meta">
        {value.interval ? (
          <span>{t("metrics.interval95", { range: formatInterval(metric, value.interval) })}</span>
        ) : null}
        <span>{t("metrics.nValue", { n: formatNumber(value.n) })}</span>
      </p>
      {value.warning === "small_sample" ? <SmallSampleNote /> : null}
    </div>
  );
}

export function SmallSampleNote() {
  const { t } = useTranslation();
  return (
    <p className="inline-warning metric-figure__warning">
      <Icon name="warning" size={14} />
      {t("metrics.smallSample")}
    </p>
  );
}

/** The warning icon of a table row, with its text for assistive technology and on hover. */
export function SmallSampleIcon() {
  const { t } = useTranslation();
  return (
    <span className="small-sample" title={t("metrics.smallSampleShort")}>
      <Icon name="warning" size={14} />
      <span className="sr-only">{t("metrics.smallSampleShort")}</span>
    </span>
  );
}

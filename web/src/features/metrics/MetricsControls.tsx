import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ALL_CHANNELS, GROUP_BYS, type GroupBy, METRIC_IDS, type MetricId } from "../../api/listen";
import { TextField } from "../../components/Field";
import { FilterSelect } from "../../components/Filters";
import { LinkFilters } from "../feedback/LinkFilters";
import { channelLabel } from "../feedback/labels";
import type { MetricsParam } from "./MetricsPage";

type Values = Record<MetricsParam, string> & { metric: MetricId; groupBy: GroupBy };

/** The metric picker with its definition, the grouping, the date range and the filters. */
export function MetricsControls({
  workspaceId,
  values,
  traitError,
  onChange,
  onReset,
}: {
  workspaceId: string;
  values: Values;
  /** The server's message when it refused the trait name. */
  traitError?: string;
  onChange: (name: MetricsParam, value: string) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const filtered = ["from", "to", "surveyId", "touchpointId", "journeyId", "channel"].some(
    (k) => values[k as MetricsParam],
  );

  return (
    <section className="metrics-controls" aria-label={t("metrics.controls")}>
      <div className="metrics-controls__main">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-metric`}>
            {t("metrics.metric")}
          </label>
          <select
            id={`${id}-metric`}
            className="input select"
            value={values.metric}
            aria-describedby={`${id}-definition`}
            onChange={(e) => onChange("metric", e.target.value)}
          >
            {METRIC_IDS.map((m) => (
              <option key={m} value={m}>
                {t(`metrics.names.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-group`}>
            {t("metrics.groupBy")}
          </label>
          <select
            id={`${id}-group`}
            className="input select"
            value={values.groupBy}
            onChange={(e) => onChange("groupBy", e.target.value)}
          >
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {t(`metrics.groups.${g}`)}
              </option>
            ))}
          </select>
        </div>
        {values.groupBy === "trait" ? (
          <div className={traitError ? "field field--invalid" : "field"}>
            <label className="field__label" htmlFor={`${id}-trait`}>
              {t("metrics.trait")}
            </label>
            <input
              id={`${id}-trait`}
              className="input"
              value={values.trait}
              placeholder={t("metrics.traitPlaceholder")}
              aria-invalid={traitError ? true : undefined}
              aria-describedby={traitError ? `${id}-trait-error` : undefined}
              onChange={(e) => onChange("trait", e.target.value)}
            />
            {traitError ? (
              <p className="field__error" id={`${id}-trait-error`}>
                {traitError}
              </p>
            ) : null}
          </div>
        ) : null}
        <TextField
          label={t("metrics.from")}
          type="date"
          value={values.from}
          max={values.to || undefined}
          onChange={(e) => onChange("from", e.target.value)}
        />
        <TextField
          label={t("metrics.to")}
          type="date"
          value={values.to}
          min={values.from || undefined}
          onChange={(e) => onChange("to", e.target.value)}
        />
      </div>
      <p className="metrics-controls__definition" id={`${id}-definition`}>
        <strong>{t("metrics.definition")}:</strong> {t(`metrics.definitions.${values.metric}`)}
      </p>
      <div className="filter-bar">
        <LinkFilters workspaceId={workspaceId} values={values} onChange={onChange} />
        <FilterSelect
          label={t("feedback.fields.channel")}
          value={values.channel}
          onChange={(v) => onChange("channel", v)}
          options={ALL_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
        />
        {filtered ? (
          <button type="button" className="button button--ghost button--small" onClick={onReset}>
            {t("touchpoints.filters.reset")}
          </button>
        ) : null}
      </div>
    </section>
  );
}

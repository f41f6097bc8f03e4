import { useTranslation } from "react-i18next";
import { JOURNEY_KPI_MEASURES, type JourneyKpiMeasure } from "../../api/journey-design";
import { SelectField, TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import type { KpiDraft, KpiDraftError } from "./document";

const emptyRow = (): KpiDraft => ({ name: "", target: "", unit: "", measure: "", hadMeasure: false });

/**
 * One list of the journey's KPIs (performance or brand): name, target, unit and which computed KPI
 * ("measured as") the target applies to.
 */
export function KpiEditor({
  label,
  rows,
  errors,
  onChange,
}: {
  label: string;
  rows: KpiDraft[];
  errors: ReadonlyMap<number, KpiDraftError>;
  onChange: (rows: KpiDraft[]) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<KpiDraft>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <fieldset className="fieldset kpi-editor">
      <legend className="field__label">{label}</legend>
      {rows.length === 0 ? <p className="muted kpi-editor__empty">{t("journeys.kpis.editor.none")}</p> : null}
      <ul className="kpi-editor__items">
        {rows.map((row, index) => {
          const error = errors.get(index);
          const n = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <li key={index} className="kpi-editor__item">
              <TextField
                label={t("journeys.kpis.editor.name")}
                value={row.name}
                autoComplete="off"
                aria-label={t("journeys.kpis.editor.nameOf", { list: label, n })}
                error={error === "name" ? t("journeys.kpis.editor.nameRequired") : undefined}
                onChange={(e) => set(index, { name: e.target.value })}
              />
              <TextField
                label={t("journeys.kpis.editor.target")}
                value={row.target}
                inputMode="decimal"
                autoComplete="off"
                error={error === "target" ? t("journeys.kpis.editor.targetInvalid") : undefined}
                onChange={(e) => set(index, { target: e.target.value })}
              />
              <TextField
                label={t("journeys.kpis.editor.unit")}
                value={row.unit}
                autoComplete="off"
                onChange={(e) => set(index, { unit: e.target.value })}
              />
              <SelectField
                label={t("journeys.kpis.editor.measure")}
                value={row.measure}
                onChange={(e) =>
                  set(index, {
                    measure: JOURNEY_KPI_MEASURES.find((m) => m === e.target.value) ?? "",
                  })
                }
              >
                <option value="">{t("journeys.kpis.editor.notMeasured")}</option>
                {JOURNEY_KPI_MEASURES.map((m: JourneyKpiMeasure) => (
                  <option key={m} value={m}>
                    {t(`journeys.kpis.measures.${m}`)}
                  </option>
                ))}
              </SelectField>
              <button
                type="button"
                className="icon-button kpi-editor__remove"
                aria-label={t("journeys.kpis.editor.remove", { name: row.name || n })}
                title={t("journeys.kpis.editor.remove", { name: row.name || n })}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                <Icon name="trash" size={16} />
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={() => onChange([...rows, emptyRow()])}
      >
        <Icon name="plus" size={14} />
        {t("journeys.kpis.editor.add")}
      </button>
    </fieldset>
  );
}

import { useTranslation } from "react-i18next";
import { Icon } from "./Icon";

/** The search box of a `filter-bar`. */
export function FilterSearch({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className="filter-bar__search">
      <Icon name="search" size={16} className="filter-bar__search-icon" />
      <input
        type="search"
        className="input"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** A `filter-bar` select whose empty value means "all"; highlighted while it filters. */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <label className={value ? "filter filter--active" : "filter"}>
      <span className="filter__label">{label}</span>
      <select
        className="input select select--compact"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t("touchpoints.filters.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A `filter-bar` day picker whose empty value means "any day"; highlighted while it filters. */
export function FilterDate({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value: string;
  min?: string;
  max?: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className={value ? "filter filter--active" : "filter"}>
      <span className="filter__label">{label}</span>
      <input
        type="date"
        className="input input--compact"
        value={value}
        min={min}
        max={max}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** "From" and "to" date filters that keep each other in order (from ≤ to). */
export function FilterDateRange({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (key: "from" | "to", value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FilterDate
        label={t("metrics.from")}
        value={from}
        max={to || undefined}
        onChange={(v) => onChange("from", v)}
      />
      <FilterDate
        label={t("metrics.to")}
        value={to}
        min={from || undefined}
        onChange={(v) => onChange("to", v)}
      />
    </>
  );
}

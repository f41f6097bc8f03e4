import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ALL_CHANNELS, SCORE_BANDS } from "../../api/listen";
import { POLARITIES } from "../../api/text";
import { FilterDateRange, FilterSearch, FilterSelect } from "../../components/Filters";
import { useAspectOptions } from "../text/hooks";
import { INBOX_FILTERS, type InboxFilter } from "./hooks";
import { LinkFilters } from "./LinkFilters";
import { channelLabel } from "./labels";

const SEARCH_DELAY_MS = 300;

/** Full-text search and the inbox filters; typing waits a moment before it asks the server. */
export function InboxFilters({
  workspaceId,
  values,
  onChange,
  onReset,
}: {
  workspaceId: string;
  values: Record<InboxFilter, string>;
  onChange: (name: InboxFilter, value: string) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(values.q);
  const aspects = useAspectOptions(workspaceId, values.aspect);
  const active = INBOX_FILTERS.some((f) => values[f]);

  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => setQ(values.q), [values.q]);
  useEffect(() => {
    if (q === values.q) return;
    const timer = setTimeout(() => onChangeRef.current("q", q), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, values.q]);

  const yesNo = (yes: string, no: string) => [
    { value: "true", label: yes },
    { value: "false", label: no },
  ];

  return (
    <search className="filter-bar inbox-filters" aria-label={t("feedback.filters.label")}>
      <FilterSearch
        label={t("feedback.filters.search")}
        placeholder={t("feedback.filters.searchPlaceholder")}
        value={q}
        onChange={setQ}
      />
      <FilterSelect
        label={t("feedback.fields.channel")}
        value={values.channel}
        onChange={(v) => onChange("channel", v)}
        options={ALL_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
      />
      <LinkFilters workspaceId={workspaceId} values={values} onChange={onChange} />
      <FilterSelect
        label={t("feedback.fields.band")}
        value={values.band}
        onChange={(v) => onChange("band", v)}
        options={SCORE_BANDS.map((b) => ({ value: b, label: t(`feedback.bands.${b}`) }))}
      />
      <FilterSelect
        label={t("text.sentiment")}
        value={values.sentiment}
        onChange={(v) => onChange("sentiment", v)}
        options={POLARITIES.map((p) => ({ value: p, label: t(`text.polarity.${p}`) }))}
      />
      <FilterSelect
        label={t("text.aspect")}
        value={values.aspect}
        onChange={(v) => onChange("aspect", v)}
        options={aspects}
      />
      <FilterSelect
        label={t("feedback.fields.language")}
        value={values.language}
        onChange={(v) => onChange("language", v)}
        options={[
          { value: "de", label: t("surveys.languages.de") },
          { value: "en", label: t("surveys.languages.en") },
        ]}
      />
      <FilterSelect
        label={t("feedback.fields.hasText")}
        value={values.hasText}
        onChange={(v) => onChange("hasText", v)}
        options={yesNo(t("feedback.filters.withText"), t("feedback.filters.withoutText"))}
      />
      <FilterSelect
        label={t("feedback.fields.flagged")}
        value={values.flagged}
        onChange={(v) => onChange("flagged", v)}
        options={yesNo(t("feedback.filters.flaggedOnly"), t("feedback.filters.unflaggedOnly"))}
      />
      <FilterDateRange from={values.from} to={values.to} onChange={onChange} />
      {values.customerId ? (
        <button
          type="button"
          className="chip chip--removable"
          aria-label={t("feedback.filters.removeCustomer", { id: values.customerId })}
          onClick={() => onChange("customerId", "")}
        >
          {t("feedback.filters.customer", { id: values.customerId })} ×
        </button>
      ) : null}
      {active ? (
        <button type="button" className="button button--ghost button--small" onClick={onReset}>
          {t("touchpoints.filters.reset")}
        </button>
      ) : null}
    </search>
  );
}

import { useTranslation } from "react-i18next";
import {
  FEEDBACK_CHANNELS,
  type FeedbackImportMapping,
  RATING_METRICS,
  type RatingMetric,
} from "../../api/listen";
import { SelectField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { channelLabel } from "./labels";
import { MAPPED_FIELDS, type MappedField } from "./mapping";

type Rating = NonNullable<FeedbackImportMapping["ratings"]>[number];

/** Scales a rating column may use per metric (docs/api/listen.md §3). */
const SCALES: Record<RatingMetric, { min: number; max: number }[] | null> = {
  nps: null,
  ces: null,
  csat: [
    { min: 1, max: 5 },
    { min: 1, max: 7 },
    { min: 1, max: 10 },
  ],
  rating: [
    { min: 1, max: 5 },
    { min: 0, max: 10 },
    { min: 1, max: 10 },
    { min: 1, max: 7 },
  ],
};

/** The channel of the whole file and which column feeds which field. */
export function MappingForm({
  columns,
  channel,
  mapping,
  onChannel,
  onMapping,
}: {
  columns: string[];
  channel: string;
  mapping: FeedbackImportMapping;
  onChannel: (channel: string) => void;
  onMapping: (mapping: FeedbackImportMapping) => void;
}) {
  const { t } = useTranslation();
  const ratings = mapping.ratings ?? [];
  const setField = (field: MappedField, column: string) => {
    const next = { ...mapping };
    if (column) next[field] = column;
    else delete next[field];
    onMapping(next);
  };
  const setRatings = (next: Rating[]) => onMapping({ ...mapping, ratings: next });
  const columnOptions = columns.map((c) => (
    <option key={c} value={c}>
      {c}
    </option>
  ));

  return (
    <div className="mapping">
      <SelectField
        label={t("feedback.import.channel")}
        value={channel}
        onChange={(e) => onChannel(e.target.value)}
        hint={t("feedback.import.channelHint")}
      >
        {FEEDBACK_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {channelLabel(t, c)}
          </option>
        ))}
      </SelectField>
      <div className="mapping__grid">
        {MAPPED_FIELDS.map((field) => (
          <SelectField
            key={field}
            label={t(`feedback.import.fields.${field}`)}
            value={mapping[field] ?? ""}
            onChange={(e) => setField(field, e.target.value)}
          >
            <option value="">{t("feedback.import.notMapped")}</option>
            {columnOptions}
          </SelectField>
        ))}
      </div>
      <fieldset className="fieldset">
        <legend className="field__label">{t("feedback.import.ratings")}</legend>
        <p className="field__hint">{t("feedback.import.ratingsHint")}</p>
        <ul className="mapping__ratings">
          {ratings.map((r, i) => {
            const scales = SCALES[r.metric];
            const set = (patch: Partial<Rating>) =>
              setRatings(ratings.map((x, j) => (j === i ? { ...x, ...patch } : x)));
            return (
              <li key={r.column || i} className="mapping__rating">
                <label>
                  <span className="sr-only">{t("feedback.import.ratingColumn", { n: i + 1 })}</span>
                  <select
                    className="input select"
                    value={r.column}
                    onChange={(e) => set({ column: e.target.value })}
                  >
                    {columnOptions}
                  </select>
                </label>
                <label>
                  <span className="sr-only">{t("feedback.import.ratingMetric", { n: i + 1 })}</span>
                  <select
                    className="input select"
                    value={r.metric}
                    onChange={(e) => {
                      const metric = e.target.value as RatingMetric;
                      const first = SCALES[metric]?.[0];
                      setRatings(
                        ratings.map((x, j) =>
                          j === i ? { column: x.column, metric, ...(first ? { scale: first } : {}) } : x,
                        ),
                      );
                    }}
                  >
                    {RATING_METRICS.map((m) => (
                      <option key={m} value={m}>
                        {t(`feedback.ratingMetrics.${m}`)}
                      </option>
                    ))}
                  </select>
                </label>
                {scales ? (
                  <label>
                    <span className="sr-only">{t("feedback.import.ratingScale", { n: i + 1 })}</span>
                    <select
                      className="input select"
                      value={`${r.scale?.min ?? scales[0]?.min}-${r.scale?.max ?? scales[0]?.max}`}
                      onChange={(e) => {
                        const [min, max] = e.target.value.split("-").map(Number);
                        set({ scale: { min: min ?? 1, max: max ?? 5 } });
                      }}
                    >
                      {scales.map((s) => (
                        <option key={`${s.min}-${s.max}`} value={`${s.min}-${s.max}`}>
                          {s.min}–{s.max}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  <span className="field__hint">{r.metric === "nps" ? "0–10" : "1–7"}</span>
                )}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t("feedback.import.ratingRemove", { n: i + 1 })}
                  title={t("feedback.import.ratingRemove", { n: i + 1 })}
                  onClick={() => setRatings(ratings.filter((_, j) => j !== i))}
                >
                  <Icon name="close" size={14} />
                </button>
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={columns.length === 0}
          onClick={() =>
            setRatings([...ratings, { column: columns[0] ?? "", metric: "csat", scale: { min: 1, max: 5 } }])
          }
        >
          <Icon name="plus" size={14} />
          {t("feedback.import.ratingAdd")}
        </button>
      </fieldset>
    </div>
  );
}

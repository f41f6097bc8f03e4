import { useTranslation } from "react-i18next";
import type { LocalizedText, Question } from "../../api/listen";
import type { Locale } from "../../api/types";
import { SelectField } from "../../components/Field";
import { scaleOf } from "./definition";
import { LocalizedFields } from "./LocalizedFields";

const POINTS = Array.from({ length: 11 }, (_, i) => i);

/** The scale of a rating-like question: fixed for NPS, CSAT and CES, chosen for ratings; end labels. */
export function ScaleEditor({
  question,
  language,
  onChange,
}: {
  question: Question;
  language: Locale;
  onChange: (next: Question) => void;
}) {
  const { t } = useTranslation();
  const scale = scaleOf(question) ?? { min: 1, max: 5 };
  const setScale = (patch: {
    min?: number;
    max?: number;
    minLabel?: LocalizedText;
    maxLabel?: LocalizedText;
  }) => onChange({ ...question, scale: { ...scale, ...question.scale, ...patch } });

  return (
    <div className="scale-editor">
      {question.type === "rating" ? (
        <div className="form-row form-row--tight">
          <SelectField
            label={t("surveys.fields.scaleMin")}
            value={scale.min}
            onChange={(e) => setScale({ min: Number(e.target.value) })}
          >
            {POINTS.filter((p) => p < scale.max).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("surveys.fields.scaleMax")}
            value={scale.max}
            onChange={(e) => setScale({ max: Number(e.target.value) })}
          >
            {POINTS.filter((p) => p > scale.min).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </SelectField>
        </div>
      ) : (
        <p className="field__hint">{t("surveys.editor.fixedScale", { min: scale.min, max: scale.max })}</p>
      )}
      <div className="scale-editor__labels">
        <LocalizedFields
          label={t("surveys.fields.minLabel", { value: scale.min })}
          value={question.scale?.minLabel}
          defaultLanguage={language}
          required={false}
          onChange={(minLabel) => setScale({ minLabel })}
        />
        <LocalizedFields
          label={t("surveys.fields.maxLabel", { value: scale.max })}
          value={question.scale?.maxLabel}
          defaultLanguage={language}
          required={false}
          onChange={(maxLabel) => setScale({ maxLabel })}
        />
      </div>
    </div>
  );
}

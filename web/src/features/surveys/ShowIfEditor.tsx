import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Question, ShowIf } from "../../api/listen";
import { isChoiceType, opsFor, scaleOf, showIfSources } from "./definition";
import { localized } from "./localized";

const textOf = (q: Question) => localized(q.text, q.id);

/** The default condition on a source: low ratings (detractors and the like), or the first option. */
function defaultCondition(source: Question): ShowIf {
  if (isChoiceType(source.type)) {
    const op = source.type === "multiple_choice" ? "includes" : "eq";
    return { questionId: source.id, op, value: source.options?.[0]?.id ?? "" };
  }
  const scale = scaleOf(source) ?? { min: 1, max: 5 };
  const value = source.type === "nps" ? 6 : Math.floor((scale.min + scale.max) / 2);
  return { questionId: source.id, op: "lte", value };
}

/** Skip logic: show this question only if an earlier answer meets a condition. */
export function ShowIfEditor({
  question,
  index,
  questions,
  invalid,
  onChange,
}: {
  question: Question;
  index: number;
  questions: Question[];
  invalid: boolean;
  onChange: (showIf: ShowIf | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const sources = showIfSources(questions, index);
  const showIf = question.showIf;
  const source = showIf ? questions.find((q) => q.id === showIf.questionId) : undefined;
  const n = index + 1;
  const first = sources[0];

  return (
    <div className={invalid ? "show-if show-if--invalid" : "show-if"}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={Boolean(showIf)}
          disabled={!showIf && !first}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.checked && first ? defaultCondition(first) : undefined)}
        />
        <span>{t("surveys.showIf.toggle")}</span>
      </label>
      {showIf ? (
        <div className="show-if__row">
          <select
            className="input select select--compact"
            aria-label={t("surveys.showIf.source", { n })}
            value={showIf.questionId}
            onChange={(e) => {
              const next = questions.find((q) => q.id === e.target.value);
              if (next) onChange(defaultCondition(next));
            }}
          >
            {source && !sources.includes(source) ? <option value={source.id}>{textOf(source)}</option> : null}
            {sources.map((q) => (
              <option key={q.id} value={q.id}>
                {t("surveys.showIf.sourceOption", { n: questions.indexOf(q) + 1, text: textOf(q) })}
              </option>
            ))}
          </select>
          <select
            className="input select select--compact"
            aria-label={t("surveys.showIf.op", { n })}
            value={showIf.op}
            onChange={(e) => onChange({ ...showIf, op: e.target.value as ShowIf["op"] })}
          >
            {(source ? opsFor(source.type) : [showIf.op]).map((op) => (
              <option key={op} value={op}>
                {t(`surveys.showIf.ops.${op}`)}
              </option>
            ))}
          </select>
          {source && isChoiceType(source.type) ? (
            <select
              className="input select select--compact"
              aria-label={t("surveys.showIf.value", { n })}
              value={String(showIf.value)}
              onChange={(e) => onChange({ ...showIf, value: e.target.value })}
            >
              {(source.options ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {localized(o.label, o.id)}
                </option>
              ))}
            </select>
          ) : (
            <input
              type="number"
              className="input input--narrow"
              aria-label={t("surveys.showIf.value", { n })}
              min={source ? scaleOf(source)?.min : undefined}
              max={source ? scaleOf(source)?.max : undefined}
              step={1}
              value={typeof showIf.value === "number" ? showIf.value : ""}
              onChange={(e) => onChange({ ...showIf, value: Number(e.target.value) })}
            />
          )}
        </div>
      ) : null}
      <p className={invalid ? "field__error" : "field__hint"} id={`${id}-hint`}>
        {invalid
          ? t("surveys.issues.show_if_invalid")
          : showIf
            ? t("surveys.showIf.hiddenNotRequired")
            : first
              ? t("surveys.showIf.hint")
              : t("surveys.showIf.noSources")}
      </p>
    </div>
  );
}

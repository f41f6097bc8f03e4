import { useTranslation } from "react-i18next";
import type { ChoiceOption } from "../../api/listen";
import type { Locale } from "../../api/types";
import { Icon } from "../../components/Icon";
import { LOCALES } from "../../i18n";
import { newOptionId } from "./definition";

/** The answer options of a choice question, each labelled in German and English. */
export function OptionsEditor({
  options,
  language,
  invalid,
  onChange,
}: {
  options: ChoiceOption[];
  language: Locale;
  invalid: boolean;
  onChange: (next: ChoiceOption[]) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, next: ChoiceOption) =>
    onChange(options.map((o, i) => (i === index ? next : o)));

  return (
    <fieldset className={invalid ? "fieldset options-editor field--invalid" : "fieldset options-editor"}>
      <legend className="field__label">{t("surveys.fields.options")}</legend>
      <ol className="options-editor__list">
        {options.map((option, index) => (
          <li key={option.id} className="options-editor__item">
            <span className="options-editor__id cell-mono">{option.id}</span>
            {LOCALES.map((lang) => (
              <input
                key={lang}
                className="input"
                value={option.label[lang] ?? ""}
                aria-label={t("surveys.editor.optionLabel", {
                  n: index + 1,
                  language: t(`surveys.languages.${lang}`),
                })}
                aria-invalid={invalid && lang === language && !option.label[lang]?.trim() ? true : undefined}
                placeholder={t(`surveys.languages.${lang}`)}
                onChange={(e) =>
                  set(index, { ...option, label: { ...option.label, [lang]: e.target.value } })
                }
              />
            ))}
            <button
              type="button"
              className="icon-button"
              disabled={options.length <= 2}
              aria-label={t("surveys.editor.removeOption", { n: index + 1 })}
              title={t("surveys.editor.removeOption", { n: index + 1 })}
              onClick={() => onChange(options.filter((_, i) => i !== index))}
            >
              <Icon name="close" size={14} />
            </button>
          </li>
        ))}
      </ol>
      {invalid ? <p className="field__error">{t("surveys.issues.option_label_missing")}</p> : null}
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={options.length >= 30}
        onClick={() => onChange([...options, { id: newOptionId(options), label: {} }])}
      >
        <Icon name="plus" size={14} />
        {t("surveys.editor.addOption")}
      </button>
    </fieldset>
  );
}

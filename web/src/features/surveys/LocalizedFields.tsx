import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../api/listen";
import type { Locale } from "../../api/types";
import { LOCALES } from "../../i18n";

/** One text in German and English side by side; the survey's default language is required. */
export function LocalizedFields({
  label,
  value,
  onChange,
  defaultLanguage,
  multiline = false,
  required = true,
  placeholder,
  error,
}: {
  label: string;
  value: LocalizedText | undefined;
  onChange: (next: LocalizedText) => void;
  defaultLanguage: Locale;
  multiline?: boolean;
  /** When false, both languages are optional (end labels, intro). */
  required?: boolean;
  placeholder?: Partial<Record<Locale, string>>;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className={error ? "fieldset localized field--invalid" : "fieldset localized"}>
      {/* Each input names the label and its language; the legend groups them for assistive technology. */}
      <legend className="sr-only">{label}</legend>
      <div className="localized__pair">
        {LOCALES.map((lang) => {
          const inputId = `${id}-${lang}`;
          const props = {
            id: inputId,
            value: value?.[lang] ?? "",
            placeholder: placeholder?.[lang],
            "aria-invalid": error && lang === defaultLanguage ? true : undefined,
            "aria-describedby": error && lang === defaultLanguage ? `${id}-error` : undefined,
            onChange: (e: { target: { value: string } }) => onChange({ ...value, [lang]: e.target.value }),
          };
          return (
            <div key={lang} className="localized__field">
              <label className="localized__lang" htmlFor={inputId}>
                {required && lang === defaultLanguage
                  ? t("surveys.editor.inLanguage", { label, language: t(`surveys.languages.${lang}`) })
                  : t("surveys.editor.inLanguageOptional", {
                      label,
                      language: t(`surveys.languages.${lang}`),
                    })}
              </label>
              {multiline ? (
                <textarea className="input textarea textarea--short" rows={2} {...props} />
              ) : (
                <input className="input" {...props} />
              )}
            </div>
          );
        })}
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

import { useTranslation } from "react-i18next";
import type { Locale } from "../../api/types";
import { applyLocale, currentLocale, LOCALES } from "../../i18n";
import { useSession, useUpdateLocale } from "../auth/hooks";

/** Deutsch / English: switches at once, and saves the choice to the profile when signed in. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const session = useSession();
  const updateLocale = useUpdateLocale();
  const current = currentLocale();

  function choose(locale: Locale) {
    if (locale === current) return;
    void applyLocale(locale);
    if (session.data) updateLocale.mutate(locale);
  }

  return (
    <div className="language-switch">
      <fieldset className="segmented">
        <legend className="sr-only">{t("topbar.language")}</legend>
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="button"
            lang={locale}
            className="segmented__option"
            aria-pressed={locale === current}
            onClick={() => choose(locale)}
          >
            {locale === "de" ? t("topbar.german") : t("topbar.english")}
          </button>
        ))}
      </fieldset>
      {updateLocale.isError ? (
        <p className="language-switch__error" role="alert">
          {t("topbar.languageSaveFailed")}
        </p>
      ) : null}
    </div>
  );
}

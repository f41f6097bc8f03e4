import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";
import { useDocumentTitle } from "../../components/useDocumentTitle";

/** Shown when a page fails to render: a way out instead of a blank app or a stack trace. */
export function ErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t("appError.title"));
  useEffect(() => console.error(error), [error]);
  return (
    <main id="main" className="center-page" tabIndex={-1}>
      <div className="notice" role="alert">
        <h1 className="notice__title">{t("appError.title")}</h1>
        <p>{t("appError.description")}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t("appError.reload")}
        </button>
      </div>
    </main>
  );
}

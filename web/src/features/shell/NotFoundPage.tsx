import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDocumentTitle } from "../../components/useDocumentTitle";

export function NotFoundPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  const content = (
    <div className="notice">
      <h1 className="notice__title" tabIndex={-1}>
        {t("notFound.title")}
      </h1>
      <p>{t("notFound.description")}</p>
      <Link className="button" to="/">
        {t("notFound.back")}
      </Link>
    </div>
  );
  if (!standalone) return <div className="page">{content}</div>;
  return (
    <main id="main" className="center-page" tabIndex={-1}>
      {content}
    </main>
  );
}

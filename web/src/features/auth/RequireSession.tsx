import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import type { Session } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loading } from "../../components/Loading";
import { useSession } from "./hooks";

/** Renders its children with the session, or sends the visitor to the login page. */
export function RequireSession({ children }: { children: (session: Session) => ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();

  if (session.isPending) {
    return (
      <main id="main" className="center-page" tabIndex={-1}>
        <Loading />
      </main>
    );
  }
  if (session.isError) {
    return (
      <main id="main" className="center-page" tabIndex={-1}>
        <div className="center-page__card">
          <h1 className="center-page__title">{t("errors.loadFailed")}</h1>
          <ErrorAlert error={session.error} />
          <button type="button" className="button" onClick={() => void session.refetch()}>
            {t("common.retry")}
          </button>
        </div>
      </main>
    );
  }
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children(session.data)}</>;
}

import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useParams } from "react-router";
import type { Session } from "../../api/types";
import { Icon, type IconName } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { NotificationBell } from "../notifications/NotificationBell";
import { WorkspaceContext } from "../workspaces/context";
import { useWorkspace } from "../workspaces/hooks";
import { LanguageSwitch } from "./LanguageSwitch";
import { UserMenu } from "./UserMenu";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";

const DESIGN_ITEMS = [
  { to: "journeys", icon: "journeys" },
  { to: "touchpoints", icon: "touchpoints" },
  { to: "personas", icon: "personas" },
  { to: "customers", icon: "users" },
] as const satisfies readonly { to: string; icon: IconName }[];

/** The listen area: the inbox, the surveys that feed it, and the metrics computed from both. */
const FEEDBACK_ITEMS = [
  { to: "feedback", label: "inbox" },
  { to: "surveys", label: "surveys" },
  { to: "metrics", label: "metrics" },
  { to: "topics", label: "topics" },
] as const;

const LATER_ITEMS = [
  { to: "analytics", icon: "analytics" },
  { to: "drivers", icon: "star" },
  { to: "gap", icon: "compare" },
  { to: "kpis", icon: "flag" },
  { to: "alert-rules", icon: "bell" },
  { to: "cases", icon: "cases" },
  { to: "roadmap", icon: "roadmap" },
] as const satisfies readonly { to: string; icon: IconName }[];

export function AppShell({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { workspaceId = "" } = useParams();
  const location = useLocation();
  const workspace = useWorkspace(workspaceId);
  useDocumentTitle(workspace.data?.name);

  // After client-side navigation, move focus to the new page's heading so screen readers announce it.
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    const heading = document.querySelector<HTMLElement>("#main h1");
    if (heading) heading.focus();
    else document.getElementById("main")?.focus();
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("skipLink")}
      </a>
      <nav className="sidebar" aria-label={t("nav.label")}>
        <Link className="brand" to={`/w/${workspaceId}`}>
          <span className="brand__mark" aria-hidden="true">
            <Icon name="journeys" size={16} />
          </span>
          <span className="brand__name">{t("app.name")}</span>
        </Link>
        <div className="nav">
          <ul className="nav__list">
            {DESIGN_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink className="nav__link" to={`/w/${workspaceId}/${item.to}`}>
                  <Icon name={item.icon} />
                  <span>{t(`nav.${item.to}`)}</span>
                </NavLink>
              </li>
            ))}
            <li className="nav__group">
              <span className="nav__group-label" id="nav-feedback">
                <Icon name="feedback" />
                <span>{t("nav.feedback")}</span>
              </span>
              <ul className="nav__sublist" aria-labelledby="nav-feedback">
                {FEEDBACK_ITEMS.map((item) => (
                  <li key={item.to}>
                    <NavLink className="nav__link nav__link--sub" to={`/w/${workspaceId}/${item.to}`}>
                      <span>{t(`nav.${item.label}`)}</span>
                    </NavLink>
                  </li>
                ))}
              </ul>
            </li>
            {LATER_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink className="nav__link" to={`/w/${workspaceId}/${item.to}`}>
                  <Icon name={item.icon} />
                  <span>{t(`nav.${item.to}`)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
          <ul className="nav__list nav__list--bottom">
            <li>
              <NavLink className="nav__link" to={`/w/${workspaceId}/settings`}>
                <Icon name="settings" />
                <span>{t("nav.settings")}</span>
              </NavLink>
            </li>
          </ul>
        </div>
      </nav>
      <div className="shell__body">
        <header className="topbar">
          <WorkspaceSwitcher current={workspace.data} />
          <div className="topbar__end">
            {workspace.data ? <NotificationBell workspaceId={workspaceId} /> : null}
            <LanguageSwitch />
            <UserMenu user={session.user} />
          </div>
        </header>
        <main id="main" className="main" tabIndex={-1}>
          {workspace.isPending ? (
            <Loading />
          ) : workspace.isError ? (
            <WorkspaceUnavailable />
          ) : (
            <WorkspaceContext.Provider value={workspace.data}>
              <Outlet />
            </WorkspaceContext.Provider>
          )}
        </main>
      </div>
    </div>
  );
}

function WorkspaceUnavailable() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="notice">
        <h1 className="notice__title" tabIndex={-1}>
          {t("workspace.notFoundTitle")}
        </h1>
        <p>{t("workspace.notFoundDescription")}</p>
      </div>
    </div>
  );
}

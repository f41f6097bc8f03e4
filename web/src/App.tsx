import { lazy, Suspense, useEffect } from "react";
import { createBrowserRouter, createRoutesFromElements, Navigate, Outlet, Route } from "react-router";
import { Loading } from "./components/Loading";
import { AreaPage } from "./features/areas/AreaPage";
import { useSession } from "./features/auth/hooks";
import { LoginPage } from "./features/auth/LoginPage";
import { RequireSession } from "./features/auth/RequireSession";
import { CustomerPage } from "./features/customers/CustomerPage";
import { CustomersPage } from "./features/customers/CustomersPage";
import { InboxPage } from "./features/feedback/InboxPage";
import { JourneysPage } from "./features/journeys/JourneysPage";
import { PersonasPage } from "./features/personas/PersonasPage";
import { SettingsPage } from "./features/settings/SettingsPage";
import { AppShell } from "./features/shell/AppShell";
import { ErrorPage } from "./features/shell/ErrorPage";
import { NotFoundPage } from "./features/shell/NotFoundPage";
import { SurveysPage } from "./features/surveys/SurveysPage";
import { TouchpointsPage } from "./features/touchpoints/TouchpointsPage";
import { HomePage } from "./features/workspaces/HomePage";
import { applyLocale } from "./i18n";
import "./features/feedback/listen.css";

// The map editor brings ECharts and drag and drop; load it only when a map is opened.
const JourneyMapPage = lazy(() =>
  import("./features/journeys/JourneyMapPage").then((m) => ({ default: m.JourneyMapPage })),
);

// The survey editor and the metrics page bring ECharts; load them when opened.
const SurveyEditorPage = lazy(() =>
  import("./features/surveys/SurveyEditorPage").then((m) => ({ default: m.SurveyEditorPage })),
);
const MetricsPage = lazy(() =>
  import("./features/metrics/MetricsPage").then((m) => ({ default: m.MetricsPage })),
);
const TopicsPage = lazy(() => import("./features/text/TopicsPage").then((m) => ({ default: m.TopicsPage })));
const AnalyticsPage = lazy(() =>
  import("./features/analytics/AnalyticsPage").then((m) => ({ default: m.AnalyticsPage })),
);
const DriversPage = lazy(() =>
  import("./features/drivers/DriversPage").then((m) => ({ default: m.DriversPage })),
);
const GapPage = lazy(() => import("./features/gap/GapPage").then((m) => ({ default: m.GapPage })));
const CasesPage = lazy(() => import("./features/cases/CasesPage").then((m) => ({ default: m.CasesPage })));
const CaseDetailPage = lazy(() =>
  import("./features/cases/CaseDetailPage").then((m) => ({ default: m.CaseDetailPage })),
);
const KpiCataloguePage = lazy(() =>
  import("./features/kpis/KpiCataloguePage").then((m) => ({ default: m.KpiCataloguePage })),
);
const AlertRulesPage = lazy(() =>
  import("./features/alert-rules/AlertRulesPage").then((m) => ({ default: m.AlertRulesPage })),
);

/** Areas not built yet show what they will do. */
const PLANNED_AREAS = ["roadmap"] as const;

/** The profile's language wins over the one remembered in this browser. */
function useSessionLocale() {
  const session = useSession();
  const locale = session.data?.user.locale;
  useEffect(() => {
    if (locale) void applyLocale(locale);
  }, [locale]);
}

/** The root layout: applies the session's language and renders the matched page. */
function Root() {
  useSessionLocale();
  return <Outlet />;
}

/**
 * The app's routes in a data router, which `useBlocker` needs (the map editor asks before leaving
 * unsaved edits). Call once, in main.tsx.
 */
export function createAppRouter() {
  return createBrowserRouter(
    createRoutesFromElements(
      <Route element={<Root />} errorElement={<ErrorPage />}>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/"
          element={<RequireSession>{(session) => <HomePage session={session} />}</RequireSession>}
        />
        <Route
          path="/w/:workspaceId"
          element={<RequireSession>{(session) => <AppShell session={session} />}</RequireSession>}
        >
          <Route index element={<Navigate to="journeys" replace />} />
          <Route path="journeys" element={<JourneysPage />} />
          <Route
            path="journeys/:journeyId"
            element={
              <Suspense fallback={<Loading />}>
                <JourneyMapPage />
              </Suspense>
            }
          />
          <Route path="touchpoints" element={<TouchpointsPage />} />
          <Route path="personas" element={<PersonasPage />} />
          <Route path="feedback" element={<InboxPage />} />
          <Route path="customers" element={<CustomersPage />} />
          <Route path="customers/:customerId" element={<CustomerPage />} />
          <Route path="surveys" element={<SurveysPage />} />
          <Route
            path="surveys/:surveyId"
            element={
              <Suspense fallback={<Loading />}>
                <SurveyEditorPage />
              </Suspense>
            }
          />
          <Route
            path="metrics"
            element={
              <Suspense fallback={<Loading />}>
                <MetricsPage />
              </Suspense>
            }
          />
          <Route
            path="topics"
            element={
              <Suspense fallback={<Loading />}>
                <TopicsPage />
              </Suspense>
            }
          />
          <Route
            path="drivers"
            element={
              <Suspense fallback={<Loading />}>
                <DriversPage />
              </Suspense>
            }
          />
          <Route
            path="cases"
            element={
              <Suspense fallback={<Loading />}>
                <CasesPage />
              </Suspense>
            }
          />
          <Route
            path="cases/:caseId"
            element={
              <Suspense fallback={<Loading />}>
                <CaseDetailPage />
              </Suspense>
            }
          />
          <Route
            path="gap"
            element={
              <Suspense fallback={<Loading />}>
                <GapPage />
              </Suspense>
            }
          />
          <Route
            path="kpis"
            element={
              <Suspense fallback={<Loading />}>
                <KpiCataloguePage />
              </Suspense>
            }
          />
          <Route
            path="alert-rules"
            element={
              <Suspense fallback={<Loading />}>
                <AlertRulesPage />
              </Suspense>
            }
          />
          <Route
            path="analytics"
            element={
              <Suspense fallback={<Loading />}>
                <AnalyticsPage />
              </Suspense>
            }
          />
          {PLANNED_AREAS.map((area) => (
            <Route key={area} path={area} element={<AreaPage area={area} />} />
          ))}
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage standalone />} />
      </Route>,
    ),
  );
}

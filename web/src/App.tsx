import { useEffect } from "react";
import { Navigate, Route, Routes } from "react-router";
import { AreaPage } from "./features/areas/AreaPage";
import { useSession } from "./features/auth/hooks";
import { LoginPage } from "./features/auth/LoginPage";
import { RequireSession } from "./features/auth/RequireSession";
import { SettingsPage } from "./features/settings/SettingsPage";
import { AppShell } from "./features/shell/AppShell";
import { NotFoundPage } from "./features/shell/NotFoundPage";
import { HomePage } from "./features/workspaces/HomePage";
import { applyLocale } from "./i18n";

const AREAS = ["journeys", "touchpoints", "personas", "feedback", "analytics", "cases", "roadmap"] as const;

/** The profile's language wins over the one remembered in this browser. */
function useSessionLocale() {
  const session = useSession();
  const locale = session.data?.user.locale;
  useEffect(() => {
    if (locale) void applyLocale(locale);
  }, [locale]);
}

export function App() {
  useSessionLocale();
  return (
    <Routes>
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
        {AREAS.map((area) => (
          <Route key={area} path={area} element={<AreaPage area={area} />} />
        ))}
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage standalone />} />
    </Routes>
  );
}

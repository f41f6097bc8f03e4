import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { LanguageSwitch } from "../shell/LanguageSwitch";
import { useLogin, useSession } from "./hooks";

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("login.pageTitle"));
  const location = useLocation();
  const session = useSession();
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const from =
    typeof location.state === "object" && location.state ? (location.state as { from?: unknown }).from : null;
  const returnTo = typeof from === "string" && from.startsWith("/w/") ? from : null;

  if (session.data) return <Navigate to={returnTo ?? "/"} replace />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // On success the session is set and the redirect below takes over (to the first workspace via "/").
    login.mutate({ email: email.trim(), password });
  }

  const error = login.error;
  const invalidCredentials = isApiError(error) && error.status === 401;

  return (
    <div className="auth-layout">
      <header className="auth-layout__lang">
        <LanguageSwitch />
      </header>
      <main id="main" className="auth-card" tabIndex={-1}>
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            <Icon name="journeys" size={20} />
          </span>
          <span className="brand__name">{t("app.name")}</span>
        </div>
        <h1 className="auth-card__title">{t("login.heading")}</h1>
        <p className="auth-card__intro">{t("login.intro")}</p>
        <form className="form" onSubmit={onSubmit} noValidate>
          {invalidCredentials ? (
            <div className="alert alert--error" role="alert">
              <Icon name="warning" className="alert__icon" />
              <p className="alert__title">{t("login.invalidCredentials")}</p>
            </div>
          ) : (
            <ErrorAlert error={error} />
          )}
          <TextField
            label={t("login.email")}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label={t("login.password")}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
            {login.isPending ? t("login.submitting") : t("login.submit")}
          </button>
        </form>
      </main>
    </div>
  );
}

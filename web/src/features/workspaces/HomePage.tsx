import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import type { Session } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorText } from "../../components/errors";
import { TextField } from "../../components/Field";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLogout } from "../auth/hooks";
import { LanguageSwitch } from "../shell/LanguageSwitch";
import { useCreateWorkspace } from "./hooks";

/** `/`: opens the first workspace, or lets a user without one create it. */
export function HomePage({ session }: { session: Session }) {
  const first = session.workspaces[0];
  if (first) return <Navigate to={`/w/${first.id}`} replace />;
  return <NoWorkspace />;
}

function NoWorkspace() {
  const { t } = useTranslation();
  useDocumentTitle(t("workspace.noneTitle"));
  const errorText = useErrorText();
  const navigate = useNavigate();
  const create = useCreateWorkspace();
  const logout = useLogout();
  const [name, setName] = useState("");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name: name.trim() }, { onSuccess: (workspace) => navigate(`/w/${workspace.id}`) });
  }

  return (
    <div className="auth-layout">
      <header className="auth-layout__lang">
        <LanguageSwitch />
        <button type="button" className="button button--ghost" onClick={() => logout.mutate()}>
          {t("topbar.logout")}
        </button>
      </header>
      <main id="main" className="auth-card" tabIndex={-1}>
        <h1 className="auth-card__title">{t("workspace.noneTitle")}</h1>
        <p className="auth-card__intro">{t("workspace.noneDescription")}</p>
        <form className="form" onSubmit={onSubmit} noValidate>
          <ErrorAlert error={create.error} />
          <TextField
            label={t("workspace.name")}
            name="name"
            required
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errorText.field(create.error, "/body/name", create.variables?.name)}
          />
          <button type="submit" className="button button--primary button--block" disabled={create.isPending}>
            {create.isPending ? t("workspace.creating") : t("workspace.create")}
          </button>
        </form>
      </main>
    </div>
  );
}

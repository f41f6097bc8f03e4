import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type BlockerFunction,
  Link,
  useBlocker,
  useNavigate,
  useParams,
  useSearchParams,
} from "react-router";
import { isApiError } from "../../api/client";
import type { Survey } from "../../api/listen";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { downloadBlob, fileSlug } from "../../components/download";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { MenuButton, MenuItem } from "../../components/MenuButton";
import { Tabs, tabPanelProps } from "../../components/Tabs";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useCurrentWorkspace } from "../workspaces/context";
import { DistributeTab } from "./DistributeTab";
import { cleanDefinition, definitionIssues } from "./definition";
import { draftOf, type SurveyDraft, sameDraft } from "./draft";
import { fetchSurveyExport, useDeleteSurvey, useSurvey, useUpdateSurvey } from "./hooks";
import { IssueList, showIssue } from "./IssueList";
import { QuestionsTab } from "./QuestionsTab";
import { ResultsTab } from "./ResultsTab";
import { SettingsTab } from "./SettingsTab";
import { SurveyStatusBadge } from "./SurveyStatusBadge";

const TABS = ["questions", "settings", "distribute", "results"] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.some((tab) => tab === v);

/** `/w/:ws/surveys/:surveyId`: the survey editor. Questions and settings stay in a draft until saved. */
export function SurveyEditorPage() {
  const { t } = useTranslation();
  const { surveyId = "" } = useParams();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = isTab(params.get("tab")) ? (params.get("tab") as Tab) : "questions";
  const survey = useSurvey(workspace.id, surveyId);
  const update = useUpdateSurvey(workspace.id, surveyId);
  const remove = useDeleteSurvey(workspace.id);
  const [base, setBase] = useState<Survey | null>(null);
  const [draft, setDraft] = useState<SurveyDraft | null>(null);
  const [status, setStatus] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  useDocumentTitle(draft?.name, t("surveys.title"), workspace.name);

  const saved = useMemo(() => (base ? draftOf(base) : null), [base]);
  const dirty = Boolean(draft && saved && !sameDraft(draft, saved));
  const issues = useMemo(
    () => (draft ? definitionIssues(draft.definition, draft.defaultLanguage) : []),
    [draft],
  );

  // Take the server's survey on first load, and newer versions only while nothing is edited.
  useEffect(() => {
    const fresh = survey.data;
    if (!fresh) return;
    if (!base || base.id !== fresh.id || (fresh.version > base.version && !dirty)) {
      setBase(fresh);
      setDraft(draftOf(fresh));
    }
  }, [survey.data, base, dirty]);

  const blocker = useBlocker(({ currentLocation, nextLocation }: Parameters<BlockerFunction>[0]) =>
    dirty ? currentLocation.pathname !== nextLocation.pathname : false,
  );
  useEffect(() => {
    if (blocker.state === "blocked" && !dirty) blocker.reset();
  }, [blocker, dirty]);

  function save(force = false) {
    if (!draft || !base) return;
    setStatus("");
    update.mutate(
      {
        ...draft,
        definition: cleanDefinition(draft.definition),
        ...(force ? {} : { version: base.version }),
      },
      {
        onSuccess: (next) => {
          setBase(next);
          setDraft(draftOf(next));
          setStatus(t("surveys.editor.saved", { version: next.version }));
        },
      },
    );
  }

  function reload() {
    update.reset();
    void survey.refetch().then((r) => {
      if (r.data) {
        setBase(r.data);
        setDraft(draftOf(r.data));
      }
    });
  }

  async function exportJson() {
    setExportError(null);
    try {
      const doc = await fetchSurveyExport(workspace.id, surveyId);
      const blob = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
      downloadBlob(blob, `${fileSlug(doc.survey.name)}.survey.json`);
    } catch (error) {
      setExportError(error);
    }
  }

  if (survey.isPending) return <Loading />;
  if (survey.isError) return <ErrorAlert error={survey.error} />;
  if (!draft || !base) return <Loading />;

  const conflict = isApiError(update.error) && update.error.status === 409;
  const tabs = [
    { id: "questions" as const, label: t("surveys.tabs.questions"), icon: "edit" as const },
    { id: "settings" as const, label: t("surveys.tabs.settings"), icon: "settings" as const },
    { id: "distribute" as const, label: t("surveys.tabs.distribute"), icon: "link" as const },
    { id: "results" as const, label: t("surveys.tabs.results"), icon: "analytics" as const },
  ];

  return (
    <div className="page page--wide survey-editor">
      <nav className="breadcrumb" aria-label={t("surveys.editor.breadcrumb")}>
        <Link to={`/w/${workspace.id}/surveys`}>
          <Icon name="arrowLeft" size={14} />
          {t("surveys.title")}
        </Link>
      </nav>
      <header className="page-header">
        <div>
          <h1 className="page-header__title" tabIndex={-1}>
            {draft.name || t("surveys.editor.untitled")}
          </h1>
          <p className="page-header__description survey-editor__meta">
            <SurveyStatusBadge status={base.status} />
            <span>{t("surveys.editor.version", { version: base.version })}</span>
            <span>{t("surveys.editor.responses", { count: base.responseCount })}</span>
            <span className={dirty ? "save-state save-state--dirty" : "save-state"}>
              {dirty ? t("surveys.editor.unsaved") : t("surveys.editor.allSaved")}
            </span>
          </p>
        </div>
        <div className="page-header__actions">
          <MenuButton label={t("surveys.editor.more")} icon="more" align="end">
            {(close) => (
              <>
                <MenuItem
                  icon="download"
                  onSelect={() => {
                    close();
                    void exportJson();
                  }}
                >
                  {t("surveys.editor.exportJson")}
                </MenuItem>
                <MenuItem
                  icon="trash"
                  tone="danger"
                  onSelect={() => {
                    close();
                    setConfirmDelete(true);
                  }}
                >
                  {t("surveys.editor.delete")}
                </MenuItem>
              </>
            )}
          </MenuButton>
          <button
            ref={saveRef}
            type="button"
            className="button button--primary"
            disabled={!dirty || update.isPending}
            onClick={() => save()}
          >
            <Icon name="save" size={16} />
            {update.isPending ? t("common.saving") : t("common.save")}
          </button>
        </div>
      </header>

      <p className="status-message" role="status">
        {status}
      </p>
      <ErrorAlert error={exportError} />
      {conflict ? (
        <div className="alert alert--warning" role="alert">
          <Icon name="warning" className="alert__icon" />
          <div>
            <p className="alert__title">{t("surveys.editor.conflictTitle")}</p>
            <p className="alert__detail">{t("surveys.editor.conflictBody")}</p>
            <div className="alert__actions">
              <button type="button" className="button button--small" onClick={reload}>
                {t("surveys.editor.conflictReload")}
              </button>
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => save(true)}
              >
                {t("surveys.editor.conflictOverwrite")}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <ErrorAlert error={update.error} />
      )}
      {dirty ? (
        <IssueList
          issues={issues}
          onShow={(issue) => {
            setParams({}, { replace: true });
            // The questions tab renders first when another tab was open.
            requestAnimationFrame(() => showIssue(issue));
          }}
        />
      ) : null}

      <Tabs
        tabs={tabs}
        current={tab}
        onSelect={(next) => setParams(next === "questions" ? {} : { tab: next }, { replace: true })}
        label={t("surveys.tabs.label")}
        idPrefix="survey"
      />
      <div {...tabPanelProps("survey", tab)} className="tabs__panel">
        {tab === "questions" ? (
          <QuestionsTab
            draft={draft}
            issues={issues}
            error={update.error}
            company={workspace.name}
            onChange={(definition) => setDraft({ ...draft, definition })}
          />
        ) : tab === "settings" ? (
          <SettingsTab
            workspaceId={workspace.id}
            draft={draft}
            error={update.error}
            onChange={(patch) => setDraft({ ...draft, ...patch })}
          />
        ) : tab === "distribute" ? (
          <DistributeTab workspaceId={workspace.id} survey={base} />
        ) : (
          <ResultsTab workspaceId={workspace.id} survey={base} />
        )}
      </div>

      {confirmDelete ? (
        <ConfirmDialog
          title={t("surveys.editor.deleteTitle", { name: base.name })}
          description={t("surveys.editor.deleteBody")}
          confirmLabel={t("surveys.editor.delete")}
          pendingLabel={t("common.deleting")}
          pending={remove.isPending}
          error={remove.error}
          onClose={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(surveyId, {
              onSuccess: () => {
                setBase(null);
                setDraft(null);
                navigate(`/w/${workspace.id}/surveys`, { replace: true });
              },
            })
          }
        />
      ) : null}
      {blocker.state === "blocked" ? (
        <ConfirmDialog
          title={t("surveys.editor.leaveTitle")}
          description={t("surveys.editor.leaveBody")}
          confirmLabel={t("surveys.editor.leaveDiscard")}
          cancelLabel={t("surveys.editor.leaveStay")}
          onClose={() => blocker.reset()}
          onConfirm={() => blocker.proceed()}
        />
      ) : null}
    </div>
  );
}

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type BlockerFunction, Link, useBlocker, useNavigate, useParams } from "react-router";
import { api, isApiError } from "../../api/client";
import type { Journey, JourneyDocument, Stage } from "../../api/journey-design";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DateText } from "../../components/DateText";
import { downloadBlob, downloadHref, fileSlug } from "../../components/download";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDate } from "../../components/format";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { MenuButton, MenuItem } from "../../components/MenuButton";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import type { ScopeDraft } from "../analytics/draft";
import { scopeOf } from "../analytics/draft";
import { usePersonas } from "../personas/hooks";
import { PersonaAvatar } from "../personas/PersonaAvatar";
import { useMembers } from "../settings/hooks";
import { useTouchpoints } from "../touchpoints/hooks";
import { KindBadge } from "../touchpoints/TouchpointBits";
import { useCurrentWorkspace } from "../workspaces/context";
import { ConflictDialog } from "./ConflictDialog";
import { CoveragePanel } from "./CoveragePanel";
import { normalizeDocument, removeStage, sameDocument } from "./document";
import { exportPdf, exportPng } from "./exporting";
import {
  journeyExportHref,
  journeyKey,
  useDeleteJourney,
  useJourney,
  useJourneyKpis,
  useJourneyMeasures,
  useSaveJourney,
} from "./hooks";
import { JourneyDetailsDialog } from "./JourneyDetailsDialog";
import { JourneyMap } from "./JourneyMap";
import { KpiPanel } from "./KpiPanel";
import { FlagBadge } from "./MapHeaders";
import { MeasuresBar } from "./MeasuresBar";
import { canWrite, hasMappedSteps } from "./measures";
import "./journey-measures.css";
import { StatusBadge, scenarioLabel } from "./meta";
import { RevisionsPanel } from "./RevisionsPanel";

type Panel = "details" | "revisions" | "coverage" | "delete" | null;

const isJourney = (v: unknown): v is Journey =>
  typeof v === "object" && v !== null && "document" in v && "version" in v && "id" in v;

/** `/w/:ws/journeys/:journeyId`: the map editor. Edits stay in a draft until the user saves. */
export function JourneyMapPage() {
  const { t } = useTranslation();
  const { journeyId = "" } = useParams();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const journey = useJourney(workspace.id, journeyId);
  const touchpoints = useTouchpoints(workspace.id);
  const personas = usePersonas(workspace.id);
  const members = useMembers(workspace.id);
  const save = useSaveJourney(workspace.id, journeyId);
  const remove = useDeleteJourney(workspace.id);
  const [base, setBase] = useState<Journey | null>(null);
  const [draft, setDraft] = useState<JourneyDocument | null>(null);
  const [conflict, setConflict] = useState<{ currentVersion: number; theirs: Journey | null } | null>(null);
  const [staleSince, setStaleSince] = useState<number | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [deletingStage, setDeletingStage] = useState<Stage | null>(null);
  const [status, setStatus] = useState("");
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  // Null until the user switches: then on by default when the saved map has steps the events can measure.
  const [showChoice, setShowChoice] = useState<boolean | null>(null);
  const [scope, setScope] = useState<ScopeDraft>({ fromDay: "", toDay: "" });

  useDocumentTitle(draft?.title, t("areas.journeys.title"), workspace.name);

  const adopt = useCallback((j: Journey) => {
    setBase(j);
    setDraft(normalizeDocument(j.document));
    setStaleSince(null);
  }, []);

  const saved = useMemo(() => (base ? normalizeDocument(base.document) : null), [base]);
  const dirty = Boolean(draft && saved && !sameDocument(draft, saved));

  const showMeasures =
    showChoice ?? Boolean(saved && touchpoints.data && hasMappedSteps(saved, touchpoints.data));
  // The reports read the saved journey; saving it refetches them (hooks.ts `useJourneyWrite`).
  const measuresBody = useMemo(() => {
    if (!showMeasures) return null;
    const { from, to } = scopeOf(scope);
    return { journeyId, from, to };
  }, [showMeasures, scope, journeyId]);
  const measures = useJourneyMeasures(workspace.id, measuresBody);
  const kpis = useJourneyKpis(workspace.id, measuresBody);
  const measuresByStep = useMemo(
    () => (showMeasures && measures.data ? new Map(measures.data.steps.map((s) => [s.stepId, s])) : null),
    [showMeasures, measures.data],
  );

  // Take the server's journey on first load, and a newer version fetched later only while nothing is edited.
  useEffect(() => {
    const fresh = journey.data;
    if (!fresh) return;
    if (!base || base.id !== fresh.id || (fresh.version > base.version && !dirty)) adopt(fresh);
  }, [journey.data, base, dirty, adopt]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // In-app navigation (the navigation, the workspace switcher, links, browser back) asks first too.
  // Read through a ref so a navigation right after a state change (deleting the journey) sees it.
  const guardRef = useRef(dirty);
  guardRef.current = dirty;
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      guardRef.current && currentLocation.pathname !== nextLocation.pathname,
    [],
  );
  const blocker = useBlocker(shouldBlock);
  useEffect(() => {
    if (blocker.state === "blocked" && !dirty) blocker.reset();
  }, [blocker, dirty]);

  const onConflict = useCallback((error: unknown): boolean => {
    if (!isApiError(error) || error.status !== 409) return false;
    const current = error.body.currentVersion;
    const theirs = isJourney(error.body.journey) ? error.body.journey : null;
    const currentVersion = typeof current === "number" ? current : (theirs?.version ?? null);
    if (currentVersion === null) return false;
    setConflict({ currentVersion, theirs });
    return true;
  }, []);

  const doSave = useCallback(
    (baseVersion?: number) => {
      if (!base || !draft || save.isPending) return;
      // Saving an unchanged map would only add an empty revision (an explicit overwrite passes a version).
      if (baseVersion === undefined && saved && sameDocument(draft, saved)) return;
      const sent = draft;
      setStatus("");
      save.mutate(
        { baseVersion: baseVersion ?? base.version, document: sent },
        {
          onSuccess: (j) => {
            setBase(j);
            setStaleSince(null);
            // Edits made while the request was in flight stay in the draft.
            setDraft((current) =>
              current && sameDocument(current, sent) ? normalizeDocument(j.document) : current,
            );
            setStatus(t("journeys.saveState.savedVersion", { version: j.version }));
          },
          onError: (error) => {
            onConflict(error);
          },
        },
      );
    },
    [base, draft, saved, save, onConflict, t],
  );

  const doSaveRef = useRef(doSave);
  doSaveRef.current = doSave;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        // Let an open inline editor commit first (it commits on blur).
        (document.activeElement as HTMLElement | null)?.blur?.();
        setTimeout(() => doSaveRef.current(), 0);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  async function loadTheirs() {
    const theirs: Journey =
      conflict?.theirs ??
      (await queryClient.fetchQuery({
        queryKey: journeyKey(workspace.id, journeyId),
        queryFn: () =>
          api.get<Journey>(
            `/workspaces/${encodeURIComponent(workspace.id)}/journeys/${encodeURIComponent(journeyId)}`,
          ),
        staleTime: 0,
      }));
    queryClient.setQueryData(journeyKey(workspace.id, journeyId), theirs);
    adopt(theirs);
    setConflict(null);
    save.reset();
    setStatus(t("journeys.conflict.loaded", { version: theirs.version }));
  }

  function showStep(stepId: string) {
    setPanel(null);
    requestAnimationFrame(() => {
      const el = document.getElementById(`step-${stepId}`);
      el?.scrollIntoView({ block: "nearest", inline: "center" });
      el?.focus();
    });
  }

  function showStage(stageId: string) {
    setPanel(null);
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(`[data-stage-id="${CSS.escape(stageId)}"] button`);
      el?.scrollIntoView({ block: "nearest", inline: "center" });
      el?.focus();
    });
  }

  async function runExport(kind: "png" | "pdf") {
    const node = tableRef.current;
    if (!node || !draft) return;
    setExporting(true);
    setExportError(null);
    try {
      if (kind === "png") await exportPng(node, draft.title);
      else {
        const persona = draft.personaId ? personas.data?.find((p) => p.id === draft.personaId) : undefined;
        const subtitle = [
          t(`journeys.statuses.${draft.status}`),
          draft.scenario ? scenarioLabel(t, draft.scenario) : "",
          persona ? `${t("journeys.fields.persona")}: ${persona.name}` : "",
          `v${base?.version ?? ""}${dirty ? ` (${t("journeys.saveState.unsaved")})` : ""}`,
          formatDate(new Date().toISOString(), true),
        ]
          .filter(Boolean)
          .join(" · ");
        await exportPdf(node, { title: draft.title, subtitle });
      }
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  if (journey.isPending) return <Loading />;
  if (journey.isError)
    return (
      <div className="page">
        <h1 className="page-header__title" tabIndex={-1}>
          {t("journeys.notFound")}
        </h1>
        <ErrorAlert error={journey.error} />
        <Link to={`/w/${workspace.id}/journeys`}>{t("journeys.backToList")}</Link>
      </div>
    );
  if (!draft || !base) return <Loading />;

  const persona = draft.personaId ? personas.data?.find((p) => p.id === draft.personaId) : undefined;
  const owner = draft.ownerId ? members.data?.find((m) => m.userId === draft.ownerId) : undefined;
  const saveError = save.error && !(isApiError(save.error) && save.error.status === 409) ? save.error : null;

  return (
    <div className="page page--map">
      <nav className="breadcrumb" aria-label={t("journeys.breadcrumb")}>
        <Link to={`/w/${workspace.id}/journeys`}>{t("areas.journeys.title")}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{draft.title}</span>
      </nav>
      <header className="jm-header">
        <div className="jm-header__main">
          <h1 className="page-header__title" tabIndex={-1}>
            {draft.title}
          </h1>
          <div className="jm-meta">
            <StatusBadge status={draft.status} />
            {draft.scenario ? (
              <span className="jm-meta__item">{scenarioLabel(t, draft.scenario)}</span>
            ) : null}
            {persona ? (
              <span className="jm-meta__item persona-chip">
                <PersonaAvatar initials={persona.initials} color={persona.avatarColor} size="sm" />
                {persona.name}
              </span>
            ) : null}
            <span className="jm-meta__item">
              {t("journeys.fields.owner")}:{" "}
              {owner
                ? owner.name
                : draft.ownerId
                  ? t("journeys.fields.currentOwner")
                  : t("journeys.fields.noOwner")}
            </span>
            <span className="jm-meta__item jm-meta__version">
              {t("journeys.versionInfo", { version: base.version, name: base.updatedBy?.name ?? "–" })}{" "}
              <DateText value={base.updatedAt} withTime />
            </span>
          </div>
        </div>
        <div className="jm-toolbar">
          <span className={dirty ? "save-state save-state--dirty" : "save-state"} aria-live="polite">
            {save.isPending
              ? t("journeys.saveState.saving")
              : dirty
                ? t("journeys.saveState.unsaved")
                : t("journeys.saveState.saved")}
          </span>
          <button
            ref={saveRef}
            type="button"
            className="button button--primary"
            disabled={!dirty || save.isPending}
            aria-keyshortcuts="Control+S Meta+S"
            title={t("journeys.saveShortcut")}
            onClick={() => doSave()}
          >
            <Icon name="save" size={16} />
            {t("common.save")}
          </button>
          <button type="button" className="button" onClick={() => setPanel("details")}>
            <Icon name="edit" size={16} />
            {t("journeys.details.button")}
          </button>
          <button type="button" className="button" onClick={() => setPanel("revisions")}>
            <Icon name="history" size={16} />
            {t("journeys.revisions.button")}
          </button>
          <button type="button" className="button" onClick={() => setPanel("coverage")}>
            <Icon name="shield" size={16} />
            {t("journeys.coverage.button")}
          </button>
          <MenuButton label={t("journeys.export.button")} icon="download" align="end" disabled={exporting}>
            {(close) => (
              <>
                <MenuItem
                  onSelect={() => {
                    close();
                    void runExport("png");
                  }}
                >
                  {t("journeys.export.png")}
                </MenuItem>
                <MenuItem
                  onSelect={() => {
                    close();
                    void runExport("pdf");
                  }}
                >
                  {t("journeys.export.pdf")}
                </MenuItem>
                <MenuItem
                  onSelect={() => {
                    close();
                    downloadHref(journeyExportHref(workspace.id, journeyId));
                  }}
                >
                  {t("journeys.export.json")}
                </MenuItem>
              </>
            )}
          </MenuButton>
          <MenuButton label={t("journeys.more")} icon="more" iconOnly align="end">
            {(close) => (
              <MenuItem
                icon="trash"
                tone="danger"
                onSelect={() => {
                  close();
                  setPanel("delete");
                }}
              >
                {t("journeys.delete.button")}
              </MenuItem>
            )}
          </MenuButton>
        </div>
      </header>
      <p className="status-message" role="status">
        {status}
      </p>
      {exporting ? <p className="muted">{t("journeys.export.working")}</p> : null}
      <ErrorAlert error={saveError} className="section-gap" />
      <ErrorAlert error={exportError} className="section-gap" />
      {staleSince !== null ? (
        <div className="alert alert--warning section-gap" role="alert">
          <Icon name="warning" className="alert__icon" />
          <div>
            <p className="alert__title">{t("journeys.conflict.staleTitle", { version: staleSince })}</p>
            <p className="alert__detail">{t("journeys.conflict.staleBody")}</p>
          </div>
        </div>
      ) : null}

      <MeasuresBar
        workspaceId={workspace.id}
        show={showMeasures}
        onShow={setShowChoice}
        scope={scope}
        onScope={setScope}
        measures={measures.data}
        pending={measures.isFetching}
        error={measures.error ?? kpis.error}
        canRebuild={canWrite(workspace)}
      />
      {showMeasures ? <KpiPanel kpis={kpis.data} pending={kpis.isFetching} /> : null}

      <JourneyMap
        doc={draft}
        measures={measuresByStep}
        touchpoints={touchpoints.data ?? []}
        onChange={setDraft}
        onRequestDeleteStage={(stage) =>
          stage.steps.length === 0 ? setDraft(removeStage(draft, stage.id)) : setDeletingStage(stage)
        }
        tableRef={tableRef}
      />
      <MapLegend />

      {panel === "details" ? (
        <JourneyDetailsDialog
          workspaceId={workspace.id}
          doc={draft}
          onClose={() => setPanel(null)}
          onApply={(patch) => setDraft({ ...draft, ...patch })}
        />
      ) : null}
      {panel === "revisions" ? (
        <RevisionsPanel
          workspaceId={workspace.id}
          journeyId={journeyId}
          currentVersion={base.version}
          dirty={dirty}
          onClose={() => setPanel(null)}
          onConflict={onConflict}
          onRestored={(j, version) => {
            adopt(j);
            setPanel(null);
            setStatus(t("journeys.revisions.restored", { version, newVersion: j.version }));
          }}
        />
      ) : null}
      {panel === "coverage" ? (
        <CoveragePanel
          workspaceId={workspace.id}
          journeyId={journeyId}
          version={base.version}
          dirty={dirty}
          saved={saved ?? draft}
          touchpoints={touchpoints.data ?? []}
          onClose={() => setPanel(null)}
          onShowStep={showStep}
          onShowStage={showStage}
        />
      ) : null}
      {panel === "delete" ? (
        <ConfirmDialog
          title={t("journeys.delete.title", { title: draft.title })}
          description={t("journeys.delete.body")}
          confirmLabel={t("journeys.delete.confirm")}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(journeyId, {
              onSuccess: () => {
                // The journey is gone: its unsaved edits have nothing left to be saved to.
                guardRef.current = false;
                navigate(`/w/${workspace.id}/journeys`, { replace: true });
              },
            })
          }
          onClose={() => setPanel(null)}
        />
      ) : null}
      {deletingStage ? (
        <ConfirmDialog
          title={t("journeys.map.deleteStageTitle", { name: deletingStage.name })}
          description={t("journeys.map.deleteStageBody", { count: deletingStage.steps.length })}
          confirmLabel={t("journeys.map.deleteStage")}
          onConfirm={() => {
            setDraft(removeStage(draft, deletingStage.id));
            setDeletingStage(null);
          }}
          onClose={() => setDeletingStage(null)}
        />
      ) : null}
      {blocker.state === "blocked" ? (
        <ConfirmDialog
          title={t("journeys.leave.title")}
          description={t("journeys.leave.body")}
          cancelLabel={t("journeys.leave.stay")}
          confirmLabel={t("journeys.leave.discard")}
          onConfirm={() => blocker.proceed()}
          onClose={() => blocker.reset()}
        />
      ) : null}
      {conflict ? (
        <ConflictDialog
          currentVersion={conflict.currentVersion}
          theirs={conflict.theirs}
          onLoadTheirs={() => void loadTheirs()}
          onKeepEditing={() => {
            setStaleSince(conflict.currentVersion);
            setConflict(null);
          }}
          onOverwrite={() => {
            const version = conflict.currentVersion;
            setConflict(null);
            doSave(version);
          }}
          onDownloadMine={() =>
            downloadBlob(
              new Blob([JSON.stringify(draft, null, 2)], { type: "application/json" }),
              `${fileSlug(draft.title)}-mine.json`,
            )
          }
        />
      ) : null}
    </div>
  );
}

function MapLegend() {
  const { t } = useTranslation();
  return (
    <div className="jm-legend" aria-label={t("journeys.legend.label")} role="note">
      <span className="jm-legend__title">{t("journeys.legend.label")}</span>
      <KindBadge kind="direct" />
      <KindBadge kind="indirect" />
      <KindBadge kind="hidden" />
      <span className="tp-cell tp-cell--free jm-legend__free">{t("journeys.map.freeMoment")}</span>
      <FlagBadge kind="signature" />
      <FlagBadge kind="mot" />
      <span className="jm-legend__emotion">
        <span className="jm-legend__gradient" aria-hidden="true" />
        {t("journeys.legend.emotion")}
      </span>
      <span className="muted">{t("journeys.legend.keyboard")}</span>
    </div>
  );
}

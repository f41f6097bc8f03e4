import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { withParam } from "../../components/searchParams";
import { Tabs, tabPanelProps } from "../../components/Tabs";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useCurrentWorkspace } from "../workspaces/context";
import "./analytics.css";
import { ScorecardTab } from "../scorecard/ScorecardTab";
import type { PathsDraft } from "./draft";
import { useEventNames } from "./events";
import { FunnelTab } from "./FunnelTab";
import { type PathsPreset, PathsTab } from "./PathsTab";
import { RepeatContactsTab } from "./RepeatContactsTab";
import { WaitingTab } from "./WaitingTab";
import { XoTab } from "./XoTab";

const TABS = ["funnel", "waiting", "paths", "repeat", "xo", "scorecard"] as const;
type Tab = (typeof TABS)[number];
const ID_PREFIX = "analytics";
const isTab = (v: string | null): v is Tab => TABS.some((tab) => tab === v);

/**
 * `/w/:ws/analytics`: funnels, waiting times and paths over the workspace's events. A report's panel
 * stays mounted once opened, so switching tabs keeps its steps and result.
 */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const raw = params.get("tab");
  const tab: Tab = isTab(raw) ? raw : "funnel";
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set([tab]));
  const eventNames = useEventNames(workspace.id);
  useDocumentTitle(t(`analytics.tabs.${tab}`), t("analytics.title"), workspace.name);

  function select(next: Tab) {
    setOpened((s) => (s.has(next) ? s : new Set([...s, next])));
    setParams(withParam("tab", next === "funnel" ? "" : next), { replace: true });
  }
  const [pathsPreset, setPathsPreset] = useState<PathsPreset | null>(null);
  function showPaths(draft: PathsDraft) {
    setPathsPreset((p) => ({ draft, nonce: (p?.nonce ?? 0) + 1 }));
    select("paths");
  }

  return (
    <div className="page page--wide analytics">
      <PageHeader title={t("analytics.title")} description={t("analytics.description")} />
      <Tabs
        tabs={TABS.map((id) => ({ id, label: t(`analytics.tabs.${id}`) }))}
        current={tab}
        onSelect={select}
        label={t("analytics.tabs.label")}
        idPrefix={ID_PREFIX}
      />
      {TABS.map((id) =>
        opened.has(id) || id === tab ? (
          <div key={id} {...tabPanelProps(ID_PREFIX, id)} className="tabs__panel" hidden={id !== tab}>
            {id === "funnel" ? (
              <FunnelTab workspaceId={workspace.id} eventNames={eventNames} onShowPaths={showPaths} />
            ) : id === "waiting" ? (
              <WaitingTab workspaceId={workspace.id} eventNames={eventNames} />
            ) : id === "repeat" ? (
              <RepeatContactsTab workspaceId={workspace.id} />
            ) : id === "xo" ? (
              <XoTab workspaceId={workspace.id} />
            ) : id === "scorecard" ? (
              <ScorecardTab workspaceId={workspace.id} />
            ) : (
              <PathsTab workspaceId={workspace.id} eventNames={eventNames} preset={pathsPreset} />
            )}
          </div>
        ) : null,
      )}
    </div>
  );
}

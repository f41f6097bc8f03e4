import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { paramValues, withParam } from "../../components/searchParams";
import { Tabs, tabPanelProps } from "../../components/Tabs";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useCurrentWorkspace } from "../workspaces/context";
import "./text.css";
import { canWrite } from "./access";
import { BackfillControl } from "./BackfillControl";
import { TextSettingsTab } from "./TextSettingsTab";
import { TOPICS_PARAMS, TopicsOverview, type TopicsParam } from "./TopicsOverview";

const TABS = ["overview", "settings"] as const;
type Tab = (typeof TABS)[number];
const ID_PREFIX = "topics";

/** `/w/:ws/topics`: what customers write about and how they feel about it, over time. */
export function TopicsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "settings" ? "settings" : "overview";
  const values = paramValues(params, TOPICS_PARAMS);
  useDocumentTitle(t(`text.tabs.${tab}`), t("text.title"), workspace.name);

  function set(name: TopicsParam | "tab", value: string) {
    setParams(withParam(name, value), { replace: true });
  }

  return (
    <div className="page page--wide topics">
      <PageHeader
        title={t("text.title")}
        description={t("text.description")}
        actions={canWrite(workspace) ? <BackfillControl workspaceId={workspace.id} /> : null}
      />
      <Tabs
        tabs={TABS.map((id) => ({
          id,
          label: t(`text.tabs.${id}`),
          icon: id === "overview" ? ("analytics" as const) : ("settings" as const),
        }))}
        current={tab}
        onSelect={(id) => set("tab", id === "overview" ? "" : id)}
        label={t("text.tabs.label")}
        idPrefix={ID_PREFIX}
      />
      <div {...tabPanelProps(ID_PREFIX, tab)} className="tabs__panel">
        {tab === "overview" ? (
          <TopicsOverview
            workspace={workspace}
            values={values}
            onChange={set}
            onReset={() => setParams({}, { replace: true })}
          />
        ) : (
          <TextSettingsTab workspace={workspace} />
        )}
      </div>
    </div>
  );
}

import { type KeyboardEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { NotificationSettings } from "../notifications/NotificationSettings";
import { canManageWorkspace, useCurrentWorkspace } from "../workspaces/context";
import { ApiKeysSection } from "./ApiKeysSection";
import { MembersSection } from "./MembersSection";
import { WebhooksSection } from "./WebhooksSection";

const TABS = ["members", "api-keys", "webhooks", "notifications"] as const;
type Tab = (typeof TABS)[number];

export function SettingsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((id) => id === params.get("tab")) ?? "members";
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({
    members: null,
    "api-keys": null,
    webhooks: null,
    notifications: null,
  });
  const canManage = canManageWorkspace(workspace);
  const label: Record<Tab, string> = {
    members: t("settings.membersTab"),
    "api-keys": t("settings.apiKeysTab"),
    webhooks: t("settings.webhooksTab"),
    notifications: t("settings.notificationsTab"),
  };
  useDocumentTitle(label[tab], t("settings.title"), workspace.name);

  function select(next: Tab, focus = false) {
    setParams(next === "members" ? {} : { tab: next }, { replace: true });
    if (focus) tabRefs.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Start from the focused tab: the URL (and so `tab`) updates in a transition and may lag behind.
    const focused = TABS.find((id) => tabRefs.current[id] === event.target) ?? tab;
    const index = TABS.indexOf(focused);
    const target =
      event.key === "ArrowRight"
        ? TABS[(index + 1) % TABS.length]
        : event.key === "ArrowLeft"
          ? TABS[(index + TABS.length - 1) % TABS.length]
          : event.key === "Home"
            ? TABS[0]
            : event.key === "End"
              ? TABS[TABS.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    select(target, true);
  }

  return (
    <div className="page">
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      {canManage ? null : (
        <p className="alert alert--info">
          <Icon name="warning" className="alert__icon" />
          <span>{t("settings.readOnlyNotice")}</span>
        </p>
      )}
      <div className="tabs" role="tablist" aria-label={t("settings.tabsLabel")} onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className="tabs__tab"
            onClick={() => select(id)}
          >
            <Icon
              name={
                id === "members"
                  ? "users"
                  : id === "webhooks"
                    ? "link"
                    : id === "notifications"
                      ? "bell"
                      : "key"
              }
              size={16}
            />
            {label[id]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabs__panel">
        {tab === "members" ? (
          <MembersSection workspace={workspace} canManage={canManage} />
        ) : tab === "webhooks" ? (
          <WebhooksSection workspace={workspace} canManage={canManage} />
        ) : tab === "notifications" ? (
          <NotificationSettings workspace={workspace} canManage={canManage} />
        ) : (
          <ApiKeysSection workspace={workspace} canManage={canManage} />
        )}
      </div>
    </div>
  );
}

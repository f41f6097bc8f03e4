import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDate } from "../../components/format";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { useDisclosure } from "../../components/useDisclosure";
import { type AppNotification, useMarkRead, useNotifications, useUnreadCount } from "./api";
import "./notifications.css";

/** The bell in the top bar: the unread count, and a list of the newest notifications to open and mark read. */
export function NotificationBell({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const disclosure = useDisclosure();
  const count = useUnreadCount(workspaceId);
  const list = useNotifications(workspaceId, disclosure.open);
  const markRead = useMarkRead(workspaceId);
  const unread = count.data?.unread ?? 0;

  return (
    <div className="popover-anchor">
      <button ref={disclosure.buttonRef} type="button" className="bell-button" {...disclosure.buttonProps}>
        <Icon name="bell" />
        <span className="sr-only">{t("notifications.bell", { count: unread })}</span>
        {unread > 0 ? (
          <span className="bell-button__count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      <div
        ref={disclosure.panelRef}
        className="popover popover--end notification-panel"
        {...disclosure.panelProps}
      >
        <div className="notification-panel__head">
          <p className="popover__heading">{t("notifications.title")}</p>
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={unread === 0 || markRead.isPending}
            onClick={() => markRead.mutate("all")}
          >
            {t("notifications.markAllRead")}
          </button>
        </div>
        <ErrorAlert error={markRead.error} />
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <p className="notice-inline">{t("notifications.empty")}</p>
        ) : (
          <ul className="popover__list notification-list">
            {list.data.items.map((n) => (
              <NotificationItem
                key={n.id}
                n={n}
                onOpen={() => {
                  if (!n.readAt) markRead.mutate(n.id);
                  disclosure.close();
                }}
                onMarkRead={() => markRead.mutate(n.id)}
              />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function NotificationItem({
  n,
  onOpen,
  onMarkRead,
}: {
  n: AppNotification;
  onOpen: () => void;
  onMarkRead: () => void;
}) {
  const { t } = useTranslation();
  const kind = t(`notifications.kinds.${n.kind}`, { defaultValue: t("notifications.kinds.other") });
  // Titles and bodies are user text: React renders them as text; links stay inside the app.
  const content = (
    <>
      <span className={`notification-item__kind notification-item__kind--${n.severity}`}>{kind}</span>
      <span className="notification-item__title">{n.title}</span>
      {n.body ? <span className="notification-item__body">{n.body}</span> : null}
      <span className="popover__item-meta">{formatDate(n.createdAt, true)}</span>
    </>
  );
  return (
    <li className={n.readAt ? "notification-item" : "notification-item notification-item--unread"}>
      {n.link?.startsWith("/") && !n.link.startsWith("//") ? (
        <Link className="notification-item__main" to={n.link} onClick={onOpen}>
          {content}
        </Link>
      ) : (
        <div className="notification-item__main">{content}</div>
      )}
      {n.readAt ? null : (
        <button
          type="button"
          className="icon-button"
          onClick={onMarkRead}
          title={t("notifications.markRead")}
        >
          <Icon name="check" size={16} />
          <span className="sr-only">{t("notifications.markRead")}</span>
        </button>
      )}
    </li>
  );
}
